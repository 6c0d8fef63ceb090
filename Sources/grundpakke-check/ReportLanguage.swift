import ArgumentParser
import RuleDSL

/// `--lang da|en`.
extension Language: ExpressibleByArgument {}
