/// The folded words the quote lexicon knows (`QuoteWordInfo`), looked up by their folded UTF-8 bytes
/// as a token is folded: a known word (most function words of a text) costs no hashing of a
/// `String` and no new string, as its key is shared.
struct QuoteVocabulary: Sendable {
    /// One slot of the open-addressing table, so that a look-up reads one cache line.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        /// The key's first 8 bytes (zero-padded): keys of 8 bytes or less are compared here.
        var head: UInt64 = 0
        /// Entry + 1; 0 for an empty slot.
        var entry: Int32 = 0
        var length: Int32 = 0
    }
    private let slots: [Slot]
    private let mask: Int
    /// One bit per value of the hash's top bits, set for the keys': most words the lexicon
    /// does not know stop here, in a few kilobytes that stay in cache, without reading a slot.
    private let filter: [UInt64]
    private static let filterBits = 17
    /// Per entry: the key, its UTF-8 bytes (`bytes[starts[e]..<starts[e + 1]]`), its information.
    private let keys: [String]
    private let bytes: [UInt8]
    private let starts: [Int]
    private let infos: [QuoteWordInfo]
    /// Entry of each one-byte ASCII word, or -1.
    private let asciiEntries: [Int32]

    init(_ table: [String: QuoteWordInfo]) {
        var size = 16
        while size < table.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        var filter = [UInt64](repeating: 0, count: (1 << QuoteVocabulary.filterBits) / 64)
        var keys: [String] = [], bytes: [UInt8] = [], starts = [0], infos: [QuoteWordInfo] = []
        // Sorted: the same table whatever the dictionary's order.
        for (key, info) in table.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let utf8 = Array(key.utf8)
            let (h, head) = utf8.withUnsafeBufferPointer { QuoteVocabulary.hash($0) }
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[i].entry != 0 { i = (i + 1) & (size - 1) }
            slots[i] = Slot(hash: h, head: head, entry: Int32(keys.count + 1), length: Int32(utf8.count))
            let f = QuoteVocabulary.filterIndex(h)
            filter[f >> 6] |= 1 << UInt64(f & 63)
            keys.append(key)
            bytes += utf8
            starts.append(bytes.count)
            infos.append(info)
        }
        self.slots = slots
        self.filter = filter
        mask = size - 1
        self.keys = keys
        self.bytes = bytes
        self.starts = starts
        self.infos = infos
        var ascii = [Int32](repeating: -1, count: 128)
        for e in keys.indices where starts[e + 1] - starts[e] == 1 && bytes[starts[e]] < 0x80 {
            ascii[Int(bytes[starts[e]])] = Int32(e)
        }
        asciiEntries = ascii
    }

    /// The entry whose key is `utf8`, or nil.
    func entry(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        if utf8.count == 1, utf8[0] < 0x80 {
            let e = asciiEntries[Int(utf8[0])]
            return e >= 0 ? Int(e) : nil
        }
        let (h, head) = QuoteVocabulary.hash(utf8)
        return entry(utf8, hash: h, head: head)
    }

    /// `entry(_:)` for bytes of more than one byte or non-ASCII, given their `hash(_:)`.
    @inline(__always)
    func entry(_ utf8: UnsafeBufferPointer<UInt8>, hash h: UInt64, head: UInt64) -> Int? {
        let f = QuoteVocabulary.filterIndex(h)
        guard filter[f >> 6] & (1 << UInt64(f & 63)) != 0 else { return nil }
        let n = Int32(utf8.count)
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.entry == 0 { return nil }
                if slot.hash == h, slot.length == n, slot.head == head, n <= 8 || keyEquals(Int(slot.entry) - 1, utf8) {
                    return Int(slot.entry) - 1
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Number of entries (ids 0..<count).
    var count: Int { keys.count }

    /// The key of entry `e` (the folded word).
    func key(_ e: Int) -> String { keys[e] }

    /// What the lexicon knows of entry `e`.
    func info(_ e: Int) -> QuoteWordInfo { infos[e] }

    /// Whether entry `e`'s key (of `utf8`'s length) has `utf8`'s bytes.
    private func keyEquals(_ e: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[e]
        return bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < utf8.count, b[s + k] == utf8[k] { k += 1 }
            return k == utf8.count
        }
    }

    @inline(__always)
    private static func filterIndex(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> UInt64(64 - filterBits)) }

    /// FNV-1a over the bytes, then mixed so that the low bits (the slot) and the top bits (the
    /// filter) depend on every byte; and the first 8 bytes, zero-padded.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, head: UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var head: UInt64 = 0
        for (i, b) in p.enumerated() {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            if i < 8 { head |= UInt64(b) << UInt64(i * 8) }
        }
        return (mix(h), head)
    }

    /// The end of `hash`: an FNV-1a state mixed so that the low bits (the slot) and the top bits
    /// (the filter) depend on every byte.
    @inline(__always)
    static func mix(_ h: UInt64) -> UInt64 {
        var h = h ^ (h >> 29)
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}
