/// Ids 0, 1, 2… for keys in order of first sight, in an open-addressing table keyed by a hash
/// the caller computes: `Dictionary` hashes with SipHash and grows step by step, a large share
/// of the speaker resolver's set-up. `WordIDs` (folded words) and `NameWordings` (sequences of
/// word ids) are built on it.
struct InternedIDs<Key: Equatable & Sendable>: Sendable {
    /// Per slot: id + 1, or 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// The key of each id.
    private(set) var keys: [Key] = []

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// The id of `key` (whose hash is `h`), or nil.
    func find(_ key: Key, hash h: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { return nil }
            if hashes[e - 1] == h, keys[e - 1] == key { return e - 1 }
            i = (i + 1) & mask
        }
    }

    /// The id of the key (whose hash is `h`) for which `matches` holds, or nil.
    @inline(__always)
    func find(hash h: UInt64, matching matches: (Key) -> Bool) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { return nil }
            if hashes[e - 1] == h, matches(keys[e - 1]) { return e - 1 }
            i = (i + 1) & mask
        }
    }

    /// The id of `key` (whose hash is `h`), given the next id if new.
    mutating func id(_ key: Key, hash h: UInt64) -> Int {
        var mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { break }
            if hashes[e - 1] == h, keys[e - 1] == key { return e - 1 }
            i = (i + 1) & mask
        }
        let id = keys.count
        keys.append(key)
        hashes.append(h)
        if keys.count * 2 > slots.count {
            // Grow, placing every id again.
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for (k, kh) in hashes.enumerated() {
                var j = Int(truncatingIfNeeded: kh) & mask
                while slots[j] != 0 { j = (j + 1) & mask }
                slots[j] = Int32(k + 1)
            }
        } else {
            slots[i] = Int32(id + 1)
        }
        return id
    }

    /// The FNV-1a state at its start.
    static var fnvStart: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// One FNV-1a step.
    @inline(__always)
    static func fnv(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ v) &* 0x100_0000_01b3 }

    /// An FNV-1a state mixed so that the low bits (the slot) depend on every input.
    @inline(__always)
    static func mix(_ h: UInt64) -> UInt64 {
        var h = h ^ (h >> 29)
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}

/// Ids for the folded words of one article's names (0, 1, 2… in order of first sight).
struct WordIDs: Sendable {
    private var table: InternedIDs<String>

    init(capacity: Int = 0) { table = InternedIDs(capacity: capacity) }

    /// The word of each id.
    var words: [String] { table.keys }

    /// Number of words.
    var count: Int { table.keys.count }

    /// The id of `word`, or nil.
    subscript(word: String) -> Int? { table.find(word, hash: WordIDs.hash(word)) }

    /// The id of `word`, given the next id if new.
    mutating func id(_ word: String) -> Int { table.id(word, hash: WordIDs.hash(word)) }

    /// The id of the folded word of `doc`'s token `k` (`id(doc.fold(k))`), making its string only
    /// when the word is new and not the vocabulary's.
    mutating func id(token k: Int, in doc: QuoteDocument) -> Int {
        let span = doc.tokens[k].span
        if doc.tokens[k].word < 0, let found = doc.scalars.withUnsafeBufferPointer({ sc -> Int? in
            // The hash of the folded bytes when each scalar folds to one ASCII byte (else nil).
            var h = InternedIDs<String>.fnvStart
            for i in span.start..<span.end {
                guard let b = QuoteFolding.asciiFold(sc[i].value) else { return nil }
                h = InternedIDs<String>.fnv(h, UInt64(b))
            }
            h = InternedIDs<String>.mix(h)
            let matches = { (key: String) -> Bool in
                var i = span.start
                for b in key.utf8 {
                    guard i < span.end, QuoteFolding.asciiFold(sc[i].value) == b else { return false }
                    i += 1
                }
                return i == span.end
            }
            if let i = table.find(hash: h, matching: matches) { return i }
            return table.id(QuoteDocument.fold(doc.scalars, span), hash: h)
        }) {
            return found
        }
        return id(doc.fold(k))
    }

    /// FNV-1a over the UTF-8 bytes, mixed.
    static func hash(_ s: String) -> UInt64 {
        var h = InternedIDs<String>.fnvStart
        for b in s.utf8 { h = InternedIDs<String>.fnv(h, UInt64(b)) }
        return InternedIDs<String>.mix(h)
    }
}
