import ArgumentParser
import DixitKit
import DixitUI
import Foundation

/// `dixit-bench generate`: writes a synthetic corpus.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write N synthetic articles into a directory.")

    @Option(help: "Number of articles.") var count = 1000
    @Option(help: "Directory to write into (made if missing).") var out: String
    @Option(help: "Real articles to recombine.") var source = defaultSource()
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Mean article size in bytes.") var meanBytes = 3000

    func run() throws {
        let gen = try CorpusGenerator(source: source)
        let t0 = Clock.now()
        let bytes = try gen.generate(count: count, into: URL(fileURLWithPath: out), seed: seed, meanBytes: meanBytes)
        print("wrote \(count) articles, \(bytes) bytes, in \(String(format: "%.1f", Clock.now() - t0)) s")
    }
}

/// `dixit-bench load`: loads and analyses a corpus once, printing `Figures` as JSON.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load a corpus once and print figures as JSON.")

    @Argument var paths: [String]
    @Option(help: "Use the analysis cache in this directory.") var cacheDir: String?
    @Flag(help: "Analyse on one thread, one file after the other.") var singleCore = false
    @Option(help: "Only the first N files.") var limit: Int?
    @Option(help: "Load this many times; the fastest run is reported.") var `repeat` = 1
    @Option(help: "Read the file list this many times over in one load (small inputs keep every core busy).") var copies = 1
    @Flag(help: "Start the reader instead (loader thread, batches prepared for the corpus index, merged on the main thread): time to the first screen and to the index complete, CPU and memory.")
    var reader = false
    @Option(help: "With --reader: a filter typed before the first article arrives, in force all through the loading.")
    var typeFilter: String?
    @Option(help: "With --reader: the loader's largest batch (articles).") var batchSize = ReaderFeed.batchSize

    func run() throws {
        if reader { return try runReader() }
        let corpus = CorpusLoader()
        let w0 = Clock.now()
        var (files, _) = corpus.loader.collectFiles(paths)
        let walkSeconds = Clock.now() - w0
        if let limit { files = Array(files.prefix(limit)) }
        if copies > 1 { files = Array(repeating: files, count: copies).flatMap { $0 } }
        // The whole list as given, when unchanged: the timed load then includes the directory walk.
        let inputs = limit == nil && copies == 1 ? paths : files
        var f = Figures()
        f.walkSeconds = walkSeconds
        f.files = files.count
        f.bytes = totalBytes(files)
        var best = Double.infinity
        var bestCPU = Double.infinity
        // What the machine gives right now (see `CoreCheck`): on a busy host, fewer cores than it has.
        if !singleCore { f.coresBefore = CoreCheck.availableCores() }
        for _ in 0..<max(1, self.repeat) {
            let t0 = Clock.now(), c0 = Memory.cpuSeconds()
            var articles: [AnalyzedArticle] = []
            if singleCore {
                articles.reserveCapacity(files.count)
                for file in files {
                    if case .success(let a) = corpus.loader.load(file) { articles.append(corpus.analyzer.analyze(a)) }
                }
            } else {
                var first = 0.0, last = 0.0
                let out = corpus.load(inputs, cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) }, onBatch: { _ in
                    last = Clock.now() - t0
                    if first == 0 { first = last }
                })
                f.firstBatchSeconds = first
                f.tailSeconds = Clock.now() - t0 - last
                articles = out.articles
                f.cacheHits = out.cacheHits
            }
            let wall = Clock.now() - t0, cpu = Memory.cpuSeconds() - c0
            if wall < best { f.parallelism = cpu / max(wall, 1e-9) }
            best = min(best, wall)
            bestCPU = min(bestCPU, cpu)
            f.articles = articles.count
            f.quotes = articles.reduce(0) { $0 + $1.quotes.count }
            f.entities = articles.reduce(0) { $0 + $1.entities.count }
            f.rssKiB = Memory.residentKiB()
            f.breakdown = MemoryBreakdown.of(articles)
            withExtendedLifetime(articles) {}
            // Diagnostics: glibc's per-arena heap figures (in use against mapped), on standard error.
            if ProcessInfo.processInfo.environment["DIXIT_MALLOC_STATS"] != nil, let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") {
            unsafeBitCast(sym, to: (@convention(c) () -> Void).self)()
        }
        }
        f.seconds = best
        f.cpuSeconds = bestCPU
        if !singleCore { f.coresAfter = CoreCheck.availableCores() }

        f.maxRSSKiB = Memory.peakKiB()
        print(String(decoding: try JSONEncoder().encode(f), as: UTF8.self))
    }
}

extension LoadCommand {
    /// `load --reader`: the reader's start, once.
    func runReader() throws {
        var f = Figures()
        let (files, _) = CorpusLoader().loader.collectFiles(paths)
        f.files = files.count
        f.bytes = totalBytes(files)
        let c0 = Memory.cpuSeconds()
        var typed: [Action] = []
        if let q = typeFilter {
            typed.append(.key(.char("f")))
            for ch in q { typed.append(.key(.char(ch))) }
            typed.append(.key(.enter))
        }
        let r = ReaderStart.run(paths, cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) }, typed: typed, batchSize: batchSize)
        f.cpuSeconds = Memory.cpuSeconds() - c0
        f.seconds = r.readySeconds
        f.firstBatchSeconds = r.firstScreenSeconds
        f.articles = r.state.corpus.count
        f.quotes = r.state.index.quoteCount
        f.maxRSSKiB = Memory.peakKiB()
        f.rssKiB = Memory.residentKiB()
        let text = Double(max(1, f.bytes))
        f.start = ["firstScreenSeconds": r.firstScreenSeconds, "loadSeconds": r.loadSeconds, "readySeconds": r.readySeconds,
                   "mergeCPUSeconds": r.mergeCPUSeconds, "processCPUSeconds": f.cpuSeconds,
                   "articlesFromSavedIndex": Double(r.fromSavedIndex), "indexSaveSeconds": r.saveSeconds,
                   "peakRSSOverText": Double(f.maxRSSKiB) * 1024 / text, "rssOverText": Double(f.rssKiB) * 1024 / text,
                   "indexMB": Double(r.state.index.storageBytes) / 1e6,
                   "peakBeforeFinishOverText": Double(r.peakBeforeFinishKiB) * 1024 / text,
                   "maxQueuedArticles": Double(r.maxQueuedArticles),
                   "wakeUps": Double(r.stalls.count)]
        let stalls = r.stalls.sorted()
        f.start["stallP50Ms"] = Percentile.of(stalls, 50) * 1000
        f.start["stallP99Ms"] = Percentile.of(stalls, 99) * 1000
        f.start["stallMaxMs"] = (stalls.last ?? 0) * 1000
        f.start["lastWakeUpMs"] = (r.stalls.last ?? 0) * 1000
        f.breakdown = r.state.index.storageBreakdown.reduce(into: [:]) { $0["index." + $1.key] = $1.value }
        f.note = "reader start: first screen, then index complete (load; the saved index read back, or each batch prepared on every core and merged on the main thread; freeze); then the index saved, timed apart"
        withExtendedLifetime(r) {}
        print(String(decoding: try JSONEncoder().encode(f), as: UTF8.self))
    }
}

/// `dixit-bench filter`: loads a corpus, then types queries a key at a time, timing each keystroke's filter.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "filter", abstract: "Time filter keystrokes over a loaded corpus; print figures as JSON.")

    @Argument var paths: [String]
    @Option(help: "Use the analysis cache in this directory.") var cacheDir: String?
    @Option(help: "How many queries to type.") var queries = 40
    @Option(help: "Random seed for the choice of queries.") var seed: UInt64 = 7
    @Flag(help: "Check phrases on Enter itself, as before the background check (for comparison).") var phrasesOnTheKey = false

    func run() throws {
        AllocatorTuning.forLargeCorpora()   // as the reader does
        let out = CorpusLoader().load(paths, cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) })
        let t0 = Clock.now()
        let filter = QuoteFilter(out.articles)
        var f = Figures()
        f.articles = out.articles.count
        f.quotes = filter.count
        f.note = String(format: "fold+contains over quote speaker and text; index built in %.0f ms", (Clock.now() - t0) * 1000)
        // Queries: words of the corpus's own quotes, typed one key at a time.
        var rng = SplitMix64(seed: seed)
        let allQuotes = out.articles.flatMap(\.quotes)
        var words: [String] = []
        while words.count < queries, !allQuotes.isEmpty {
            let q = allQuotes[rng.below(allQuotes.count)]
            let candidates = q.text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }
            if !candidates.isEmpty { words.append(String(candidates[rng.below(candidates.count)])) }
        }
        var latencies: [Double] = []
        for word in words {
            var previous: [Int]?
            var typed = ""
            for ch in word {
                typed.append(ch)
                let k0 = Clock.now()
                previous = filter.matches(typed, among: previous)
                latencies.append((Clock.now() - k0) * 1000)
            }
        }
        latencies.sort()
        f.samples = latencies.count
        f.p50 = Percentile.of(latencies, 50)
        f.p90 = Percentile.of(latencies, 90)
        f.p99 = Percentile.of(latencies, 99)
        f.pmax = latencies.last ?? 0
        // The reader itself: AppState.apply and render, key by key.
        let keys = ReaderKeys.measure(out.articles, queries: queries, seed: seed, phrasesOnTheKey: phrasesOnTheKey)
        func pct(_ xs: [Double]) -> [Double] {
            let s = xs.sorted()
            return [Percentile.of(s, 50), Percentile.of(s, 90), Percentile.of(s, 99), s.last ?? 0, Double(s.count)]
        }
        f.reader = ["filterTyping": pct(keys.filterTyping), "filterEnter": pct(keys.filterEnter),
                    "picker": pct(keys.picker), "speakerJump": pct(keys.speakerJump),
                    "search": pct(keys.search), "phraseEnter": pct(keys.phraseEnter), "quotesPane": pct(keys.quotesPane),
                    "phraseComplete": pct(keys.phraseComplete), "keysDuringCheck": pct(keys.keysDuringCheck),
                    "checkResults": pct(keys.checkResults), "phrasePlan": pct(keys.phrasePlan),
                    "phrasePendingArticles": pct(keys.phrasePending),
                    "phraseMismatches": [Double(keys.phraseMismatches), Double(keys.phraseChecked)]]
        for (key, xs) in keys.quotesPaneByKey { f.reader["quotesPane." + key] = pct(xs) }
        f.note += String(format: "; reader prepared in %.0f ms; corpus index %.0f MB; resident %.0f MB before the reader, %.0f MB with it",
                         keys.prepareSeconds * 1000, Double(keys.indexBytes) / 1e6,
                         Double(keys.residentBeforeKiB) / 1024, Double(keys.residentKiB) / 1024)
        f.maxRSSKiB = Memory.peakKiB()
        f.rssKiB = keys.residentKiB
        f.breakdown = keys.indexBreakdown.reduce(into: [:]) { $0["index." + $1.key] = $1.value }
        print(String(decoding: try JSONEncoder().encode(f), as: UTF8.self))
    }
}

/// `../shared/eval/dev` of the checkout this binary was built from, else of the working directory.
func defaultSource() -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidate = root.deletingLastPathComponent().appendingPathComponent("shared/eval/dev").path
    return FileManager.default.fileExists(atPath: candidate) ? candidate : "../shared/eval/dev"
}
