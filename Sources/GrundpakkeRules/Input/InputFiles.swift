import Foundation
import RuleDSL

/// The input formats, chosen by file extension.
public enum InputFormat: String, Sendable, CaseIterable {
    case yaml
    case json
    case jsonLines

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}

/// Turns the paths a user names into the list of input files, in a stable order.
public enum InputFiles {
    /// Files named directly must exist; directories contribute every input file below them.
    /// The result is sorted by path and free of repeats, so that every run reads the same files
    /// in the same order whatever order the paths were given in.
    public static func expand(_ paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(at: SourceLocation(file: path, line: 1, column: 1), code: "input.file",
                    "expected a file or directory, found nothing at '\(path)'",
                    hint: "check the path; it is read relative to the current directory"))
                continue
            }
            guard isDirectory.boolValue else {
                if InputFormat(path: path) == nil {
                    diagnostics.append(.error(at: SourceLocation(file: path, line: 1, column: 1), code: "input.file",
                        "expected a .yaml, .yml, .json, .jsonl or .ndjson file, found '\(path)'",
                        hint: "rename the file so its extension tells its format"))
                } else {
                    files.append(path)
                }
                continue
            }
            var found: [String] = []
            if let enumerator = fileManager.enumerator(atPath: path) {
                while let relative = enumerator.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var innerIsDirectory: ObjCBool = false
                    if InputFormat(path: full) != nil,
                       fileManager.fileExists(atPath: full, isDirectory: &innerIsDirectory), !innerIsDirectory.boolValue {
                        found.append(full)
                    }
                }
            }
            files += found
        }
        return (Array(Set(files)).sorted(), diagnostics)
    }
}
