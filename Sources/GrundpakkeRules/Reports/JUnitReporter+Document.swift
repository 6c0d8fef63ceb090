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

    var isFailure: Bool { if case .failure = verdict { return true } else { return false } }
    var isSkipped: Bool { if case .skipped = verdict { return true } else { return false } }
    var isError: Bool { if case .error = verdict { return true } else { return false } }

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

struct JUnitSuite: Sendable {
    var name: String
    var properties: [(name: String, value: String)]
    var cases: [JUnitCase]

    var tests: Int { cases.count }
    var failures: Int { cases.count(where: \.isFailure) }
    var skipped: Int { cases.count(where: \.isSkipped) }
    var errors: Int { cases.count(where: \.isError) }

    var xml: String {
        var lines = [#"  <testsuite name="\#(XMLText.attribute(name))" \#(JUnitSuite.counts(tests, failures, skipped, errors))>"#]
        if !properties.isEmpty {
            lines.append("    <properties>")
            lines += properties.map { #"      <property name="\#(XMLText.attribute($0.name))" value="\#(XMLText.attribute($0.value))"/>"# }
            lines.append("    </properties>")
        }
        lines += cases.map(\.xml)
        lines.append("  </testsuite>")
        return lines.joined(separator: "\n")
    }

    static func counts(_ tests: Int, _ failures: Int, _ skipped: Int, _ errors: Int) -> String {
        #"tests="\#(tests)" failures="\#(failures)" skipped="\#(skipped)" errors="\#(errors)" time="0""#
    }
}

enum JUnitDocument {
    static func render(name: String, suites: [JUnitSuite]) -> String {
        let counts = JUnitSuite.counts(
            suites.reduce(0) { $0 + $1.tests }, suites.reduce(0) { $0 + $1.failures },
            suites.reduce(0) { $0 + $1.skipped }, suites.reduce(0) { $0 + $1.errors })
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<testsuites name="\#(XMLText.attribute(name))" \#(counts)>"#]
        lines += suites.map(\.xml)
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }
}
