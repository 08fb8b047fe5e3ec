/// An immutable table from words (strings) to values, for the lexicon look-ups of the analysis.
///
/// `Dictionary<String, _>` and `Set<String>` hash with SipHash behind a per-process seed and
/// check normalisation: a large share of analysis time. The keys here are looked up by their
/// UTF-8 bytes, with a cheap multiplicative hash and open addressing; equality is byte equality
/// (what `==` means for the folded, NFC keys the analysis builds).
struct WordTable<Value: Sendable>: Sendable {
    /// One slot of the open-addressing table: the key's first 16 bytes inline, so that most
    /// look-ups touch one cache line.
    private struct Slot: Sendable {
        var w0: UInt64 = 0, w1: UInt64 = 0
        /// Key length + 1; 0 for an empty slot.
        var lengthPlusOne: UInt32 = 0
        var entry: Int32 = -1
    }

    private let slots: [Slot]
    /// UTF-8 of the keys, one after the other; entry `e` is `bytes[starts[e]..<starts[e + 1]]`
    /// (read only for keys longer than 16 bytes).
    private let bytes: [UInt8]
    private let starts: [Int]
    private let values: [Value]
    private let mask: Int

    /// The table of `dictionary`'s pairs.
    init(_ dictionary: [String: Value]) {
        self.init(pairs: dictionary.map { ($0.key, $0.value) })
    }

    init(pairs: [(String, Value)]) {
        self.init(merging: pairs) { _, _ in }
    }

    /// The table of `pairs`; the value of a key given more than once is the first one
    /// with the later ones merged into it by `combine`.
    init(merging pairs: [(String, Value)], _ combine: (inout Value, Value) -> Void) {
        var size = 16
        while size < pairs.count * 2 { size *= 2 }
        var builder = Builder(size: size, capacity: pairs.count)
        for (key, value) in pairs {
            var key = key
            key.withUTF8 { builder.insert($0, value, combine) }
        }
        slots = builder.slots
        bytes = builder.bytes
        starts = builder.starts
        values = builder.values
        mask = size - 1
    }

    /// The growing table of `init(merging:_:)`: a value type, so that its inserts need no
    /// run-time exclusivity checks (building the lexicon inserts some 200,000 keys).
    private struct Builder {
        var slots: [Slot]
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var values: [Value] = []
        let mask: Int

        init(size: Int, capacity: Int) {
            slots = [Slot](repeating: Slot(), count: size)
            mask = size - 1
            values.reserveCapacity(capacity)
            starts.reserveCapacity(capacity + 1)
        }

        mutating func insert(_ utf8: UnsafeBufferPointer<UInt8>, _ value: Value, _ combine: (inout Value, Value) -> Void) {
            let q = WordTable.probe(utf8)
            let n = UInt32(utf8.count + 1)
            var i = Int(truncatingIfNeeded: q.hash) & mask
            while slots[i].lengthPlusOne != 0 {
                let slot = slots[i]
                if slot.lengthPlusOne == n, slot.w0 == q.w0, slot.w1 == q.w1 {
                    let e = Int(slot.entry)
                    if bytes[starts[e]..<starts[e + 1]].elementsEqual(utf8) {
                        combine(&values[e], value)
                        return
                    }
                }
                i = (i + 1) & mask
            }
            slots[i] = Slot(w0: q.w0, w1: q.w1, lengthPlusOne: n, entry: Int32(values.count))
            bytes.append(contentsOf: utf8)
            starts.append(bytes.count)
            values.append(value)
        }
    }

    /// Number of keys.
    var count: Int { values.count }

    /// The value of `key`, or nil.
    subscript(key: String) -> Value? {
        guard let e = entry(key) else { return nil }
        return values[e]
    }

    /// Whether `key` is in the table.
    func contains(_ key: String) -> Bool { entry(key) != nil }

    /// The value of the entry `e` (an index `entry` or `find` gave).
    @inline(__always)
    func value(at e: Int) -> Value { values[e] }

    func entry(_ key: String) -> Int? {
        if let e = key.utf8.withContiguousStorageIfAvailable({ find($0) }) { return e }
        return Array(key.utf8).withUnsafeBufferPointer { find($0) }
    }

    /// The entry whose key is `utf8`, or nil.
    func find(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        let q = WordTable.probe(utf8)
        let n = UInt32(utf8.count + 1)
        var i = Int(truncatingIfNeeded: q.hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.lengthPlusOne == 0 { return nil }
                if slot.lengthPlusOne == n, slot.w0 == q.w0, slot.w1 == q.w1 {
                    let e = Int(slot.entry)
                    if utf8.count <= 16 || restEquals(e, utf8) { return e }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether the bytes of entry `e` after the 16th equal those of `utf8`.
    private func restEquals(_ e: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[e]
        guard starts[e + 1] - s == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            var k = 16
            while k < utf8.count, b[s + k] == utf8[k] { k += 1 }
            return k == utf8.count
        }
    }

    /// The key's first 16 bytes as two words (zero-padded) and its hash: a multiplicative hash
    /// over 8-byte words, fast on the short words of a lexicon and well mixed in its low bits.
    @inline(__always)
    private static func probe(_ p: UnsafeBufferPointer<UInt8>) -> (w0: UInt64, w1: UInt64, hash: UInt64) {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = p.count
        var h: UInt64 = UInt64(n) &* m
        var w0: UInt64 = 0, w1: UInt64 = 0
        guard let base = p.baseAddress else { return (0, 0, h ^ (h >> 32)) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var word = 0
        while i < n {
            var w: UInt64
            if i + 8 <= n {
                w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            } else {
                w = 0
                var shift: UInt64 = 0
                while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            }
            if word == 0 { w0 = w } else if word == 1 { w1 = w }
            word += 1
            h = (h ^ w) &* m
            h ^= h >> 29
        }
        h = h &* m
        return (w0, w1, h ^ (h >> 32))
    }
}

/// An immutable set of words with the fast look-up of `WordTable`.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        table = WordTable(pairs: words.map { ($0, true) })
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    /// Whether `word` is in the set.
    func contains(_ word: String) -> Bool { table.contains(word) }

    /// Whether the word of UTF-8 bytes `utf8` is in the set.
    func contains(utf8: UnsafeBufferPointer<UInt8>) -> Bool { table.find(utf8) != nil }

    var count: Int { table.count }
}
