import DixitKit

/// The speakers of the filtered set (speaker → quotes), kept between keys so that the
/// picker and `}`/`{` never regroup every quote of the corpus. Built once per filter
/// change and extended as loading batches arrive; `AppState.speakerGroups()` uses it
/// only while its key still describes the state.
struct SpeakerIndex: Sendable {
    /// Filter, corpus size and visible count the index was built for.
    var filter: String
    var corpusCount: Int
    var visibleCount: Int
    /// Named speakers, most quoted first (ties by folded name), as `groupBySpeaker` orders them.
    var groups: [SpeakerGroup] = []
    /// `groups[i]`'s folded name (case and accents ignored), for narrowing and lookup.
    var keys: [String] = []
    /// Folded name → index into `groups`.
    var slots: [String: Int] = [:]
    /// Filtered quotes seen, unattributed ones included (the filter's match count).
    var quoteCount = 0

    init(filter: String) {
        self.filter = filter
        corpusCount = 0
        visibleCount = 0
    }

    /// Adds the filtered quotes of `state.visible[visibleCount...]` (articles loaded since).
    mutating func extend(from state: AppState) {
        var byName: [String: String] = [:]   // speaker as written → folded key
        var added = false
        for a in state.visible[visibleCount...] {
            for q in state.corpus[a].quotes.indices {
                guard state.filter.isEmpty || state.filter.matches(quote: q, in: state.targets[a]) else { continue }
                quoteCount += 1
                guard let name = state.corpus[a].quotes[q].speaker else { continue }
                let key: String
                if let k = byName[name] { key = k } else { key = TextFolding.fold(name); byName[name] = key }
                let ref = QuoteRef(article: a, quote: q)
                if let i = slots[key] {
                    groups[i].quotes.append(ref)
                } else {
                    slots[key] = groups.count
                    groups.append(SpeakerGroup(name: name, quotes: [ref]))
                    keys.append(key)
                }
                added = true
            }
        }
        corpusCount = state.corpus.count
        visibleCount = state.visible.count
        if added { reorder() }
    }

    private mutating func reorder() {
        let order = groups.indices.sorted { a, b in
            let ca = groups[a].quotes.count, cb = groups[b].quotes.count
            return ca != cb ? ca > cb : keys[a] < keys[b]
        }
        groups = order.map { groups[$0] }
        keys = order.map { keys[$0] }
        slots.removeAll(keepingCapacity: true)
        for (i, k) in keys.enumerated() { slots[k] = i }
    }

    /// Whether the index describes `state` as it is.
    func isCurrent(for state: AppState) -> Bool {
        filter == state.filter.source && corpusCount == state.corpus.count && visibleCount == state.visible.count
    }

    /// Whether `state` only gained articles since (same filter), so the index can be extended.
    func canExtend(to state: AppState) -> Bool {
        filter == state.filter.source && corpusCount <= state.corpus.count && visibleCount <= state.visible.count
    }

    /// The index for `state`, from scratch.
    static func build(for state: AppState) -> SpeakerIndex {
        var index = SpeakerIndex(filter: state.filter.source)
        index.extend(from: state)
        return index
    }

    /// Indices of the groups whose folded name contains `typed` (already folded), in
    /// order; `among` narrows an earlier answer (for a prefix of `typed`) instead of all.
    func narrowedIndices(to typed: String, among: [Int]? = nil) -> [Int] {
        guard !typed.isEmpty else { return Array(groups.indices) }
        return (among ?? Array(keys.indices)).filter { keys[$0].queryContains(typed) }
    }

    /// Groups whose folded name contains `typed` (already folded), in order.
    func narrowed(to typed: String) -> [SpeakerGroup] {
        narrowedIndices(to: typed).map { groups[$0] }
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
