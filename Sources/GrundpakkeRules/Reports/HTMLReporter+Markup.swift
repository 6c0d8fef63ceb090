import RuleDSL

/// Small HTML building blocks: escaping, outcome badges, compliance bars and tables.
enum HTML {
    /// Text safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The class name of an outcome (colour) — always shown together with its symbol and word.
    static func outcomeClass(_ outcome: Outcome) -> String {
        switch outcome {
        case .noncompliant: return "o-nc"
        case .pending: return "o-pe"
        case .incomplete: return "o-in"
        case .compliant: return "o-ok"
        case .notApplicable: return "o-na"
        case .error: return "o-er"
        }
    }

    static func symbol(_ outcome: Outcome) -> String {
        switch outcome {
        case .noncompliant: return "✗"
        case .pending: return "◷"
        case .incomplete: return "?"
        case .compliant: return "✓"
        case .notApplicable: return "–"
        case .error: return "!"
        }
    }

    static func badge(_ outcome: Outcome, _ label: String) -> String {
        "<span class=\"badge \(outcomeClass(outcome))\"><span aria-hidden=\"true\">\(symbol(outcome))</span> \(escape(label))</span>"
    }

    /// The compliance share as a bar and its number; a grey bar and “–” when nothing was decided.
    static func complianceBar(_ share: Double?, _ label: String) -> String {
        guard let share else {
            return "<span class=\"share\"><span class=\"bar none\" aria-hidden=\"true\"></span> <span class=\"pct\">\(escape(label))</span></span>"
        }
        let percent = Int((share * 1000).rounded())
        let width = "\(percent / 10).\(percent % 10)%"
        return "<span class=\"share\"><span class=\"bar\" aria-hidden=\"true\"><span class=\"fill\" style=\"width:\(width)\"></span></span>"
            + " <span class=\"pct\">\(escape(label))</span></span>"
    }

    /// A table with a repeated header row. Cells are HTML already (escape before); a cell is
    /// numeric (right-aligned) when its column index is in `numeric`.
    struct Table {
        let headings: [String]
        let numeric: Set<Int>
        let className: String
        private var rows: [(cells: [String], className: String?)] = []
        private var groups: [Int: String] = [:]

        init(headings: [String], numeric: Set<Int> = [], className: String = "") {
            self.headings = headings
            self.numeric = numeric
            self.className = className
        }

        mutating func add(_ cells: [String], className: String? = nil) {
            rows.append((cells, className))
        }

        /// A heading row over the rows that follow (HTML already).
        mutating func addGroup(_ heading: String) {
            groups[rows.count] = heading
        }

        var isEmpty: Bool { rows.isEmpty }

        func render() -> String {
            var html = className.isEmpty ? "<table>\n" : "<table class=\"\(className)\">\n"
            html += "<thead><tr>"
            for (index, heading) in headings.enumerated() {
                html += numeric.contains(index) ? "<th scope=\"col\" class=\"num\">\(escape(heading))</th>" : "<th scope=\"col\">\(escape(heading))</th>"
            }
            html += "</tr></thead>\n<tbody>\n"
            for (index, row) in rows.enumerated() {
                if let group = groups[index] {
                    html += "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(headings.count)\">\(group)</th></tr>\n"
                }
                html += row.className.map { "<tr class=\"\($0)\">" } ?? "<tr>"
                for (index, cell) in row.cells.enumerated() {
                    html += numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
                }
                html += "</tr>\n"
            }
            return html + "</tbody>\n</table>"
        }
    }
}
