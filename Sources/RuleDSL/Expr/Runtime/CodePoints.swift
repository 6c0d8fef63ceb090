import Foundation

/// String comparison by code point, as CEL defines it (never by Swift's canonical equivalence),
/// done on the UTF-8 bytes in place: the generic `utf8.elementsEqual` walks a string one index
/// at a time, which showed up in every rule that compares an enumeration field.
enum CodePoints {
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // Read in place (small strings from a stack copy); equal UTF-8 bytes are equal code
        // points, so one `memcmp` decides.
        return a.withUTF8InPlace { first in
            b.withUTF8InPlace { second in
                guard let left = first.baseAddress, let right = second.baseAddress else { return first.count == second.count }
                return memcmp(left, right, first.count) == 0
            }
        }
    }
}
