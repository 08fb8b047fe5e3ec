import Foundation

/// Loads and analyses many files on every core, keeping the input order, reusing the
/// analyses of the persistent cache when given one.
public struct CorpusLoader: Sendable {
    public var loader: ArticleLoader
    /// The analyser, made on first use when none was given: a start whose every file
    /// comes from the cache never loads the lexicons (some 13 MB and 20 ms).
    public var analyzer: Analyzer {
        get { analyzerBox.value }
        set { analyzerBox = LazyAnalyzer(newValue) }
    }
    private var analyzerBox: LazyAnalyzer
    /// Files analysed between two cache transactions and two `onBatch` calls, at most.
    /// The first batches are smaller (16, 32, …) so that the first articles come at once.
    public var batchSize: Int
    /// The nice value of the threads that analyse (`ThreadPriority`), nil to keep the
    /// caller's: the reader lowers them so that its keys win a core while it loads.
    public var workerNice: Int32?
    /// The analysis cache used when `load` is given none (nil: no cache).
    public var cacheDirectory: URL?

    public init(loader: ArticleLoader = ArticleLoader(), analyzer: Analyzer? = nil, batchSize: Int = 1024,
                cacheDirectory: URL? = nil) {
        self.loader = loader
        self.analyzerBox = LazyAnalyzer(analyzer)
        self.batchSize = max(1, batchSize)
        self.cacheDirectory = cacheDirectory
    }

    /// A run of articles ready, in input order, with the problems met on the way.
    public struct Batch: Sendable {
        public var articles: [AnalyzedArticle]
        /// Per article, what identifies its file's version (path, size, modification time
        /// and content hash, hashed together), 0 when unknown (no cache, standard input):
        /// what a saved corpus index is checked against.
        public var identities: [UInt64] = []
        /// This batch's warnings and errors (and, in the first batch, the walk's and the cache's).
        public var problems: [LoadProblem]
        /// Files done so far, out of `total`.
        public var done: Int
        public var total: Int
    }

    public struct Output: Sendable {
        public var articles: [AnalyzedArticle]
        /// Notes, warnings and errors, in input order (cache messages after the walk's).
        public var problems: [LoadProblem]
        /// How many articles came from the cache rather than a fresh analysis.
        public var cacheHits: Int = 0
        /// Whether some input could not be read at all.
        public var hadErrors: Bool { problems.contains { $0.severity == .error } }
    }

    /// Loads `paths` (files, directories, `-`), analysing each article.
    ///
    /// With `cacheDirectory` (else the loader's own), analyses of unchanged files come from the cache there
    /// (see `AnalysisCache`), new and changed files are analysed and stored, and the
    /// entries of files deleted from the directories read are dropped. The articles are
    /// the same with or without it.
    /// `progress` is called (from any thread) with the number of files done and the total;
    /// `onBatch` (on the calling thread) with each run of articles as they are ready, in order.
    /// With `keepingArticles: false` the output's `articles` stays empty: a caller that
    /// takes them from `onBatch` (the reader) then never holds the corpus twice.
    public func load(_ paths: [String], cacheDirectory: URL? = nil,
                     progress: (@Sendable (Int, Int) -> Void)? = nil,
                     keepingArticles: Bool = true,
                     onBatch: ((Batch) -> Void)? = nil) -> Output {
        // The cache opens (lexicon fingerprint, SQLite) while the directories are walked.
        let opening = (cacheDirectory ?? self.cacheDirectory).map { CacheOpening($0) }
        let (files, walkProblems) = loader.collectFiles(paths)
        var problems = walkProblems
        var cache: AnalysisCache?
        if let opened = opening?.result() {
            cache = opened.cache
            problems += opened.problems
        }
        let cwd = FileManager.default.currentDirectoryPath
        let writer = CacheWriter()
        let done = Counter()
        var articles: [AnalyzedArticle] = []
        articles.reserveCapacity(files.count)
        var hits = 0
        var inCache: [String] = []   // keys with an entry now (hit or stored)
        var reported = 0   // problems already handed to onBatch

        // Threads run the chunks one after the other, without waiting for each other at the
        // end of a batch, while this thread hands the batches over in order (see `LoadPlan`).
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let plan = LoadPlan(fileCount: files.count, batchSize: batchSize, workers: threads, minChunk: cache == nil ? 1 : 4)
        let queue = ChunkQueue<Slot, AnalysisCache?>(plan: plan, context: cache)
        let fetchFailures = FetchFailures()
        queue.start(threads: threads, nice: workerNice) { [self] job in
            // Each chunk reads its cache entries, then its files: the SQLite reads run on
            // every core too (a pool of readers). Cache keys are made here, on every core.
            let sub = job.chunk.files
            var keys = [String](repeating: "", count: sub.count)
            var found: [String: AnalysisCache.Entry] = [:]
            if let batchCache = job.context {
                for i in sub where files[i] != "-" {
                    keys[i - sub.lowerBound] = CacheLocation.absoluteKey(files[i], currentDirectory: cwd)
                }
                do {
                    found = try batchCache.entries(for: keys.filter { !$0.isEmpty })
                } catch {
                    fetchFailures.record(error, batch: job.chunk.batch, cache: batchCache)
                }
            }
            for i in sub {
                let k = i - sub.lowerBound
                job.out[k] = job.context != nil
                    ? loadThroughCache(files[i], key: keys[k], cached: found[keys[k]])
                    : Slot(result: loader.load(files[i]).map { compact(analyzer.analyze($0)) })
                if let progress { progress(done.increment(), files.count) }
            }
        }
        /// After a cache error: the workers are stopped while the cache is set aside or turned off.
        func replaceCache(_ c: AnalysisCache, after error: Error) {
            queue.pausing { context in
                writer.wait()
                (cache, problems) = recover(c, error: error, problems: problems)
                context = cache
            }
        }

        for (b, range) in plan.batches.enumerated() {
            let slots = queue.take(batch: b)
            if let (error, failed) = fetchFailures.take(batch: b), let c = cache, c === failed {
                replaceCache(c, after: error)
            }
            var batch: [AnalyzedArticle] = []
            var identities: [UInt64] = []
            var fresh: [AnalysisCache.NewEntry] = []
            for slot in slots {
                guard let slot else { continue }
                if slot.hit { hits += 1; inCache.append(slot.key) }
                if let e = slot.newEntry { fresh.append(e); inCache.append(e.key) }
                switch slot.result {
                case .success(let a):
                    batch.append(a)
                    identities.append(slot.identity)
                    for w in a.article.warnings {
                        problems.append(LoadProblem(path: a.article.path, message: w, severity: .warning))
                    }
                case .failure(let p): problems.append(p)
                }
            }
            if let c = cache, !fresh.isEmpty { writer.store(fresh, in: c) }
            if let failure = writer.takeFailure(), let c = cache {
                replaceCache(c, after: failure)
            }
            if keepingArticles { articles += batch }
            if let onBatch {
                onBatch(Batch(articles: batch, identities: identities, problems: Array(problems[reported...]),
                              done: range.upperBound, total: files.count))
                reported = problems.count
            }
        }
        queue.waitForWorkers()
        writer.wait()
        if let failure = writer.takeFailure(), let c = cache {
            (cache, problems) = recover(c, error: failure, problems: problems)
        }
        if let c = cache {
            dropDeleted(c, paths: paths, cwd: cwd, keeping: Set(inCache))
            c.close()
        }
        return Output(articles: articles, problems: problems, cacheHits: hits)
    }

    /// One file's outcome.
    private struct Slot: Sendable {
        var result: Result<AnalyzedArticle, LoadProblem>
        var hit = false
        /// The cache key of a hit.
        var key = ""
        var newEntry: AnalysisCache.NewEntry?
        var identity: UInt64 = 0
    }

    /// What identifies a version of a file: its key, size, time and content hash, hashed together.
    static func identity(key: String, size: Int64, mtime: Int64, hash: UInt64) -> UInt64 {
        var bytes = Array(key.utf8)
        for v in [UInt64(bitPattern: size), UInt64(bitPattern: mtime), hash] {
            withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return max(1, ContentHash.xxh64(bytes))
    }

    /// The cached analysis when the file's size, time and content hash match the entry,
    /// else a fresh one (with the entry to store).
    private func loadThroughCache(_ file: String, key: String, cached: AnalysisCache.Entry?) -> Slot {
        guard !key.isEmpty, let snap = FileSnapshot.take(file, maxSize: loader.maxFileSize) else {
            return Slot(result: loader.load(file).map { compact(analyzer.analyze($0)) })
        }
        let hash = ContentHash.xxh64(snap.bytes)
        let identity = Self.identity(key: key, size: snap.size, mtime: snap.mtime, hash: hash)
        if let e = cached, e.size == snap.size, e.mtime == snap.mtime, e.hash == hash,
           let text = ScalarText.compactUTF8(snap.bytes) ?? (try? TextDecoder.decode(snap.bytes))?.text.compacted(),
           let analysed = try? AnalysisRecord.decode(e.record, path: file, text: text) {
            return Slot(result: .success(analysed), hit: true, key: key, identity: identity)
        }
        switch loader.parse(path: file, bytes: snap.bytes) {
        case .failure(let p):
            return Slot(result: .failure(p))
        case .success(let article):
            let analysed = compact(analyzer.analyze(article))
            let entry = AnalysisCache.NewEntry(key: key, size: snap.size, mtime: snap.mtime, hash: hash,
                                               record: AnalysisRecord.encode(analysed))
            return Slot(result: .success(analysed), newEntry: entry, identity: identity)
        }
    }

    /// The article with its text in compact form: the analysis is done, and the corpus
    /// is held for display, search and export (see `ScalarText.compacted()`).
    private func compact(_ a: AnalyzedArticle) -> AnalyzedArticle {
        var a = a
        // Quotes read their words from the analysis's own copy of the text: when it holds
        // the article's words (checked once, free when it is the same buffer), they move
        // to the compacted text without comparing each one.
        let analysisText = a.quotes.lazy.compactMap { $0.sharedSource }.first
        let moving = analysisText.flatMap { $0.text == a.article.text ? $0 : nil }
        let original = a.article.text
        a.article.text = original.compacted()
        // Arrays grown by appending keep up to twice the room they need.
        a.article.paragraphs = a.article.paragraphs.withUnsafeBufferPointer { Array($0) }
        // Quotes, entities and mentions read their words from the article's text
        // instead of keeping copies; names repeat within an article: one buffer each.
        let shared = SharedArticleText(a.article.text)
        var pool = StringPool()
        a.entities = a.entities.withUnsafeBufferPointer { Array($0) }
        // Compared with the words before compaction when they are an array of scalars: read
        // from memory rather than decoded one by one from the compact form.
        if original.isCompact {
            for i in a.entities.indices { a.entities[i].shareText(shared) }
        } else {
            original.scalars.withUnsafeBufferPointer { words in
                for i in a.entities.indices { a.entities[i].shareText(shared, comparingWith: words) }
            }
        }
        for i in a.entities.indices {
            a.entities[i].canonical = pool.intern(a.entities[i].canonical)
        }
        a.quotes = a.quotes.withUnsafeBufferPointer { Array($0) }
        for i in a.quotes.indices {
            a.quotes[i].shareText(shared, replacing: moving)
            if let s = a.quotes[i].speaker { a.quotes[i].speaker = pool.intern(s) }
        }
        return a
    }

    /// After a cache error: a damaged file is set aside and a new cache made; any
    /// other error turns the cache off for the rest of the run.
    private func recover(_ cache: AnalysisCache, error: Error, problems: [LoadProblem]) -> (AnalysisCache?, [LoadProblem]) {
        if AnalysisCache.isDamage(error) {
            let (fresh, more) = cache.rebuild(reason: "is damaged")
            return (fresh, problems + more)
        }
        cache.close()
        return (nil, problems + [LoadProblem(path: cache.fileURL.path, message: "analysis cache unusable (\(error)); going on without it", severity: .warning)])
    }

    /// Drops the entries of named files that are gone and of deleted files under the directories read.
    private func dropDeleted(_ cache: AnalysisCache, paths: [String], cwd: String, keeping: Set<String>) {
        let fm = FileManager.default
        var gone: [String] = []
        var roots: [String] = []
        for p in paths where p != "-" {
            var isDir: ObjCBool = false
            let key = CacheLocation.absoluteKey(p, currentDirectory: cwd)
            if !fm.fileExists(atPath: p, isDirectory: &isDir) { gone.append(key) } else if isDir.boolValue { roots.append(key) }
        }
        try? cache.drop(keys: gone, under: roots, keeping: keeping)
    }
}

/// Equal strings made one: the first one's storage, trimmed, is shared by the others.
private struct StringPool {
    private var seen: [String: String] = [:]
    mutating func intern(_ s: String) -> String {
        // Up to 15 bytes, the copy lives inline in the String value: nothing to share.
        guard s.utf8.count > 15 else { return Self.exact(s) }
        if let first = seen[s] { return first }
        let kept = Self.exact(s)
        seen[kept] = kept
        return kept
    }

    /// A copy of `s` in a buffer of its own size, or inline when it fits in the String
    /// value. Strings made by the analysis often have room for four times their bytes
    /// (`ScalarText` reserves the widest UTF-8 form), and even short ones then sit on
    /// the heap: kept for the life of the corpus (2.4 million canonical names for
    /// 100,000 articles), that room would cost a third of the text's size.
    static func exact(_ s: String) -> String {
        var s = s
        return s.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}

/// Stores the cache entries of one batch while the next is analysed.
private final class CacheWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "dixit.cache-writer")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    func store(_ entries: [AnalysisCache.NewEntry], in cache: AnalysisCache) {
        queue.async(group: group) { [self] in
            lock.lock(); let failed = failure != nil; lock.unlock()
            guard !failed else { return }
            do { try cache.store(entries) } catch {
                lock.lock(); failure = error; lock.unlock()
            }
        }
    }

    func wait() { group.wait() }

    func takeFailure() -> Error? {
        lock.lock(); defer { lock.unlock() }
        let f = failure
        failure = nil
        return f
    }
}

/// Opens the analysis cache on another thread; `result()` waits for it.
private final class CacheOpening: @unchecked Sendable {
    private var opened: (cache: AnalysisCache?, problems: [LoadProblem]) = (nil, [])
    private let group = DispatchGroup()
    init(_ directory: URL) {
        DispatchQueue.global().async(group: group) { [self] in
            opened = AnalysisCache.open(directory: directory)
        }
    }
    func result() -> (cache: AnalysisCache?, problems: [LoadProblem]) {
        group.wait()
        return opened
    }
}

/// An analyser made once, on first use, whichever thread asks first.
private final class LazyAnalyzer: @unchecked Sendable {
    private var made: Analyzer?
    private let lock = NSLock()
    init(_ analyzer: Analyzer?) { made = analyzer }
    var value: Analyzer {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let a = Analyzer()
        made = a
        return a
    }
}

/// The first cache read error of each batch, from any thread, with the cache that failed.
private final class FetchFailures: @unchecked Sendable {
    private var errors: [Int: (Error, AnalysisCache)] = [:]
    private let lock = NSLock()
    func record(_ e: Error, batch: Int, cache: AnalysisCache) {
        lock.lock(); defer { lock.unlock() }
        if errors[batch] == nil { errors[batch] = (e, cache) }
    }
    func take(batch: Int) -> (Error, AnalysisCache)? {
        lock.lock(); defer { lock.unlock() }
        return errors.removeValue(forKey: batch)
    }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
