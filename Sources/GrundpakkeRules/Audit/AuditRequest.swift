import RuleDSL

/// Everything an audit is asked to do, as the command line gives it.
public struct AuditRequest: Sendable {
    public var paths: [String]
    public var asOf: CivilDate
    /// Which results the report lists.
    public var selection: ResultSelection
    /// Rule ids or id prefixes to run (all when empty) and to leave out.
    public var only: [String]
    public var skip: [String]
    public var waiversFile: String?
    public var baselineFile: String?
    /// Listed results kept in memory before the rest go to a temporary file.
    public var resultMemoryLimit: Int
    /// Set when the report will be written as JSON, in this language: each core then writes the
    /// results the report lists as JSON as soon as it has judged them (`WrittenResults`), which
    /// costs less than keeping them and writing them at the end. Such a report can be written
    /// only as JSON (`Report.writtenResults`).
    public var listedJSON: Language?

    public init(
        paths: [String], asOf: CivilDate, selection: ResultSelection = .all, only: [String] = [], skip: [String] = [],
        waiversFile: String? = nil, baselineFile: String? = nil, resultMemoryLimit: Int = ResultStore.defaultMemoryLimit,
        listedJSON: Language? = nil
    ) {
        self.paths = paths
        self.asOf = asOf
        self.selection = selection
        self.only = only
        self.skip = skip
        self.waiversFile = waiversFile
        self.baselineFile = baselineFile
        self.resultMemoryLimit = resultMemoryLimit
        self.listedJSON = listedJSON
    }
}

extension LoadedRulePack {
    /// Runs the request against this pack: reads the waivers and the baseline, streams every
    /// input through the chosen rules, and returns the report. Problems with the waiver or
    /// baseline files are input errors of the report. `progress` hears the records read so far.
    public func audit(_ request: AuditRequest, toolVersion: String, progress: (Int) -> Void = { _ in }) async -> Report {
        var problems: [Diagnostic] = []
        var waivers: [Waiver]?
        if let file = request.waiversFile {
            let loaded = Waivers.load(file: file)
            waivers = loaded.waivers
            problems += loaded.diagnostics
        }
        var previous: [Baseline.Entry]?
        if let file = request.baselineFile {
            let loaded = Baseline.load(file: file)
            previous = loaded.entries
            problems += loaded.diagnostics
        }
        let selected = selecting(only: request.only, skip: request.skip)
        let auditor = Auditor(rules: selected, asOf: request.asOf, selection: request.selection)
        let loaded = self
        let replicate: @Sendable () -> Auditor = {
            Auditor(rules: loaded.recompiled(selected), asOf: request.asOf, selection: request.selection)
        }
        var builder = ReportBuilder(
            rules: auditor.rules.map(\.rule), asOf: request.asOf, selection: request.selection, waivers: waivers, baseline: previous,
            resultMemoryLimit: request.resultMemoryLimit, written: request.listedJSON.map { _ in WrittenResults(results: request.resultMemoryLimit) })
        builder.sections = pack.sections
        builder.add(problems)
        // Listing every pair as JSON written where it is judged, a case lists some fifteen
        // results, and a chunk of the usual 2,048 cases would hold some 20 MB of text until it
        // is merged: smaller chunks keep that down to what a chunk of findings holds.
        let stream = request.listedJSON != nil && request.selection == .all ? InputStream(chunkSize: 256) : InputStream()
        var run = AuditRun(auditor: auditor, stream: stream, replicate: replicate)
        run.listedJSON = request.listedJSON.map { ListedJSONWriter.Recipe(language: $0, rules: auditor.rules.map(\.rule), asOf: request.asOf) }
        await run.run(paths: request.paths, into: &builder, progress: progress)
        return builder.finish(toolVersion: toolVersion, packName: pack.name, packVersion: pack.version)
    }

    /// `rules` compiled again: equal rules, objects of their own (see `AuditRun.replicate`).
    func recompiled(_ rules: [CompiledRule]) -> [CompiledRule] {
        let compiler = RuleCompiler(context: context)
        return rules.compactMap { compiler.compile($0.rule).rule }
    }
}
