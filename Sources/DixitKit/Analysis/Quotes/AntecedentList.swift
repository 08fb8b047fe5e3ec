/// The people and bodies a pronoun or description may refer to, in text order, with cheap
/// insertion where the resolver works.
///
/// Quotes are attributed roughly from the start of the article to its end, and each new
/// antecedent lands near the previous one. A plain sorted array would shift every later entry at
/// each insertion (quadratic on an article of many short paragraphs); here the entries sit on two
/// stacks split at the last insertion point (a gap buffer), so an insertion costs the distance
/// from the previous one.
struct AntecedentList: Sendable {
    /// Entries before the split, by increasing offset.
    private var lower: [Antecedent] = []
    /// Entries after the split, by decreasing offset (the nearest to the split is last).
    private var upper: [Antecedent] = []

    init() {}

    var count: Int { lower.count + upper.count }

    /// Adds `a` at its place in text order, after the entries already there (which are in text order).
    mutating func append(_ a: Antecedent) {
        if upper.isEmpty, (lower.last?.offset ?? Int.min) < a.offset { lower.append(a) } else { insert(a) }
    }

    /// Keeps the entries in text order; an entry at the same offset replaces the one there.
    mutating func insert(_ a: Antecedent) {
        while let last = lower.last, last.offset > a.offset { upper.append(lower.removeLast()) }
        while let next = upper.last, next.offset <= a.offset { lower.append(upper.removeLast()) }
        if let last = lower.last, last.offset == a.offset {
            lower[lower.count - 1] = a
        } else {
            lower.append(a)
        }
    }

    /// Calls `body` on the (at most `limit`) entries nearest before `offset`, nearest first,
    /// until it returns false.
    func forEachBefore(_ offset: Int, limit: Int, _ body: (Antecedent) -> Bool) {
        var left = limit
        // Entries after the split that lie before `offset`: a suffix of `upper`.
        var lo = 0, hi = upper.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if upper[mid].offset >= offset { lo = mid + 1 } else { hi = mid }
        }
        var j = lo
        while j < upper.count, left > 0 {
            if !body(upper[j]) { return }
            j += 1
            left -= 1
        }
        // Entries before the split that lie before `offset`: a prefix of `lower`.
        lo = 0
        hi = lower.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lower[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, left > 0 {
            if !body(lower[i]) { return }
            i -= 1
            left -= 1
        }
    }
}
