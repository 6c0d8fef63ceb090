import ArgumentParser
import GrundpakkeRules
import RuleDSL

/// Finds and loads the rule pack: the one given, or the bundled one.
enum RulePackLocation {
    static func directory(_ given: String?) throws -> String {
        if let given { return given }
        guard let bundled = BundledRules.directory() else {
            throw ValidationError("the bundled rule pack was not found; pass --rules DIR or set GRUNDPAKKE_RULES")
        }
        return bundled
    }

    /// Loads the pack and prints its problems to standard error; exits 2 when it has errors.
    static func load(_ given: String?, failOnErrors: Bool = true) throws -> LoadedRulePack {
        let loaded = LoadedRulePack.load(directory: try directory(given))
        for diagnostic in loaded.diagnostics {
            printError(diagnostic.description)
        }
        if failOnErrors, loaded.hasErrors { throw ExitCode(2) }
        return loaded
    }
}
