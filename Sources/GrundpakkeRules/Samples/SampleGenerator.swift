import RuleDSL

/// A deterministic generator of realistic synthetic exports: shelter profiles and stays with
/// children, for tests, sample data and benchmarks.
///
/// The same configuration always gives byte-identical output (the only randomness is a seeded
/// `SplitMix64`). Admissions are spread over the `spanDays` before the as-of date, on every
/// weekday and with some around Danish closed days; stays last from one day to about a year and
/// are ongoing when they would end after the as-of date; about half the stays have children aged
/// 0–17; most stays show good practice and the rest one to three slips; a few leave fields out.
/// Ids are pseudonyms (`gen-kc-01`, `GEN-K01-2025-0042`, `GEN-K01-2025-0042-c1`): there are no
/// names of people and nothing shaped like a CPR number.
public struct SampleGenerator: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var seed: UInt64
        public var shelters: Int
        public var cases: Int
        public var asOf: CivilDate
        /// Admissions fall in the `spanDays` days up to and including the as-of date.
        public var spanDays: Int
        /// The share of stays (and of shelter profiles) with no slip.
        public var goodPracticeShare: Double

        public static let maxShelters = 9_999

        public init(seed: UInt64, shelters: Int, cases: Int, asOf: CivilDate, spanDays: Int = 730, goodPracticeShare: Double = 0.85) {
            self.seed = seed
            // At most four-digit shelter codes: a longer run of digits in an id could look like a CPR number.
            self.shelters = min(max(1, shelters), Self.maxShelters)
            self.cases = max(0, cases)
            self.asOf = asOf
            self.spanDays = max(1, spanDays)
            self.goodPracticeShare = goodPracticeShare
        }
    }

    public let configuration: Configuration
    let shelterPlans: [ShelterPlan]
    private let closedDays: [Int]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        var rng = SplitMix64(seed: configuration.seed ^ 0x5348_454C_5445_5253)
        let width = max(2, String(configuration.shelters).count)
        shelterPlans = (1...configuration.shelters).map {
            ShelterPlan(number: $0, codeWidth: width, goodShare: configuration.goodPracticeShare, rng: &rng)
        }
        let asOf = configuration.asOf.daysSinceEpoch
        closedDays = SampleCalendar.closedDays(
            years: SampleCalendar.year(asOf - configuration.spanDays)...SampleCalendar.year(asOf))
    }

    // MARK: Shelters

    /// Every shelter profile as a YAML `---` stream.
    public func sheltersYAML() -> String {
        var sink = YAMLSink(buffer: ByteBuffer())
        sink.buffer.append("# Syntetiske krisecenterprofiler (grundpakke-check generate, seed ")
        sink.buffer.append(String(configuration.seed))
        sink.buffer.append("). Ingen rigtige krisecentre eller personer.\n")
        for shelter in shelterPlans {
            sink.buffer.append("---\n")
            shelter.write(into: &sink)
        }
        return String(decoding: sink.buffer.bytes, as: UTF8.self)
    }

    // MARK: Cases

    /// Every stay as JSON Lines, one per line.
    public func casesJSONLines() -> String {
        var text: [UInt8] = []
        writeCasesJSONLines { text += $0.bytes; $0.removeAll() }
        return String(decoding: text, as: UTF8.self)
    }

    /// Streams every stay as JSON Lines: `flush` is handed the buffer whenever it holds about
    /// `chunkBytes`, and once at the end, and must empty it.
    public func writeCasesJSONLines(chunkBytes: Int = 1 << 20, _ flush: (inout ByteBuffer) throws -> Void) rethrows {
        var sink = JSONSink(buffer: ByteBuffer(capacity: chunkBytes + (1 << 14)))
        try forEachCase { plan in
            sink.beginRecord()
            plan.write(into: &sink, withKind: true, withShelter: true)
            sink.endRecord()
            sink.buffer.append(UInt8(ascii: "\n"))
            if sink.buffer.count >= chunkBytes { try flush(&sink.buffer) }
        }
        try flush(&sink.buffer)
    }

    /// Every stay as YAML: one `case-export` document per shelter, in a `---` stream.
    public func caseExportsYAML() -> String {
        var bodies = Array(repeating: ByteBuffer(capacity: 0), count: shelterPlans.count)
        var sink = YAMLSink(buffer: ByteBuffer(capacity: 0), indent: 2)
        forEachCase { plan in
            let shelter = plan.id.shelterCode - 1
            swap(&sink.buffer, &bodies[shelter])
            sink.beginItem()
            plan.write(into: &sink, withKind: false, withShelter: false)
            sink.endItem()
            swap(&sink.buffer, &bodies[shelter])
        }
        var out = ByteBuffer()
        for (shelter, body) in zip(shelterPlans, bodies) {
            out.append("---\nkind: case-export\nshelter_id: ")
            out.append(shelter.shelterID)
            out.append("\nexported_at: ")
            out.appendDate(configuration.asOf.daysSinceEpoch)
            out.append(body.count == 0 ? "\ncases: []\n" : "\ncases:\n")
            out.append(body)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Draws every stay in admission order (give or take the holiday nudges).
    func forEachCase(_ body: (CasePlan) throws -> Void) rethrows {
        let total = configuration.cases
        guard total > 0 else { return }
        var rng = SplitMix64(seed: configuration.seed ^ 0x4341_5345_5354_4159)
        let asOf = configuration.asOf.daysSinceEpoch
        let span = configuration.spanDays
        let start = asOf - span + 1
        let weights = shelterPlans.map(\.placesWomen)
        let firstYear = SampleCalendar.year(start)
        var counters = Array(repeating: Array(repeating: 0, count: SampleCalendar.year(asOf) - firstYear + 1), count: shelterPlans.count)
        let step = max(1, span / total)
        for index in 0..<total {
            var admission = start + index * span / total + rng.below(step)
            if rng.chance(0.06), let holiday = nextClosedDay(onOrAfter: admission), holiday - admission <= 14 {
                admission = holiday + rng.int(in: -1...1)
            }
            admission = min(max(admission, start), asOf)
            let shelter = rng.weighted(weights)
            let year = SampleCalendar.year(admission)
            counters[shelter][year - firstYear] += 1
            let plan = shelterPlans[shelter]
            let id = SampleID(shelterCode: plan.number, codeWidth: plan.codeWidth, year: year, number: counters[shelter][year - firstYear])
            try body(CasePlan(id: id, shelter: plan, admission: admission, asOf: asOf,
                              goodShare: configuration.goodPracticeShare, rng: &rng))
        }
    }

    private func nextClosedDay(onOrAfter day: Int) -> Int? {
        var low = 0
        var high = closedDays.count
        while low < high {
            let middle = (low + high) / 2
            if closedDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low < closedDays.count ? closedDays[low] : nil
    }
}
