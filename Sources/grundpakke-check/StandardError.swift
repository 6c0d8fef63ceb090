import Foundation

/// Writes a line to standard error (diagnostics and progress never mix with a report on stdout).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
