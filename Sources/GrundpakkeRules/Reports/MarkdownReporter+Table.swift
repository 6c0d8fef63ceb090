/// Markdown building blocks: escaped text and pipe tables whose rows always have as many cells
/// as the heading.
enum Markdown {
    /// Text that Markdown shows as written: no line breaks, and the characters that would start
    /// markup, HTML or a link escaped with a backslash. Underscores inside words stay as they are
    /// (GitHub does not read them as emphasis), so field paths stay readable.
    static func text(_ raw: String) -> String {
        let characters = Array(raw)
        var output = ""
        output.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}":
                if !output.hasSuffix(" ") { output.append(" ") }
            case "\\", "|", "*", "`", "<", ">", "~", "&":
                output.append("\\")
                output.append(character)
            case "]" where index + 1 < characters.count && "([:".contains(characters[index + 1]):
                // `[text](target)` would be a link: break it. A lone `[CPR]` stays as written.
                output.append("\\]")
            case "_":
                let inWord = index > 0 && index + 1 < characters.count
                    && isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])
                output.append(inWord ? "_" : "\\_")
            default:
                output.append(character)
            }
        }
        return output
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// A pipe table. Cells are escaped unless added with `escaped: false`.
    struct Table {
        let headings: [String]
        /// Columns from this index on are right-aligned (counts).
        let numericFrom: Int?
        private var rows: [[String]] = []

        init(headings: [String], numericFrom: Int? = nil) {
            self.headings = headings.map(Markdown.text)
            self.numericFrom = numericFrom
        }

        mutating func add(_ cells: [String], escaped: Bool = true) {
            var row = escaped ? cells.map(Markdown.text) : cells.map { $0.replacing("\n", with: " ") }
            // Every row has exactly as many cells as the heading.
            if row.count < headings.count { row += Array(repeating: "", count: headings.count - row.count) }
            rows.append(Array(row.prefix(headings.count)))
        }

        func render() -> String {
            let rule = headings.indices.map { index in
                if let numericFrom, index >= numericFrom { return "---:" }
                return "---"
            }
            return ([headings, rule] + rows).map(line).joined(separator: "\n")
        }

        private func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
        }
    }
}
