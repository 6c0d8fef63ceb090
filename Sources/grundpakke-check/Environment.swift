import ArgumentParser
import Foundation
import GrundpakkeRules
import RuleDSL

/// The only place the tool reads the clock: the default evaluation date.
enum Today {
    static func inDenmark(now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? TimeZone(secondsFromGMT: 3600) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0) ?? GrundpakkeContextFallback.epoch
    }
}

enum GrundpakkeContextFallback {
    static let epoch: CivilDate = {
        guard let date = CivilDate(year: 1970, month: 1, day: 1) else { preconditionFailure("1970-01-01 is a date") }
        return date
    }()
}

/// Colour on a terminal only, and never when NO_COLOR is set.
enum Terminal {
    static var wantsColour: Bool {
        ColourPolicy.wantsColour(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}

/// Writes a report to a file or standard output as it is rendered (a file is put in place only
/// once complete).
enum ReportOutput {
    static func write(_ report: Report, format: ReportFormat, options: ReportOptions, to path: String?) async throws {
        do {
            var sink = try ReportFileSink(path: path)
            try await format.write(report, options: options, to: &sink, parallelism: AuditRun.defaultParallelism)
            try sink.commit()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Records per second and elapsed time on standard error, for long runs on a terminal only:
/// silent in CI, in pipes and for short runs.
struct ProgressMeter {
    private let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) == 1

    mutating func update(records: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1, now.timeIntervalSince(lastShown) >= 0.5 else { return }
        lastShown = now
        shown = true
        let rate = Int(Double(records) / max(elapsed, 0.001))
        FileHandle.standardError.write(Data("\r\(records) records, \(rate) records/s, \(Int(elapsed)) s   ".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
