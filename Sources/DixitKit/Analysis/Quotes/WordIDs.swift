/// Ids for the folded words of one article's names (0, 1, 2… in order of first sight), in an
/// open-addressing table with a cheap byte hash: `Dictionary<String, Int>` hashes with SipHash
/// and grows step by step, a large share of the speaker resolver's set-up.
struct WordIDs: Sendable {
    /// Per slot: id + 1, or 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// The word of each id.
    private(set) var words: [String] = []

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// Number of words.
    var count: Int { words.count }

    /// The id of `word`, or nil.
    subscript(word: String) -> Int? {
        let h = WordIDs.hash(word)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { return nil }
            if hashes[e - 1] == h, words[e - 1] == word { return e - 1 }
            i = (i + 1) & mask
        }
    }

    /// The id of `word`, given the next id if new.
    mutating func id(_ word: String) -> Int {
        let h = WordIDs.hash(word)
        var mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e == 0 { break }
            if hashes[e - 1] == h, words[e - 1] == word { return e - 1 }
            i = (i + 1) & mask
        }
        let id = words.count
        words.append(word)
        hashes.append(h)
        if words.count * 2 > slots.count {
            // Grow, placing every id again.
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for (k, wh) in hashes.enumerated() {
                var j = Int(truncatingIfNeeded: wh) & mask
                while slots[j] != 0 { j = (j + 1) & mask }
                slots[j] = Int32(k + 1)
            }
        } else {
            slots[i] = Int32(id + 1)
        }
        return id
    }

    /// FNV-1a over the UTF-8 bytes, mixed so that the low bits depend on every byte.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}
