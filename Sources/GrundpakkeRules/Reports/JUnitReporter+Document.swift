/// The JUnit XML document: test cases grouped into suites, and how each is written.
struct JUnitCase: Sendable {
    enum Verdict: Sendable {
        /// Compliant, or pending (with a note of the due date in `systemOut`).
        case passed
        case failure(message: String, type: String, body: String)
        case skipped(message: String)
        case error(message: String, type: String, body: String)
    }

    var name: String
    var classname: String
    var file: String
    var line: Int
    var verdict: Verdict
    var systemOut: String?

    var kind: JUnitVerdictKind {
        switch verdict {
        case .passed: return .passed
        case .failure: return .failure
        case .skipped: return .skipped
        case .error: return .error
        }
    }

    var xml: String {
        let head = #"    <testcase name="\#(XMLText.attribute(name))" classname="\#(XMLText.attribute(classname))" "#
            + #"file="\#(XMLText.attribute(file))" line="\#(line)" time="0""#
        var children: [String] = []
        switch verdict {
        case .passed: break
        case .failure(let message, let type, let body):
            children.append(#"      <failure message="\#(XMLText.attribute(message))" type="\#(XMLText.attribute(type))">\#(XMLText.content(body))</failure>"#)
        case .skipped(let message):
            children.append(#"      <skipped message="\#(XMLText.attribute(message))"/>"#)
        case .error(let message, let type, let body):
            children.append(#"      <error message="\#(XMLText.attribute(message))" type="\#(XMLText.attribute(type))">\#(XMLText.content(body))</error>"#)
        }
        if let systemOut { children.append("      <system-out>\(XMLText.content(systemOut))</system-out>") }
        guard !children.isEmpty else { return head + "/>" }
        return ([head + ">"] + children + ["    </testcase>"]).joined(separator: "\n")
    }
}

/// What a test case counts as in the `tests`/`failures`/`skipped`/`errors` attributes.
enum JUnitVerdictKind: Sendable {
    case passed
    case failure
    case skipped
    case error
}

/// The counts of a `<testsuite>` or `<testsuites>` element, known before its test cases are
/// written.
struct JUnitCounts: Sendable {
    var tests = 0
    var failures = 0
    var skipped = 0
    var errors = 0

    mutating func add(_ kind: JUnitVerdictKind, _ amount: Int = 1) {
        tests += amount
        switch kind {
        case .passed: break
        case .failure: failures += amount
        case .skipped: skipped += amount
        case .error: errors += amount
        }
    }

    mutating func add(_ other: JUnitCounts) {
        tests += other.tests
        failures += other.failures
        skipped += other.skipped
        errors += other.errors
    }

    var attributes: String {
        #"tests="\#(tests)" failures="\#(failures)" skipped="\#(skipped)" errors="\#(errors)" time="0""#
    }
}

/// The lines around test cases, each ending in a line break, so the document is written in
/// order: the header, per suite its opening lines, cases and closing line, then the footer.
enum JUnitDocument {
    static func header(name: String, counts: JUnitCounts) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<testsuites name="\#(XMLText.attribute(name))" \#(counts.attributes)>"# + "\n"
    }

    static func suiteHeader(name: String, properties: [(name: String, value: String)], counts: JUnitCounts) -> String {
        var lines = [#"  <testsuite name="\#(XMLText.attribute(name))" \#(counts.attributes)>"#]
        if !properties.isEmpty {
            lines.append("    <properties>")
            lines += properties.map { #"      <property name="\#(XMLText.attribute($0.name))" value="\#(XMLText.attribute($0.value))"/>"# }
            lines.append("    </properties>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let suiteFooter = "  </testsuite>\n"
    static let footer = "</testsuites>\n"
}
