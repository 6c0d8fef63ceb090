import RuleDSL

/// The compact form of an `AuditResult` in a spill file, and back, field for field.
///
/// A record is its length, then its body; the body starts with the rule index, so a reader
/// looking for one rule's results skips the others without decoding them. Repeating values go
/// through `InternTables`; a waiver is always a table number, so who approved it (a person's
/// name, never printed) is never written to disk.
enum ResultCoding {
    private enum Flag {
        static let waiver: UInt8 = 1 << 0
        static let baseline: UInt8 = 1 << 1
        static let unchanged: UInt8 = 1 << 2
        static let due: UInt8 = 1 << 3
        static let daysLate: UInt8 = 1 << 4
        static let caseID: UInt8 = 1 << 5
        static let errorMessage: UInt8 = 1 << 6
    }

    private static let outcomes = Outcome.allCases
    private static let kinds = SubjectReference.Kind.allCases

    /// Appends one record (length and body) to `output`.
    static func encode(_ item: AuditResult, into output: inout ByteWriter, tables: inout InternTables) {
        // The body is written straight after what `output` holds, and its length put in front
        // of it at the end: moving a body of a hundred-odd bytes costs less than a buffer of
        // its own, made and freed for every result.
        let start = output.bytes.count
        var body = ByteWriter()
        swap(&body.bytes, &output.bytes)
        defer {
            swap(&body.bytes, &output.bytes)
            insertLength(of: start..., in: &output)
        }
        let result = item.result
        let subject = item.subject
        body.unsigned(item.ruleIndex)
        body.byte(UInt8(outcomes.firstIndex(of: result.outcome) ?? 0))
        var flags: UInt8 = 0
        var waiverNumber: Int?
        // The waiver table has no limit, so every waiver gets a number.
        if let waiver = item.waiver, let number = tables.waivers.number(of: waiver) {
            waiverNumber = number
            flags |= Flag.waiver
        }
        if let status = item.baseline { flags |= Flag.baseline | (status == .unchanged ? Flag.unchanged : 0) }
        if result.due != nil { flags |= Flag.due }
        if result.daysLate != nil { flags |= Flag.daysLate }
        if subject.caseID != nil { flags |= Flag.caseID }
        if result.errorMessage != nil { flags |= Flag.errorMessage }
        body.byte(flags)
        body.byte(UInt8(kinds.firstIndex(of: subject.kind) ?? 0))
        body.string(subject.id)
        if let caseID = subject.caseID { body.string(caseID) }
        interned(subject.shelterID, &body, &tables)
        interned(subject.location.file, &body, &tables)
        body.signed(subject.location.line)
        body.signed(subject.location.column)
        if let waiverNumber { body.unsigned(waiverNumber) }
        if let due = result.due { body.signed(due.daysSinceEpoch) }
        if let late = result.daysLate { body.signed(late) }
        body.unsigned(result.missing.count)
        for path in result.missing { interned(path, &body, &tables) }
        body.unsigned(result.evidence.count)
        for entry in result.evidence {
            interned(entry.path, &body, &tables)
            if let value = entry.value {
                body.byte(1)
                ValueCoding.encode(value, into: &body)
            } else {
                body.byte(0)
            }
        }
        body.unsigned(result.legalBasis.count)
        for reference in result.legalBasis { citation(reference, &body, &tables) }
        if let message = result.errorMessage { body.string(message) }
    }

    /// The length of the bytes from `body`'s start to the end, as `ByteWriter.unsigned` writes
    /// it, inserted before them.
    private static func insertLength(of body: PartialRangeFrom<Int>, in output: inout ByteWriter) {
        var rest = UInt64(output.bytes.count - body.lowerBound)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { prefix in
            var count = 0
            while rest >= 0x80 {
                prefix[count] = UInt8(truncatingIfNeeded: rest) | 0x80
                rest >>= 7
                count += 1
            }
            prefix[count] = UInt8(rest)
            output.bytes.insert(contentsOf: UnsafeBufferPointer(rebasing: prefix[...count]), at: body.lowerBound)
        }
    }

    /// The rule index of the record whose body starts at `reader.position`, leaving the reader there.
    static func peekRule(_ reader: ByteReader) throws(ResultStoreError) -> Int {
        var copy = reader
        return try copy.int()
    }

    /// One record body, read from `reader` (which stands at its start).
    static func decode(_ reader: inout ByteReader, tables: InternTables) throws(ResultStoreError) -> AuditResult {
        let ruleIndex = try reader.int()
        let outcomeIndex = Int(try reader.byte())
        guard outcomeIndex < outcomes.count else { throw .corrupt }
        let flags = try reader.byte()
        let kindIndex = Int(try reader.byte())
        guard kindIndex < kinds.count else { throw .corrupt }
        let id = try reader.string()
        let caseID = flags & Flag.caseID != 0 ? try reader.string() : nil
        let shelterID = try interned(&reader, tables)
        let file = try interned(&reader, tables)
        let line = try reader.signed()
        let column = try reader.signed()
        let waiver = flags & Flag.waiver != 0 ? try tables.waivers.value(try reader.int()) : nil
        var due: CivilDate?
        if flags & Flag.due != 0 {
            guard let date = CivilDate(daysSinceEpoch: try reader.signed()) else { throw .corrupt }
            due = date
        }
        let daysLate = flags & Flag.daysLate != 0 ? try reader.signed() : nil
        var missing: [String] = []
        let missingCount = try reader.int()
        missing.reserveCapacity(min(missingCount, 64))
        for _ in 0..<missingCount { missing.append(try interned(&reader, tables)) }
        var evidence: [(path: String, value: Value?)] = []
        let evidenceCount = try reader.int()
        evidence.reserveCapacity(min(evidenceCount, 64))
        for _ in 0..<evidenceCount {
            let path = try interned(&reader, tables)
            let present = try reader.byte()
            evidence.append((path, present == 0 ? nil : try ValueCoding.decode(&reader)))
        }
        var legalBasis: [LegalReference] = []
        let citationCount = try reader.int()
        legalBasis.reserveCapacity(min(citationCount, 16))
        for _ in 0..<citationCount { legalBasis.append(try citation(&reader, tables)) }
        let errorMessage = flags & Flag.errorMessage != 0 ? try reader.string() : nil
        let baseline: BaselineStatus? = flags & Flag.baseline == 0 ? nil : flags & Flag.unchanged != 0 ? .unchanged : .new
        let subject = SubjectReference(
            kind: kinds[kindIndex], id: id, caseID: caseID, shelterID: shelterID,
            location: SourceLocation(file: file, line: line, column: column))
        let result = RuleResult(
            outcome: outcomes[outcomeIndex], due: due, daysLate: daysLate, missing: missing, evidence: evidence,
            legalBasis: legalBasis, errorMessage: errorMessage)
        return AuditResult(ruleIndex: ruleIndex, subject: subject, result: result, waiver: waiver, baseline: baseline)
    }

    // MARK: Interned values: 0 and the value in full, or the table number + 1.

    private static func interned(_ text: String, _ body: inout ByteWriter, _ tables: inout InternTables) {
        if let number = tables.strings.number(of: text) {
            body.unsigned(number + 1)
        } else {
            body.unsigned(0)
            body.string(text)
        }
    }

    private static func interned(_ reader: inout ByteReader, _ tables: InternTables) throws(ResultStoreError) -> String {
        let tag = try reader.int()
        return tag == 0 ? try reader.string() : try tables.strings.value(tag - 1)
    }

    private static func citation(_ reference: LegalReference, _ body: inout ByteWriter, _ tables: inout InternTables) {
        if let number = tables.citations.number(of: reference) {
            body.unsigned(number + 1)
            return
        }
        body.unsigned(0)
        body.string(reference.law)
        body.string(reference.provision)
        for date in [reference.validFrom, reference.validTo] {
            if let date {
                body.byte(1)
                body.signed(date.daysSinceEpoch)
            } else {
                body.byte(0)
            }
        }
    }

    private static func citation(_ reader: inout ByteReader, _ tables: InternTables) throws(ResultStoreError) -> LegalReference {
        let tag = try reader.int()
        if tag > 0 { return try tables.citations.value(tag - 1) }
        let law = try reader.string()
        let provision = try reader.string()
        var dates: [CivilDate?] = []
        for _ in 0..<2 {
            if try reader.byte() == 0 {
                dates.append(nil)
            } else {
                guard let date = CivilDate(daysSinceEpoch: try reader.signed()) else { throw .corrupt }
                dates.append(date)
            }
        }
        return LegalReference(law: law, provision: provision, validFrom: dates[0], validTo: dates[1])
    }
}
