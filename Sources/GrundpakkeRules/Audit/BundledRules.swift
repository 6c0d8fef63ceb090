import Foundation

/// Finds the rule pack shipped with the tool, from any working directory.
public enum BundledRules {
    /// The first of: `$GRUNDPAKKE_RULES`; a `rules/` directory beside the executable or above it
    /// (a build inside the source tree); `share/grundpakke-check/rules` of an installation prefix;
    /// the source tree the tool was built from.
    public static func directory(executablePath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fileManager = FileManager.default
        func isPack(_ directory: String) -> Bool {
            fileManager.fileExists(atPath: (directory as NSString).appendingPathComponent("pack.yaml"))
        }
        if let configured = environment["GRUNDPAKKE_RULES"], isPack(configured) { return configured }
        let executable = executablePath ?? (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
        if let executable {
            var directory = ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
            while directory.count > 1 {
                for candidate in ["rules", "share/grundpakke-check/rules"] {
                    let path = (directory as NSString).appendingPathComponent(candidate)
                    if isPack(path) { return path }
                }
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        // Sources/GrundpakkeRules/Audit/BundledRules.swift → the package root.
        var root = #filePath as NSString
        for _ in 0..<4 { root = root.deletingLastPathComponent as NSString }
        let source = root.appendingPathComponent("rules")
        return isPack(source) ? source : nil
    }
}
