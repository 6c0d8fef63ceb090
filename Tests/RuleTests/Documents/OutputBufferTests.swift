import Testing
@testable import RuleDSL

/// `OutputBuffer` must hold exactly the bytes appended to it, in order, however often it grows,
/// and give back what it is asked for when part of it is read or dropped.
@Suite struct OutputBufferTests {
    /// Every kind of append, from a buffer with almost no room, against an array built the
    /// same way: growing never loses or moves a byte.
    @Test(arguments: [0, 1, 16, 17, 1_000])
    func holdsWhatWasAppended(_ capacity: Int) {
        var buffer = OutputBuffer(capacity: capacity)
        var expected: [UInt8] = []
        for round in 0..<300 {
            let piece = Array("piece \(round) æøå".utf8)
            switch round % 5 {
            case 0:
                buffer.append(UInt8(truncatingIfNeeded: round))
                expected.append(UInt8(truncatingIfNeeded: round))
            case 1:
                piece.withUnsafeBufferPointer { buffer.append($0) }
                expected += piece
            case 2:
                buffer.append(",\n        \"id\": ")
                expected += Array(",\n        \"id\": ".utf8)
            case 3:
                buffer.append(repeating: UInt8(ascii: " "), count: round % 40)
                expected += Array(repeating: UInt8(ascii: " "), count: round % 40)
            default:
                buffer.append(piece)
                buffer.append([])
                expected += piece
            }
            #expect(buffer.count == expected.count)
        }
        #expect(buffer.array == expected)
    }

    @Test func readsAndDropsFromAnOffset() {
        var buffer = OutputBuffer(capacity: 4)
        buffer.append("head:")
        let start = buffer.count
        buffer.append("tail")
        #expect(buffer.withBytes(from: start) { Array($0) } == Array("tail".utf8))
        #expect(buffer.withBytes(from: buffer.count) { $0.count } == 0)
        buffer.removeSuffix(from: start)
        #expect(buffer.array == Array("head:".utf8))
        buffer.append("again")
        #expect(buffer.array == Array("head:again".utf8))
        buffer.removeSuffix(from: 0)
        #expect(buffer.count == 0)
        #expect(buffer.array.isEmpty)
    }
}
