import Foundation
import Testing
@testable import RuleDSL

/// Reading a string's UTF-8 in place gives exactly its bytes, for empty, small (inline) and
/// large strings, ASCII or not, and for a string that came from Foundation.
@Suite struct UTF8InPlaceTests {
    @Test(arguments: ["", "a", "gen-kc-01", "exactly15bytes!", "sixteen bytes!!!", "Ærø Kommune", String(repeating: "å", count: 40)])
    func givesTheStringsBytes(_ text: String) {
        #expect(text.withUTF8InPlace { Array($0) } == Array(text.utf8))
        #expect(text.withUTF8InPlace { $0.count } == text.utf8.count)
    }

    @Test func aStringFromFoundationToo() {
        let text = NSString(string: "Sikkerhedsvurdering før indflytning").description
        #expect(text.withUTF8InPlace { Array($0) } == Array(text.utf8))
    }
}
