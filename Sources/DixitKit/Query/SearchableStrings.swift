#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interned strings (folded words, speaker names, entity names) with an id each,
/// kept also end to end in one byte buffer: finding every entry that contains a
/// needle is one byte search over the buffer, not one search per string.
struct SearchableStrings: Sendable {
    /// Open-addressing hash table over the bytes (id, or -1 for an empty slot): a
    /// `[String: Int32]` would keep a second copy of every long entry and cost
    /// tens of bytes an entry; this costs 8 at most.
    private var slots: [Int32] = []
    /// Entries in `slots`.
    private var hashed = 0
    /// The entries' UTF-8, each followed by a 0 byte.
    private var bytes: [UInt8] = []
    /// Where each entry starts in `bytes`; `starts[count]` is the end.
    private var starts: [UInt32] = [0]
    /// Whether each entry has a scalar that can join the one before or after it into
    /// one character (combining marks, joiners, regional indicators, Hangul jamo,
    /// CR…): only there can a byte match start or end inside a character, so only
    /// there is a match checked character by character. (Whole UTF-8 needle bytes
    /// always match on scalar boundaries.)
    private var nonASCII: [Bool] = []

    var count: Int { nonASCII.count }

    /// The id of `s`, added when new.
    @discardableResult
    mutating func intern(_ s: String) -> Int32 {
        var s = s
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { intern(utf8: $0) }!
    }

    /// The id of the string whose UTF-8 is `key` (valid UTF-8), added when new.
    @discardableResult
    mutating func intern(utf8 key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.isEmpty && count > 0 { rebuildLookup() }
        if hashed * 4 >= slots.count * 3 { rehash(max(64, slots.count * 2)) }
        let mask = slots.count - 1
        var i = Self.hash(key) & mask
        while slots[i] >= 0 {
            if equals(Int(slots[i]), key) { return slots[i] }
            i = (i + 1) & mask
        }
        let id = appendEntry(utf8: key)
        slots[i] = id
        hashed += 1
        return id
    }

    /// Calls `body` with entry `id`'s UTF-8.
    func withUTF8<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let a = Int(starts[id]), b = Int(starts[id + 1]) - 1
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[a..<b])) }
    }

    /// Whether a scalar can be part of a character with its neighbours.
    private static func joins(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x300 { return v == 0x0D }
        switch v {
        case 0x200C, 0x200D, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F,
             0xAC00...0xD7AF, 0xD7B0...0xD7FF, 0x0600...0x0605, 0x06DD, 0x070F, 0x08E2, 0x110BD, 0x110CD:
            return true
        default:
            return u.properties.isGraphemeExtend || u.properties.generalCategory == .spacingMark
        }
    }

    /// A multiplicative hash over 8-byte words (interning every word of a corpus
    /// is hot: byte-at-a-time hashing cost twice as much).
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = key.count
        var h = UInt64(n) &* m
        guard let base = key.baseAddress else { return Int(truncatingIfNeeded: h ^ (h >> 32)) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* m
        }
        h = h &* m
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// Makes room for `n` entries without growing the hash table.
    mutating func reserve(_ n: Int) {
        var size = 64
        while size * 3 <= n * 4 { size *= 2 }
        if size > slots.count && (count == 0 || !slots.isEmpty) { rehash(size) }
        bytes.reserveCapacity(n * 8)
        starts.reserveCapacity(n + 1)
        nonASCII.reserveCapacity(n)
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = Int(starts[id]), n = Int(starts[id + 1]) - 1 - a
        guard n == key.count else { return false }
        if n == 0 { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a, key.baseAddress!, n) == 0 }
    }

    /// Makes the table `size` slots (a power of two) and puts the interned entries back.
    private mutating func rehash(_ size: Int) {
        let old = slots
        slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        bytes.withUnsafeBufferPointer { b in
            for id in old where id >= 0 {
                let a = Int(starts[Int(id)]), e = Int(starts[Int(id) + 1]) - 1
                var i = Self.hash(UnsafeBufferPointer(rebasing: b[a..<e])) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = id
            }
        }
    }

    /// Adds `s` as a new entry even when it is there already (a table kept in step
    /// with another one's ids).
    @discardableResult
    mutating func appendEntry(_ s: String) -> Int32 {
        var s = s
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { appendEntry(utf8: $0) }!
    }

    /// Adds the string whose UTF-8 is `utf8` as a new entry.
    @discardableResult
    mutating func appendEntry(utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = Int32(count)
        // Only scalars that join their neighbours call for the slow check: CR, and scalars
        // from U+0300 on, whose UTF-8 starts with a byte from 0xCC on (accented Latin
        // letters, below, do not).
        var carriageReturn = false, high = false
        for b in utf8 where b >= 0xCC || b == 0x0D {
            if b == 0x0D { carriageReturn = true } else { high = true }
            if carriageReturn { break }
        }
        bytes.append(contentsOf: utf8)
        let ascii = !carriageReturn && (!high || !String(decoding: utf8, as: UTF8.self).unicodeScalars.contains(where: Self.joins))
        bytes.append(0)
        starts.append(UInt32(bytes.count))
        nonASCII.append(!ascii)
        return id
    }

    /// The id of `s`, if interned.
    func id(of s: String) -> Int32? {
        if slots.isEmpty {
            // Dropped after loading (`freeze(keepingLookup: false)`): entry by entry.
            return (0..<count).first { self[$0] == s }.map(Int32.init)
        }
        var s = s
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { key -> Int32? in
            let mask = slots.count - 1
            var i = Self.hash(key) & mask
            while slots[i] >= 0 {
                if equals(Int(slots[i]), key) { return slots[i] }
                i = (i + 1) & mask
            }
            return nil
        } ?? nil
    }

    /// Puts every entry back in a new hash table.
    private mutating func rebuildLookup() {
        var size = 64
        while size * 3 <= count * 4 { size *= 2 }
        slots = (0..<Int32(count)).map { $0 }   // every entry, for `rehash` to place
        rehash(size)
        hashed = count
    }

    /// Trims spare capacity (loading is over); without `keepingLookup` the hash table
    /// goes too, until the next `intern` (tables only searched by content).
    mutating func freeze(keepingLookup: Bool = true) {
        if !keepingLookup {
            slots = []
            hashed = 0
        }
        func trim<T>(_ a: inout [T]) {
            if a.capacity > a.count + a.count / 16 {
                a = Array(unsafeUninitializedCapacity: a.count) { buf, n in _ = buf.initialize(from: a); n = a.count }
            }
        }
        trim(&bytes); trim(&starts); trim(&nonASCII)
    }

    /// Entry `id` as a string.
    subscript(id: Int) -> String {
        let a = Int(starts[id]), b = Int(starts[id + 1]) - 1
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    /// Where a needle must sit in an entry.
    enum Placement {
        /// Anywhere (`String.queryContains`).
        case anywhere
        /// At the start.
        case prefix
        /// At the end.
        case suffix
    }

    /// Ids of the entries holding `needle` as a run of whole characters, placed as asked,
    /// in increasing order. An empty needle is found nowhere (as `queryContains`).
    func ids(containing needle: String, at placement: Placement = .anywhere) -> [Int32] {
        var out: [Int32] = []
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return out }
        if n.contains(0) {
            // The separator itself: entry by entry.
            for id in 0..<count where Self.holds(self[id], needle, placement) { out.append(Int32(id)) }
            return out
        }
        bytes.withUnsafeBufferPointer { h in
            n.withUnsafeBufferPointer { nb in
                starts.withUnsafeBufferPointer { st in
                    guard let hb = h.baseAddress, let np = nb.baseAddress, n.count <= h.count else { return }
                    let key = Int32(np[0])
                    let last = h.count - n.count
                    var i = 0
                    var id = 0
                    while i <= last {
                        guard let p = memchr(hb + i, key, last - i + 1) else { return }
                        let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - hb
                        guard memcmp(hb + at, np, n.count) == 0 else { i = at + 1; continue }
                        // Hits come in order: walk to the entry holding this one
                        // (a binary search when it is far).
                        if Int(st[id + 1]) <= at {
                            id += 1
                            if Int(st[id + 1]) <= at { id = Self.entry(containing: at, st) }
                        }
                        let start = Int(st[id]), end = Int(st[id + 1]) - 1
                        var placed: Bool
                        switch placement {
                        case .anywhere: placed = true
                        case .prefix: placed = at == start
                        case .suffix: placed = at + n.count == end
                        }
                        if placed && nonASCII[id] { placed = Self.holds(self[id], needle, placement) }
                        if placed {
                            out.append(Int32(id))
                            i = end + 1   // the next entry
                        } else {
                            i = at + 1
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether entry `a` sorts before entry `b` by bytes (code points, for UTF-8).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let a0 = Int(starts[a]), a1 = Int(starts[a + 1]) - 1, b0 = Int(starts[b]), b1 = Int(starts[b + 1]) - 1
        let n = min(a1 - a0, b1 - b0)
        let c = n == 0 ? 0 : bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a0, $0.baseAddress! + b0, n) }
        return c != 0 ? c < 0 : a1 - a0 < b1 - b0
    }

    /// The ids, entries in byte order.
    func sortedIds() -> [Int32] {
        // Sorted on their first eight bytes (big-endian, zero-padded: a shorter entry
        // sorts first, as in `precedes`), the entries compared whole only on a tie.
        var keyed: [(prefix: UInt64, id: Int32)] = []
        keyed.reserveCapacity(count)
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<count {
                let a0 = Int(starts[i]), n = min(8, Int(starts[i + 1]) - 1 - a0)
                var p: UInt64 = 0
                for k in 0..<8 { p = p << 8 | UInt64(k < n ? b[a0 + k] : 0) }
                keyed.append((p, Int32(i)))
            }
        }
        keyed.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : precedes(Int($0.id), Int($1.id)) }
        return keyed.map(\.id)
    }

    /// The entry whose bytes include offset `at` (binary search over the starts).
    private static func entry(containing at: Int, _ starts: UnsafeBufferPointer<UInt32>) -> Int {
        var lo = 0, hi = starts.count - 1   // starts[lo] <= at < starts[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) <= at { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The exact test, character by character, for entries outside ASCII.
    private static func holds(_ entry: String, _ needle: String, _ placement: Placement) -> Bool {
        switch placement {
        case .anywhere: return entry.queryContains(needle)
        case .prefix: return entry.hasPrefix(needle)
        case .suffix: return entry.hasSuffix(needle)
        }
    }

    /// Bytes held, roughly (the dictionary counted at its entries' size).
    var storageBytes: Int {
        bytes.capacity + starts.capacity * 4 + nonASCII.capacity + slots.capacity * 4
    }
}

extension SearchableStrings {
    /// Saves the table (see `CorpusIndex.write(to:)`).
    func write(to w: inout BinaryFileWriter) throws {
        try w.write(slots); try w.write(UInt64(hashed)); try w.write(bytes); try w.write(starts); try w.write(nonASCII)
    }

    /// Reads back a saved table, checking that its parts agree.
    init(from r: inout BinaryFileReader) throws {
        slots = try r.readArray()
        hashed = Int(try r.readUInt64())
        bytes = try r.readArray()
        starts = try r.readArray()
        nonASCII = try r.readArray()
        let n = nonASCII.count
        guard starts.count == n + 1, starts.first == 0, Int(starts[n]) == bytes.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
              slots.isEmpty || (slots.count & (slots.count - 1) == 0 && hashed <= slots.count),
              slots.allSatisfy({ $0 < Int32(n) }) else {
            throw BinaryFileError("damaged string table")
        }
    }
}
