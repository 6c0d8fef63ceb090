import Synchronization
import Testing
@testable import RuleDSL

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 39, 1_000])
    func givesWhatMapGivesInTheSameOrder(_ count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { "item \($0 * 3)" } == items.map { "item \($0 * 3)" })
    }

    @Test func eachElementIsTransformedOnce() {
        let calls = Mutex(0)
        let results = Array(0..<500).concurrentMap { item -> Int in
            calls.withLock { $0 += 1 }
            return item
        }
        #expect(results.count == 500)
        #expect(calls.withLock { $0 } == 500)
    }
}
