#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interned strings (folded words, speaker names, entity names) with an id each,
/// kept also end to end in one byte buffer: finding every entry that contains a
/// needle is one byte search over the buffer, not one search per string.
struct SearchableStrings: Sendable {
    /// Entry → id.
    private var ids: [String: Int32] = [:]
    /// The entries' UTF-8, each followed by a 0 byte.
    private var bytes: [UInt8] = []
    /// Where each entry starts in `bytes`; `starts[count]` is the end.
    private var starts: [UInt32] = [0]
    /// Whether each entry has a byte outside ASCII (its character boundaries must be checked).
    private var nonASCII: [Bool] = []

    var count: Int { nonASCII.count }

    /// The id of `s`, added when new.
    @discardableResult
    mutating func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = appendEntry(s)
        ids[s] = id
        return id
    }

    /// Adds `s` as a new entry even when it is there already (a table kept in step
    /// with another one's ids).
    @discardableResult
    mutating func appendEntry(_ s: String) -> Int32 {
        let id = Int32(count)
        var ascii = true
        for b in s.utf8 {
            bytes.append(b)
            if b >= 0x80 { ascii = false }
        }
        bytes.append(0)
        starts.append(UInt32(bytes.count))
        nonASCII.append(!ascii)
        return id
    }

    /// The id of `s`, if interned.
    func id(of s: String) -> Int32? { ids[s] }

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
                    while i <= last {
                        guard let p = memchr(hb + i, key, last - i + 1) else { return }
                        let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - hb
                        guard memcmp(hb + at, np, n.count) == 0 else { i = at + 1; continue }
                        let id = Self.entry(containing: at, st)
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
        bytes.capacity + starts.capacity * 4 + nonASCII.capacity + ids.capacity * (MemoryLayout<String>.stride + 4 + 1)
            + bytes.count
    }
}
