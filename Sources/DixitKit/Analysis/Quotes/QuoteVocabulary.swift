/// The folded words the quote lexicon knows (`WordInfo`), looked up by their folded UTF-8 bytes
/// as a token is folded: a known word (most function words of a text) costs no hashing of a
/// `String` and no new string, as its key is shared.
struct QuoteVocabulary: Sendable {
    /// Open addressing: per slot, the key's hash and its entry + 1 (0: empty).
    private let slotHashes: [UInt64]
    private let slotEntries: [Int32]
    private let mask: Int
    /// Per entry: the key, its UTF-8 bytes (`bytes[starts[e]..<starts[e + 1]]`), its information.
    private let keys: [String]
    private let bytes: [UInt8]
    private let starts: [Int]
    private let infos: [WordInfo]
    /// Entry of each one-byte ASCII word, or -1.
    private let asciiEntries: [Int32]

    init(_ table: [String: WordInfo]) {
        var size = 16
        while size < table.count * 2 { size *= 2 }
        var slotHashes = [UInt64](repeating: 0, count: size), slotEntries = [Int32](repeating: 0, count: size)
        var keys: [String] = [], bytes: [UInt8] = [], starts = [0], infos: [WordInfo] = []
        // Sorted: the same table whatever the dictionary's order.
        for (key, info) in table.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let utf8 = Array(key.utf8)
            let h = utf8.withUnsafeBufferPointer { QuoteVocabulary.hash($0) }
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while slotEntries[i] != 0 { i = (i + 1) & (size - 1) }
            slotHashes[i] = h
            slotEntries[i] = Int32(keys.count + 1)
            keys.append(key)
            bytes += utf8
            starts.append(bytes.count)
            infos.append(info)
        }
        self.slotHashes = slotHashes
        self.slotEntries = slotEntries
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
        let h = QuoteVocabulary.hash(utf8)
        var i = Int(truncatingIfNeeded: h) & mask
        return slotEntries.withUnsafeBufferPointer { entries in
            slotHashes.withUnsafeBufferPointer { hashes in
                while true {
                    let e = Int(entries[i])
                    if e == 0 { return nil }
                    if hashes[i] == h, keyEquals(e - 1, utf8) { return e - 1 }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The key of entry `e` (the folded word).
    func key(_ e: Int) -> String { keys[e] }

    /// What the lexicon knows of entry `e`.
    func info(_ e: Int) -> WordInfo { infos[e] }

    private func keyEquals(_ e: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[e]
        guard starts[e + 1] - s == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < utf8.count, b[s + k] == utf8[k] { k += 1 }
            return k == utf8.count
        }
    }

    /// FNV-1a over the bytes, then mixed so that the low bits (the slot) depend on every byte.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }
}
