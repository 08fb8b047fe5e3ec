/// An immutable dictionary of folded words with a cheap pre-check: a bitmap over
/// (length, first two bytes) answers "not there" for most words without hashing them.
struct FoldedTable<Value: Sendable>: Sendable {
    private let table: WordTable<Value>
    private let bitmap: [UInt64]

    init(_ table: [String: Value]) {
        self.table = WordTable(table)
        var bits = [UInt64](repeating: 0, count: (1 << 19) / 64)
        for key in table.keys {
            let i = FoldedTable.slot(key)
            bits[i >> 6] |= 1 << UInt64(i & 63)
        }
        bitmap = bits
    }

    @inline(__always)
    private static func slot(_ key: String) -> Int {
        var it = key.utf8.makeIterator()
        let b0 = Int(it.next() ?? 0) & 0x7F
        let b1 = Int(it.next() ?? 0) & 0x7F
        let length = min(key.utf8.count, 31)
        return (length << 14) | (b0 << 7) | b1
    }

    subscript(key: String) -> Value? {
        let i = FoldedTable.slot(key)
        guard bitmap[i >> 6] & (1 << UInt64(i & 63)) != 0 else { return nil }
        return table[key]
    }

    var count: Int { table.count }
}

/// An immutable set of folded words with the same bitmap pre-check as `FoldedTable`:
/// the closed word classes the rules test every token against. A set made for a `QuoteWordClass`
/// answers for a token with one bit of the token's `QuoteWordInfo` (see `QuoteLexicon.vocabulary`).
struct FoldedSet: Sendable, ExpressibleByArrayLiteral {
    private let table: FoldedTable<Bool>
    let words: Set<String>
    /// `1 << cls.rawValue` for a set made for a word class; 0 otherwise.
    let bit: UInt64

    init(arrayLiteral elements: String...) {
        words = Set(elements)
        table = FoldedTable(Dictionary(uniqueKeysWithValues: words.map { ($0, true) }))
        bit = 0
    }

    /// The set of word class `cls`.
    init(_ cls: QuoteWordClass, _ elements: [String]) {
        words = Set(elements)
        table = FoldedTable(Dictionary(uniqueKeysWithValues: words.map { ($0, true) }))
        bit = 1 << UInt64(cls.rawValue)
    }

    @inline(__always)
    func contains(_ word: String) -> Bool { table[word] != nil }

    /// Whether the token's folded word is in the set: one bit test (the set is a word class's).
    @inline(__always)
    func contains(_ t: QToken) -> Bool {
        assert(bit != 0, "a token is tested against word-class sets only")
        return t.info.classes & bit != 0
    }
}
