import DixitKit

/// The speakers of the filtered set (speaker → quotes), for the picker and `}`/`{`,
/// as ids into the corpus index: speakers most quoted first (ties by folded name),
/// each with its quotes as corpus quote numbers in corpus order. Without a filter
/// the quotes are the corpus index's own lists; with one, they are gathered once
/// from the filter's quotes. `AppState.speakerIndex()` uses it only while its key
/// still describes the state.
struct SpeakerIndex: Sendable {
    /// Filter, articles indexed and visible count the index was built for.
    var filter: String
    var corpusCount: Int
    var visibleCount: Int
    /// The state's `matchRevision` (a filter check's matches change the quotes, not always the counts).
    var revision = 0
    /// Speaker ids (of `CorpusIndex`), most quoted first.
    var order: [Int32] = []
    /// Group `g`'s quotes are `quoteIds[starts[g]..<starts[g + 1]]` (empty `starts`:
    /// read from the corpus index).
    var starts: [Int] = []
    var quoteIds: [UInt32] = []
    /// Speaker id → its group, -1 when it has no quote in the filtered set.
    var groupOf: [Int32] = []
    /// Filtered quotes, unattributed ones included (the filter's match count).
    var quoteCount = 0
    /// The filtered quotes without a speaker, in corpus order (the quotes pane lists them last).
    var unattributed: [UInt32] = []

    var isEmpty: Bool { order.isEmpty }

    /// The index for `state`, from its corpus index and filter's quotes.
    static func build(for state: AppState) -> SpeakerIndex {
        var s = build(corpus: state.index, filter: state.filter.source, matched: state.matchedQuotes,
                      corpusCount: state.index.articleCount, visibleCount: state.visible.count)
        s.revision = state.matchRevision
        return s
    }

    /// The index of every quote (no filter: every article visible).
    static func unfiltered(_ corpus: CorpusIndex, corpusCount: Int) -> SpeakerIndex {
        build(corpus: corpus, filter: "", matched: nil, corpusCount: corpusCount, visibleCount: corpusCount)
    }

    /// The index for the quotes `matched` (all when nil).
    static func build(corpus: CorpusIndex, filter: String, matched: IdSet?, corpusCount: Int, visibleCount: Int) -> SpeakerIndex {
        var s = SpeakerIndex(filter: filter, corpusCount: corpusCount, visibleCount: visibleCount)
        var counts = [Int](repeating: 0, count: corpus.speakerCount)
        if let matched {
            matched.forEach { q in
                s.quoteCount += 1
                if let sp = corpus.speaker(ofQuote: q) { counts[sp] += 1 } else { s.unattributed.append(UInt32(q)) }
            }
        } else {
            s.quoteCount = corpus.quoteCount
            for sp in counts.indices { counts[sp] = corpus.speakerQuoteCount(sp) }
            for q in 0..<corpus.quoteCount where corpus.speaker(ofQuote: q) == nil { s.unattributed.append(UInt32(q)) }
        }
        var order: [Int]
        if let ranks = corpus.speakerKeyRanks() {
            // Most quotes first, then by key: one integer a speaker (its count inverted
            // above its rank), sorted without a comparison call, read back by rank.
            var keys: [UInt64] = []
            var byRank = [Int32](repeating: 0, count: ranks.count)
            for sp in counts.indices {
                byRank[Int(ranks[sp])] = Int32(sp)
                if counts[sp] > 0 { keys.append(UInt64(UInt32.max - UInt32(clamping: counts[sp])) << 32 | UInt64(UInt32(ranks[sp]))) }
            }
            keys.sort()
            order = keys.map { Int(byRank[Int(UInt32(truncatingIfNeeded: $0))]) }
        } else {
            order = counts.indices.filter { counts[$0] > 0 }
            order.sort { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : corpus.speakerKeyPrecedes(a, b) }
        }
        s.order = order.map { Int32($0) }
        s.groupOf = [Int32](repeating: -1, count: corpus.speakerCount)
        for (g, sp) in order.enumerated() { s.groupOf[sp] = Int32(g) }
        // Counting sort of the filtered quotes (all of them without a filter) by group:
        // each group's quotes are then a slice, read at once by the quotes pane.
        var starts = [Int](repeating: 0, count: order.count + 1)
        for (g, sp) in order.enumerated() { starts[g + 1] = starts[g] + counts[sp] }
        var next = starts
        var ids = [UInt32](repeating: 0, count: starts[order.count])
        func place(_ q: Int) {
            guard let sp = corpus.speaker(ofQuote: q) else { return }
            let g = Int(s.groupOf[sp])
            ids[next[g]] = UInt32(q)
            next[g] += 1
        }
        if let matched { matched.forEach(place) } else { for q in 0..<corpus.quoteCount { place(q) } }
        s.starts = starts
        s.quoteIds = ids
        return s
    }

    /// Whether the index describes `state` as it is.
    func isCurrent(for state: AppState) -> Bool {
        filter == state.filter.source && corpusCount == state.index.articleCount && visibleCount == state.visible.count
            && (filter.isEmpty || revision == state.matchRevision)
    }

    /// Group `g`'s quotes, as corpus quote numbers in corpus order.
    func quotes(ofGroup g: Int, in corpus: CorpusIndex) -> ArraySlice<UInt32> {
        starts.isEmpty ? corpus.speakerQuotes(Int(order[g]))[...] : quoteIds[starts[g]..<starts[g + 1]]
    }

    func count(ofGroup g: Int, in corpus: CorpusIndex) -> Int {
        starts.isEmpty ? corpus.speakerQuoteCount(Int(order[g])) : starts[g + 1] - starts[g]
    }

    /// The first quote of group `g` in the filtered set.
    func firstQuote(ofGroup g: Int, in corpus: CorpusIndex) -> QuoteRef? {
        let first: UInt32?
        if starts.isEmpty {
            var found: UInt32?
            corpus.firstSpeakerQuote(Int(order[g])).map { found = $0 }
            first = found
        } else {
            first = starts[g] < starts[g + 1] ? quoteIds[starts[g]] : nil
        }
        guard let first else { return nil }
        let (a, q) = corpus.quoteAddress(Int(first))
        return QuoteRef(article: a, quote: q)
    }

    /// Group `g`'s name, as its first quote in the filtered set writes it.
    func name(ofGroup g: Int, in corpus: CorpusIndex, articles: [AnalyzedArticle]) -> String {
        guard let r = firstQuote(ofGroup: g, in: corpus) else { return "" }
        return articles[r.article].quotes[r.quote].speaker ?? ""
    }

    /// Group `g` with its quotes as addresses.
    func group(_ g: Int, in corpus: CorpusIndex, articles: [AnalyzedArticle]) -> SpeakerGroup {
        SpeakerGroup(name: name(ofGroup: g, in: corpus, articles: articles),
                     quotes: quotes(ofGroup: g, in: corpus).map { id in
                         let (a, q) = corpus.quoteAddress(Int(id))
                         return QuoteRef(article: a, quote: q)
                     })
    }

    /// Groups whose folded name contains `typed` (already folded), in order; `among`
    /// narrows an earlier answer (for a prefix of `typed`) instead of all.
    func narrowedIndices(to typed: String, among: [Int]? = nil, in corpus: CorpusIndex) -> [Int] {
        guard !typed.isEmpty else { return Array(order.indices) }
        let hits = corpus.speakers(keyContaining: typed)
        if let among { return among.filter { hits.contains(Int(order[$0])) } }
        return order.indices.filter { hits.contains(Int(order[$0])) }
    }
}

/// The speakers the picker lists: groups of the speaker index, made into
/// `SpeakerGroup`s only when read (the picker draws a screenful).
public struct SpeakerChoices: RandomAccessCollection, Sendable {
    let index: SpeakerIndex
    let corpus: CorpusIndex
    let articles: [AnalyzedArticle]
    /// Groups listed, in order.
    let groups: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { groups.count }
    public subscript(i: Int) -> SpeakerGroup { index.group(groups[i], in: corpus, articles: articles) }

    /// The name of choice `i`.
    public func name(_ i: Int) -> String { index.name(ofGroup: groups[i], in: corpus, articles: articles) }
    /// How many quotes choice `i` has in the filtered set.
    public func quoteCount(_ i: Int) -> Int { index.count(ofGroup: groups[i], in: corpus) }
    /// The first quote of choice `i`.
    public func firstQuote(_ i: Int) -> QuoteRef? { index.firstQuote(ofGroup: groups[i], in: corpus) }
}

/// The picker's last narrowing, so each key narrows what the previous one found.
struct PickerNarrowing: Sendable {
    var filter: String
    var corpusCount: Int
    var visibleCount: Int
    var revision = 0
    var typed: String
    var indices: [Int]

    func isCurrent(for index: SpeakerIndex) -> Bool {
        filter == index.filter && corpusCount == index.corpusCount && visibleCount == index.visibleCount
            && revision == index.revision
    }
}
