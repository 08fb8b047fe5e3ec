import DixitKit
import Foundation

/// The part of a filter the corpus index cannot answer alone: a phrase whose words
/// are in place in many articles, to be read in their texts. On Enter the reader
/// shows at once what the index decides and hands this to its backend, which runs
/// it off the keystroke (`run`, on another thread) and posts the matches slice by
/// slice, in corpus order, as `Action.filterChecked`. A newer filter makes a new
/// check with a new generation: results of an older one are ignored.
public struct FilterCheck: Sendable {
    /// Which filter this is the check of (`AppState` ignores results of other generations).
    public let generation: Int
    let plan: QueryPlan
    /// The articles as they were when the filter was applied (texts are read from it).
    let corpus: [AnalyzedArticle]
    /// Articles checked per slice: each slice is one posted result.
    public let sliceSize: Int

    init(generation: Int, plan: QueryPlan, corpus: [AnalyzedArticle], sliceSize: Int = 1024) {
        self.generation = generation
        self.plan = plan
        self.corpus = corpus
        self.sliceSize = max(1, sliceSize)
    }

    /// The slices of articles, in corpus order.
    public var slices: [Range<Int>] {
        stride(from: plan.range.lowerBound, to: plan.range.upperBound, by: sliceSize).map {
            $0..<min(plan.range.upperBound, $0 + sliceSize)
        }
    }

    /// Checks one slice: the action that brings its matches to the reader.
    public func check(_ slice: Range<Int>) -> Action {
        let found = plan.check(slice, in: corpus)
        return .filterChecked(FilterCheckResult(generation: generation, articles: found.articles, quotes: found.quotes,
                                                done: slice.upperBound - plan.range.lowerBound, total: plan.range.count))
    }

    /// Checks every slice in order, posting each result, until done or `isCancelled`.
    public func run(isCancelled: () -> Bool, post: (Action) -> Void) {
        for slice in slices {
            if isCancelled() { return }
            post(check(slice))
        }
    }
}

extension FilterCheck {
    /// Checks the slices on `workers` threads, each started by `spawn` (the backend
    /// sets their priority), and returns at once. Each thread takes the next slice
    /// not taken; results are posted in corpus order all the same (a slice done early
    /// waits for the ones before it), until done or `isCancelled`.
    public func start(workers: Int, spawn: (@escaping @Sendable () -> Void) -> Void,
                      isCancelled: @escaping @Sendable () -> Bool, post: @escaping @Sendable (Action) -> Void) {
        let queue = SliceQueue(slices)
        for _ in 0..<max(1, min(workers, queue.slices.count)) {
            spawn {
                while !isCancelled(), let i = queue.take() {
                    queue.done(i, check(queue.slices[i]), post: post)
                }
            }
        }
    }
}

extension FilterCheck {
    /// `start` on one thread a core, each below the calling thread's priority: the
    /// reader's main thread, whose keys must win a core when all are busy.
    public func startInBackground(isCancelled: @escaping @Sendable () -> Bool, post: @escaping @Sendable (Action) -> Void) {
        start(workers: ProcessInfo.processInfo.activeProcessorCount, spawn: { body in
            let thread = Thread {
                ThreadPriority.lowerCurrentThread()
                body()
            }
            thread.start()
        }, isCancelled: isCancelled, post: post)
    }
}

/// The slices of a check shared by its threads, and the results waiting for those
/// before them.
private final class SliceQueue: @unchecked Sendable {
    let slices: [Range<Int>]
    private let lock = NSLock()
    private var next = 0
    private var waiting: [Int: Action] = [:]
    private var nextToPost = 0

    init(_ slices: [Range<Int>]) { self.slices = slices }

    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slices.count else { return nil }
        next += 1
        return next - 1
    }

    func done(_ i: Int, _ result: Action, post: (Action) -> Void) {
        lock.lock(); defer { lock.unlock() }
        waiting[i] = result
        while let r = waiting.removeValue(forKey: nextToPost) {
            post(r)
            nextToPost += 1
        }
    }
}

/// The matches of a slice of a filter check (or of consecutive slices merged).
public struct FilterCheckResult: Sendable {
    public let generation: Int
    /// Articles of the slice the filter lets through, in corpus order.
    public var articles: [Int]
    /// Their quotes that it lets through, as corpus quote numbers.
    public var quotes: [Int]
    /// Articles checked so far, of `total`.
    public var done: Int
    public let total: Int

    /// This result followed by the next slice's (same check): one action instead of two.
    public func merged(with next: FilterCheckResult) -> FilterCheckResult? {
        guard next.generation == generation else { return nil }
        var r = self
        r.articles += next.articles
        r.quotes += next.quotes
        r.done = max(done, next.done)
        return r
    }
}

/// How far the filter check has gone (shown as "checking… N%").
public struct CheckProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var percent: Int { total <= 0 ? 100 : min(100, done * 100 / total) }
}

extension AppState {
    /// Applies a filter whose phrases need their texts read: what the index decides now,
    /// the article being read checked at once (the cursor stays on it), the rest handed
    /// to the backend (`check`) unless it is small enough to check here.
    mutating func applyPlan(_ plan: QueryPlan, keep: Int?) {
        let pendingCost = plan.pendingArticles.count + plan.pendingQuotes.count / 16
        if pendingCost <= inlineCheckLimit {
            let found = plan.check(plan.range, in: corpus)
            visible = found.articles
            matchedQuotes = IdSet(capacity: index.quoteCount)
            for q in found.quotes { matchedQuotes!.insert(q) }
            return
        }
        let decided = plan.decidedArticles
        visible = decided.sorted
        matchedQuotes = index.quotes(plan.decidedQuotes, inArticles: decided)
        if let keep, plan.pendingArticles.contains(keep) {
            let found = plan.check(keep..<(keep + 1), in: corpus)
            mergeMatches(found.articles, found.quotes)
        }
        filterCheck = FilterCheck(generation: checkGeneration, plan: plan, corpus: corpus, sliceSize: checkSliceSize)
        checkProgress = CheckProgress(done: 0, total: plan.range.count)
    }

    /// Takes in a slice's matches (ignored when another filter has been applied since).
    mutating func takeChecked(_ r: FilterCheckResult) {
        guard let c = filterCheck, c.generation == r.generation else { return }
        let keep = currentIndex
        let wasEmpty = visible.isEmpty
        mergeMatches(r.articles, r.quotes)
        if let keep, let row = Self.row(of: keep, in: visible) {
            listCursor = row
        } else if wasEmpty {
            listCursor = 0
            readerTop = 0
        }
        clampList()
        checkProgress = CheckProgress(done: r.done, total: r.total)
        if r.done >= r.total {
            filterCheck = nil
            checkProgress = nil
            if message == nil || message?.text.hasPrefix(Self.checkingPrefix) == true { message = Message(filterSummary()) }
        }
    }

    /// Adds articles (sorted) to the visible ones, keeping them sorted and distinct, and quotes to the matched ones.
    mutating func mergeMatches(_ articles: [Int], _ quotes: [Int]) {
        matchRevision += 1
        if matchedQuotes != nil {
            matchedQuotes!.grow(to: index.quoteCount)
            for q in quotes { matchedQuotes!.insert(q) }
        }
        guard let first = articles.first else { return }
        if visible.last.map({ $0 < first }) ?? true {
            visible.append(contentsOf: articles)
            return
        }
        var out: [Int] = []
        out.reserveCapacity(visible.count + articles.count)
        var i = 0, j = 0
        while i < visible.count || j < articles.count {
            if j == articles.count || (i < visible.count && visible[i] < articles[j]) {
                out.append(visible[i]); i += 1
            } else if i == visible.count || articles[j] < visible[i] {
                out.append(articles[j]); j += 1
            } else {
                out.append(visible[i]); i += 1; j += 1
            }
        }
        visible = out
    }

    /// The row of article `a` in a sorted list of articles.
    static func row(of a: Int, in sorted: [Int]) -> Int? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < a { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == a ? lo : nil
    }

    static let checkingPrefix = "checking"

    /// `12/3000 articles · 40 quotes match`.
    func filterSummary() -> String {
        "\(visible.count)/\(corpus.count) articles · \(matchedQuotes?.count ?? 0) quotes match"
    }
}
