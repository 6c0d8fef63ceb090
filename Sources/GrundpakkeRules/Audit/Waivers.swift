import Foundation
import RuleDSL

/// Accepted deviations (`--waivers FILE`): reading the file and marking the results they cover.
public enum Waivers {
    static let schema = ObjectSchema(name: "waiver", fields: [
        FieldSchema("rule", .string, nullable: false, required: true, doc: LocalizedText(da: "Reglens id", en: "The rule id")),
        FieldSchema("subject", .string, nullable: false, required: true,
            doc: LocalizedText(da: "Krisecenter-, sags- eller barn-id, eller *", en: "A shelter, case or child id, or *")),
        FieldSchema("reason", .string, nullable: false, required: true, doc: LocalizedText(da: "Begrundelse", en: "Reason")),
        FieldSchema("approved_by", .string, nullable: false, required: true, doc: LocalizedText(da: "Godkendt af", en: "Approved by")),
        FieldSchema("expires", .date, nullable: false, required: true, doc: LocalizedText(da: "Sidste gyldige dag", en: "Last day it applies")),
    ])

    /// The waivers in a YAML or JSON file: a list, or a mapping with the list under `waivers`.
    public static func load(file: String) -> (waivers: [Waiver], diagnostics: [Diagnostic]) {
        guard let bytes = BoundedFile.read(file) else {
            return ([], [.error(at: SourceLocation(file: file, line: 1, column: 1), code: "waiver.file",
                "expected a readable waiver file, found nothing at '\(file)'")])
        }
        var root: Node?
        var diagnostics: [Diagnostic] = []
        if InputFormat(path: file) == .json, bytes.count > DocumentLimits.standard.maxFileBytes {
            diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "input.limit.file-size",
                "the waiver file is larger than the limit of \(DocumentLimits.standard.maxFileBytes) bytes"))
        } else if InputFormat(path: file) == .json {
            switch JSONReader().read(bytes[...], file: file) {
            case .success(let node): root = node
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        } else {
            let loaded = YAMLLoader().load(bytes, file: file)
            diagnostics += loaded.diagnostics
            root = loaded.documents.first
        }
        guard let root else { return ([], diagnostics) }
        guard let items = root.sequenceItems ?? root["waivers"]?.sequenceItems else {
            diagnostics.append(.error(at: root.location, code: "waiver.file",
                "expected a list of waivers (or 'waivers:' holding one), found \(root.kindDescription)",
                hint: "each waiver has rule, subject, reason, approved_by and expires"))
            return ([], diagnostics)
        }
        var waivers: [Waiver] = []
        for item in items {
            let validated = SchemaValidator().validate(item, as: .object(schema), path: "waiver")
            diagnostics += validated.diagnostics.map { diagnostic in
                var copy = diagnostic
                copy.message = CPRRedaction.redact(copy.message)
                return copy
            }
            guard case .map(let fields)? = validated.value,
                  case .string(let rule)? = fields["rule"], case .string(let subject)? = fields["subject"],
                  case .string(let reason)? = fields["reason"], case .string(let approvedBy)? = fields["approved_by"],
                  case .date(let expires)? = fields["expires"] else { continue }
            waivers.append(Waiver(rule: rule, subject: subject, reason: reason, approvedBy: approvedBy, expires: expires, location: item.location))
        }
        return (waivers, diagnostics)
    }

    /// Marks every finding a waiver in force covers, in a report already built (the streaming
    /// audit marks results as they are judged).
    public static func apply(_ waivers: [Waiver], to report: inout Report) {
        let context = TallyContext(rules: report.rules, asOf: report.asOf, selection: .all, waivers: waivers, baseline: nil)
        var used = Set<Int>()
        var waived = 0
        var unwaived = LevelSet()
        report.results = report.results.rewritten { item in
            var tally = context.tally([item], shelterID: "", subjects: [:])
            used.formUnion(tally.waiversUsed)
            waived += tally.waived
            unwaived.formUnion(tally.unwaived)
            return tally.kept.popLast() ?? item
        }
        report.waivedCount = waived
        report.unwaivedNoncompliance = unwaived.levels
        report.waiversUsed = true
        report.waiverNotices = notices(waivers, used: used, asOf: report.asOf)
    }

    /// Expired waivers, and waivers in force that covered nothing (by index), in file order.
    static func notices(_ waivers: [Waiver], used: Set<Int>, asOf: CivilDate) -> [WaiverNotice] {
        waivers.enumerated().compactMap { offset, waiver in
            if waiver.expires < asOf { return WaiverNotice(kind: .expired, waiver: waiver) }
            return used.contains(offset) ? nil : WaiverNotice(kind: .unmatched, waiver: waiver)
        }
    }

    static func covers(_ waiver: Waiver, ruleID: String, subject: SubjectReference) -> Bool {
        guard waiver.rule == ruleID else { return false }
        return waiver.subject == "*" || waiver.subject == subject.id || waiver.subject == subject.caseID
            || waiver.subject == subject.shelterID
    }
}
