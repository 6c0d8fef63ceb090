import RuleDSL

/// The plain-text account of what was read: counts that add up, then every problem with its
/// location. Used by `audit` before any rule runs.
public enum InputSummaryText {
    public static func render(_ batch: InputBatch) -> String {
        let records = batch.records
        let shelters = records.count { $0.kind == .shelter }
        let cases = records.count { $0.kind == .case }
        let children = records.reduce(0) { $0 + $1.children.count }
        var text = """
            Read \(batch.filesRead) file\(batch.filesRead == 1 ? "" : "s"): \(batch.recordsRead) records, \
            \(records.count) accepted, \(batch.recordsRejected) rejected.
              shelters: \(shelters)
              cases:    \(cases)
              children: \(children)

            """
        let errors = batch.errors
        let warnings = batch.warnings
        if !errors.isEmpty {
            text += "\nInput errors (\(errors.count)):\n"
            for error in errors { text += "  \(error)\n" }
        }
        if !warnings.isEmpty {
            text += "\nWarnings (\(warnings.count)):\n"
            for warning in warnings { text += "  \(warning)\n" }
        }
        return text
    }
}
