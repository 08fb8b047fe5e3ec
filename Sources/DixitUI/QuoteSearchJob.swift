import DixitKit
import Foundation

/// A search of the corpus-wide quotes pane still looking for its next match past the
/// rows read on the key (`AppState.inlineSearchRows`): the rest of the rows are read
/// off the keystroke, from step `fromStep` of the search from `start`.
struct QuoteSearchFind: Hashable, Sendable {
    var pattern: String
    var start: Int
    var forward: Bool
    var includeStart: Bool
    var fromStep: Int
    /// The rows it was asked of (a result for other rows is dropped).
    var rows: QuoteRowsKey
}

/// What the corpus-wide quotes pane's search leaves to the backend: the next match
/// past the rows read on the key, and the match count (up to
/// `AppState.countedHitsLimit`). A newer request has a newer generation; results of
/// older ones are dropped.
public struct QuoteSearchRequest: Hashable, Sendable {
    public let generation: Int
    var find: QuoteSearchFind?
    var count: SearchHitsKey?
}

/// A row found by a search, and whether the search wrapped past the end to reach it.
struct FoundRow: Hashable, Sendable {
    var row: Int
    var wrapped: Bool
}

/// What a `QuoteSearchJob` found: the match it looked for (nil: none), or the count.
public struct QuoteSearchResult: Sendable {
    public let generation: Int
    var find: QuoteSearchFind?
    var found: FoundRow?
    var count: SearchHitsKey?
    var hits: [Int] = []
    var more = false
    /// Whether this is the match looked for (else the count).
    public var isMatch: Bool { find != nil }
}

/// A `QuoteSearchRequest` with the state it was asked of, to run off the keystroke
/// (`run`, on another thread): the state is a copy, the reader's own keeps changing.
public struct QuoteSearchJob: Sendable {
    public var generation: Int { request.generation }
    let request: QuoteSearchRequest
    let state: AppState

    /// Looks for the match, posts it, then counts the matches and posts them, each as
    /// an `Action.quoteSearched`; stops early when `isCancelled` (checked every few
    /// thousand rows).
    public func run(isCancelled: () -> Bool, post: (Action) -> Void) {
        guard let pattern = request.find?.pattern ?? request.count?.pattern else { return }
        let rows = state.quoteRows()
        let test = state.corpusQuoteRowTest(rows, pattern: pattern)
        if let f = request.find {
            var stopped = false
            let found = AppState.firstMatch(rows: rows.count, start: f.start, forward: f.forward, includeStart: f.includeStart,
                                            steps: min(f.fromStep, rows.count)..<rows.count, matches: test) {
                stopped = stopped || isCancelled()
                return stopped
            }
            if stopped { return }
            post(.quoteSearched(QuoteSearchResult(generation: generation, find: f, found: found)))
        }
        if let c = request.count {
            let counted = c.pattern == pattern ? test : state.corpusQuoteRowTest(rows, pattern: c.pattern)
            var hits: [Int] = []
            var more = false
            for r in 0..<rows.count {
                if r & 4095 == 0, isCancelled() { return }
                guard counted(r) else { continue }
                if hits.count == AppState.countedHitsLimit { more = true; break }
                hits.append(r)
            }
            post(.quoteSearched(QuoteSearchResult(generation: generation, count: c, hits: hits, more: more)))
        }
    }

    /// `run` on a thread of its own below the calling thread's priority (the reader's
    /// main thread, whose keys must win a core), returning at once.
    public func startInBackground(isCancelled: @escaping @Sendable () -> Bool, post: @escaping @Sendable (Action) -> Void) {
        let thread = Thread {
            ThreadPriority.lowerCurrentThread()
            run(isCancelled: isCancelled, post: post)
        }
        thread.start()
    }
}

extension AppState {
    /// The request as a job to run off the keystroke (nil when none is pending, and
    /// while articles are still loading: the job's copy of the state would share the
    /// corpus and its index, and each batch taken in would then copy them whole; the
    /// request waits for the loading to end, its rows read near the cursor meanwhile).
    public func quoteSearchJob() -> QuoteSearchJob? {
        guard loading?.finished != false else { return nil }
        return quoteSearchRequest.map { QuoteSearchJob(request: $0, state: self) }
    }

    /// The first row holding the pattern in steps `steps` of a search from `start` over
    /// `n` rows (step `k` is `k` rows away, or `k + 1` without `includeStart`; the
    /// search wraps at either end), or nil; also nil once `stop` says so (asked every
    /// 4096 steps).
    static func firstMatch(rows n: Int, start: Int, forward: Bool, includeStart: Bool, steps: Range<Int>,
                           matches: (Int) -> Bool, stop: () -> Bool = { false }) -> FoundRow? {
        guard n > 0 else { return nil }
        for step in steps.clamped(to: 0..<n) {
            if step & 4095 == 0, stop() { return nil }
            let offset = includeStart ? step : step + 1
            let raw = forward ? start + offset : start - offset
            let row = ((raw % n) + n) % n
            if matches(row) { return FoundRow(row: row, wrapped: forward ? raw >= n : raw < 0) }
        }
        return nil
    }

    /// The match a search from `start` reaches, told from the counted hits alone when
    /// they say it: `.some(nil)` for no match at all, nil when the counted hits do not
    /// reach it (past the `countedHitsLimit`-th).
    static func matchFromHits(_ hits: [Int], more: Bool, start: Int, forward: Bool, includeStart: Bool) -> FoundRow?? {
        if forward {
            if let h = hits.first(where: { includeStart ? $0 >= start : $0 > start }) { return .some(FoundRow(row: h, wrapped: false)) }
            if more { return nil }
            return .some(hits.first.map { FoundRow(row: $0, wrapped: true) })
        }
        // Backwards: the hits are every match up to the last counted one.
        if more, let last = hits.last, start > last { return nil }
        if more, hits.isEmpty { return nil }
        if let h = hits.last(where: { includeStart ? $0 <= start : $0 < start }) { return .some(FoundRow(row: h, wrapped: false)) }
        if more { return nil }
        return .some(hits.last.map { FoundRow(row: $0, wrapped: true) })
    }

    /// Takes in what a job found or counted (dropped when the search, its rows or the
    /// request have changed since).
    mutating func takeQuoteSearch(_ r: QuoteSearchResult) {
        guard let req = quoteSearchRequest, req.generation == r.generation else { return }
        if let f = r.find, f == pendingFind, f == req.find {
            pendingFind = nil
            quoteSearchRequest?.find = nil
            if f.rows == quoteRowsKey, let s = search, s.pattern == f.pattern, s.pane == .quotes {
                if let hit = r.found {
                    show(row: hit.row, in: .quotes)
                    search?.row = hit.row
                    if hit.wrapped { message = Message(f.forward ? "search wrapped to the top" : "search wrapped to the bottom") }
                } else {
                    message = Message("no match for \(f.pattern)", isError: true)
                }
            }
        }
        if let c = r.count, c == req.count {
            quoteSearchRequest?.count = nil
            if c == searchHitsKey { searchHitsCache = (c, r.hits, r.more) }
        }
    }

    /// Keeps the request in step with what the search still needs: a new generation
    /// when it needs something the pending request does not cover.
    mutating func refreshQuoteSearchRequest() {
        // Rows changed under the match looked for (articles arriving): looked for from
        // the same row in the new rows, all of them.
        if var f = pendingFind, f.rows != quoteRowsKey {
            f.rows = quoteRowsKey
            f.fromStep = 0
            pendingFind = f
        }
        var count: SearchHitsKey?
        if let key = searchHitsKey, key.pane == .quotes, searchHitsCache?.key != key { count = key }
        if pendingFind == nil && count == nil {
            quoteSearchRequest = nil
            return
        }
        if let r = quoteSearchRequest, pendingFind == nil || pendingFind == r.find, count == nil || count == r.count { return }
        searchGeneration += 1
        quoteSearchRequest = QuoteSearchRequest(generation: searchGeneration, find: pendingFind, count: count)
    }
}
