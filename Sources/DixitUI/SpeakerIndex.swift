import DixitKit

/// The speakers of the filtered set (speaker → quotes), for the picker and `}`/`{`,
/// as ids into the corpus index: speakers most quoted first (ties by folded name),
/// each with its quotes as corpus quote numbers in corpus order. Without a filter
/// the quotes are the corpus index's own lists; with one, they are gathered once
/// from the filter's quotes. `AppState.speakerIndex()` uses it only while its key
/// still describes the state.
struct SpeakerIndex: Sendable {
    /// Filter, corpus size and visible count the index was built for.
    var filter: String
    var corpusCount: Int
    var visibleCount: Int
    /// Speaker ids (of `CorpusIndex`), most quoted first.
    var order: [Int32] = []
    /// Each group's name as its first quote in the filtered set writes it.
    var names: [String] = []
    /// With a filter: group `g`'s quotes are `quoteIds[starts[g]..<starts[g + 1]]`.
    var starts: [Int] = []
    var quoteIds: [UInt32] = []
    /// Speaker id → its group, -1 when it has no quote in the filtered set.
    var groupOf: [Int32] = []
    /// Filtered quotes, unattributed ones included (the filter's match count).
    var quoteCount = 0

    var isEmpty: Bool { order.isEmpty }

    /// The index for `state`, from its corpus index and filter's quotes.
    static func build(for state: AppState) -> SpeakerIndex {
        let corpus = state.index
        var s = SpeakerIndex(filter: state.filter.source, corpusCount: state.corpus.count, visibleCount: state.visible.count)
        var counts = [Int](repeating: 0, count: corpus.speakerCount)
        if let matched = state.matchedQuotes {
            matched.forEach { q in
                s.quoteCount += 1
                if let sp = corpus.speaker(ofQuote: q) { counts[sp] += 1 }
            }
        } else {
            s.quoteCount = corpus.quoteCount
            for sp in counts.indices { counts[sp] = corpus.speakerQuotes(sp).count }
        }
        var order = counts.indices.filter { counts[$0] > 0 }
        order.sort { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : corpus.speakerKey(a) < corpus.speakerKey(b) }
        s.order = order.map { Int32($0) }
        s.groupOf = [Int32](repeating: -1, count: corpus.speakerCount)
        for (g, sp) in order.enumerated() { s.groupOf[sp] = Int32(g) }
        if let matched = state.matchedQuotes {
            // Counting sort of the filtered quotes by group.
            var starts = [Int](repeating: 0, count: order.count + 1)
            for (g, sp) in order.enumerated() { starts[g + 1] = starts[g] + counts[sp] }
            var next = starts
            var ids = [UInt32](repeating: 0, count: starts[order.count])
            matched.forEach { q in
                guard let sp = corpus.speaker(ofQuote: q) else { return }
                let g = Int(s.groupOf[sp])
                ids[next[g]] = UInt32(q)
                next[g] += 1
            }
            s.starts = starts
            s.quoteIds = ids
        }
        s.names = s.order.indices.map { g in
            guard let first = s.quotes(ofGroup: g, in: corpus).first else { return "" }
            let (a, q) = corpus.quoteAddress(Int(first))
            return state.corpus[a].quotes[q].speaker ?? corpus.speakerName(Int(s.order[g]))
        }
        return s
    }

    /// Whether the index describes `state` as it is.
    func isCurrent(for state: AppState) -> Bool {
        filter == state.filter.source && corpusCount == state.corpus.count && visibleCount == state.visible.count
    }

    /// Group `g`'s quotes, as corpus quote numbers in corpus order.
    func quotes(ofGroup g: Int, in corpus: CorpusIndex) -> ArraySlice<UInt32> {
        starts.isEmpty ? corpus.speakerQuotes(Int(order[g]))[...] : quoteIds[starts[g]..<starts[g + 1]]
    }

    func count(ofGroup g: Int, in corpus: CorpusIndex) -> Int {
        starts.isEmpty ? corpus.speakerQuotes(Int(order[g])).count : starts[g + 1] - starts[g]
    }

    /// Group `g` with its quotes as addresses.
    func group(_ g: Int, in corpus: CorpusIndex) -> SpeakerGroup {
        SpeakerGroup(name: names[g],
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
        var out: [Int] = []
        hits.forEach { sp in
            if sp < groupOf.count, groupOf[sp] >= 0 { out.append(Int(groupOf[sp])) }
        }
        return out.sorted()
    }
}

/// The speakers the picker lists: groups of the speaker index, made into
/// `SpeakerGroup`s only when read (the picker draws a screenful).
public struct SpeakerChoices: RandomAccessCollection, Sendable {
    let index: SpeakerIndex
    let corpus: CorpusIndex
    /// Groups listed, in order.
    let groups: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { groups.count }
    public subscript(i: Int) -> SpeakerGroup { index.group(groups[i], in: corpus) }

    /// The name of choice `i`.
    public func name(_ i: Int) -> String { index.names[groups[i]] }
    /// How many quotes choice `i` has in the filtered set.
    public func quoteCount(_ i: Int) -> Int { index.count(ofGroup: groups[i], in: corpus) }
    /// The first quote of choice `i`.
    public func firstQuote(_ i: Int) -> QuoteRef? {
        guard let id = index.quotes(ofGroup: groups[i], in: corpus).first else { return nil }
        let (a, q) = corpus.quoteAddress(Int(id))
        return QuoteRef(article: a, quote: q)
    }
}

/// The picker's last narrowing, so each key narrows what the previous one found.
struct PickerNarrowing: Sendable {
    var filter: String
    var corpusCount: Int
    var visibleCount: Int
    var typed: String
    var indices: [Int]

    func isCurrent(for index: SpeakerIndex) -> Bool {
        filter == index.filter && corpusCount == index.corpusCount && visibleCount == index.visibleCount
    }
}
