import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The file-size limit bounds what is read, not only what is parsed: a YAML or JSON file is
/// read up to one byte past the limit, so a huge file, or one that never ends (a device, a
/// pipe), is one located error instead of all of memory or a hang.
@Suite("file-size limit while reading")
struct FileSizeLimitTests {
    static func pending(_ path: String, limits: DocumentLimits) async -> [PendingInput] {
        var items: [PendingInput] = []
        let problems = await InputStream(limits: limits).read(paths: [path]) { chunk in items += chunk }
        #expect(problems.isEmpty)
        return items
    }

    static func codes(_ items: [PendingInput]) -> [String] {
        items.flatMap { item -> [String] in
            if case .rejected(let result) = item { return result.diagnostics.map(\.code) }
            return ["record"]
        }
    }

    @Test("a .yaml name for a file without end (/dev/zero) is a file-size error, not a hang")
    func endlessFile() async throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/zero"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("endless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("endless.yaml").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        let items = await Self.pending(path, limits: DocumentLimits(maxFileBytes: 1 << 20))
        #expect(Self.codes(items) == ["input.limit.file-size"])
        if case .rejected(let result)? = items.first {
            #expect(result.location == RuleDSL.SourceLocation(file: path, line: 1, column: 1))
            #expect(result.diagnostics.first?.message == "the file is larger than the limit of 1048576 bytes")
        }
    }

    @Test("a file one byte over the limit is rejected, one at the limit is read", arguments: [(31, true), (30, false)])
    func boundary(_ limit: Int, _ accepted: Bool) async throws {
        let text = "kind: shelter\nshelter_id: kc-a\n"  // 31 bytes
        #expect(text.utf8.count == 31)
        let file = try AuditCLITests.temporaryFile(named: "s.yaml", text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let items = await Self.pending(file.path, limits: DocumentLimits(maxFileBytes: limit))
        #expect(Self.codes(items) == (accepted ? ["record"] : ["input.limit.file-size"]))
    }
}
