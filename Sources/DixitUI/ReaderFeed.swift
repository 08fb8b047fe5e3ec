import DixitKit
import Foundation

/// The reader's start, off the main thread: loads the articles (from the analysis
/// cache when they are in it) and hands them over as actions, with their corpus index.
///
/// Without a saved index, each batch is prepared for the index on every core as it
/// arrives (`CorpusIndexPart.prepare`), so the list fills in while loading goes on.
/// With one (`IndexStore`: the same paths opened before), it is read on another thread
/// while the articles load and are sent unindexed (listed at once); once all are
/// loaded (from the cache, about a second for 100,000), the saved index comes for as
/// many as it covers (the same files, in the same order, unchanged), and only the rest
/// is indexed here.
/// What is left to do after the reader's index is complete, saving it, is returned.
public struct ReaderFeed: Sendable {
    public var corpusLoader: CorpusLoader
    /// Where the index is saved between starts; nil without the analysis cache.
    public var store: IndexStore?
    /// Articles prepared for the index per action, once loading is over.
    public var sliceSize = 8192

    /// The reader's batches, at most: each is taken in on the main thread between two
    /// keys (some 5 ms for 256 articles: a key typed meanwhile waits no longer).
    public static let batchSize = 256

    /// `corpusLoader`'s threads are given the background priority (`ThreadPriority`;
    /// the thread that calls `run` should take it too), so that the main thread's keys
    /// win a core; its batches are `batchSize` at most unless `batchSize` says otherwise.
    public init(corpusLoader: CorpusLoader, store: IndexStore?, batchSize: Int = ReaderFeed.batchSize) {
        self.corpusLoader = corpusLoader
        self.corpusLoader.workerNice = ThreadPriority.background
        self.corpusLoader.batchSize = batchSize
        self.store = store
    }

    /// An index to save once the reader has it complete (`save(_:)`).
    public struct SaveRequest: Sendable {
        public var store: IndexStore
        public var key: String
        /// The running digest after each article of the corpus.
        public var digests: [UInt64]

        /// Saves the reader's index; a problem when it could not be saved (the reader works on).
        public func save(_ index: CorpusIndex) -> LoadProblem? {
            guard index.articleCount == digests.count else { return nil }   // not the corpus loaded
            do {
                try store.save(index, digests: digests, forKey: key)
                return nil
            } catch {
                return LoadProblem(path: store.directory.path, message: "cannot save the corpus index (\(error))", severity: .warning)
            }
        }
    }

    public struct Outcome: Sendable {
        /// The loader's problems (and the saved index's, when it could not be used).
        public var problems: [LoadProblem]
        /// The index to save, when it was built (in part or whole) and can be saved.
        public var save: SaveRequest?
        /// Articles that came with the saved index (none when it was built).
        public var fromSavedIndex = 0
    }

    /// Loads `paths`, calling `post` with each action for the reader, `.loadingFinished` last.
    public func run(_ paths: [String], post: @escaping (Action) -> Void) -> Outcome {
        let key = store == nil ? nil : IndexStore.pathsKey(paths)
        let reading: SavedIndexRead? = if let store, let key, store.hasIndex(forKey: key) { SavedIndexRead(store, key) } else { nil }
        var digests: [UInt64] = []
        var identified = true
        var held: [AnalyzedArticle] = []
        var done = 0, total = 0
        let output = corpusLoader.load(paths, keepingArticles: false, onBatch: { batch in
            var d = digests.last ?? IndexStore.emptyDigest
            for id in batch.identities {
                if id == 0 { identified = false }
                d = IndexStore.digest(d, id)
                digests.append(d)
            }
            if batch.identities.count != batch.articles.count { identified = false }
            (done, total) = (batch.done, batch.total)
            if reading != nil {
                held += batch.articles
                post(.arrived(batch.articles, done: done, total: total))
            } else {
                post(.loaded(CorpusIndexPart.prepare(batch.articles), done: done, total: total))
            }
        })
        var outcome = Outcome(problems: output.problems)
        var built = true
        if let reading {
            let (saved, problem) = reading.result()
            if let problem { outcome.problems.append(problem) }
            var covered = 0
            if let saved, identified, saved.digests.count <= digests.count,
               saved.digests.last == nil || saved.digests.last == digests[saved.digests.count - 1] {
                covered = saved.digests.count
                if covered > 0 { post(.indexLoaded(saved.index)) }
            }
            outcome.fromSavedIndex = covered
            built = covered < held.count
            var at = covered
            while at < held.count {
                let end = min(held.count, at + max(1, sliceSize))
                post(.indexed(CorpusIndexPart.prepare(Array(held[at..<end]))))
                at = end
            }
            held = []
        }
        if built, identified, let store, let key {
            outcome.save = SaveRequest(store: store, key: key, digests: digests)
        }
        post(.loadingFinished(problems: outcome.problems.filter { $0.severity == .error }.map { $0.description }))
        return outcome
    }
}

/// A saved index read on another thread while the articles load.
private final class SavedIndexRead: @unchecked Sendable {
    private var value: (saved: IndexStore.Saved?, problem: LoadProblem?) = (nil, nil)
    private let group = DispatchGroup()

    init(_ store: IndexStore, _ key: String) {
        let thread = Thread { [self] in
            value = store.load(forKey: key)
            group.leave()
        }
        group.enter()
        thread.stackSize = 1 << 22
        thread.start()
    }

    func result() -> (saved: IndexStore.Saved?, problem: LoadProblem?) {
        group.wait()
        return value
    }
}
