/// A set of small non-negative ids (articles or quotes of a corpus) as a bitset:
/// the corpus index answers each query term with one, and combines terms with
/// word-wide `and`/`or`, which stays fast at a million quotes.
public struct IdSet: Hashable, Sendable {
    var words: [UInt64]
    /// Ids are in `0..<capacity`.
    public private(set) var capacity: Int

    /// The empty set (or, with `full`, every id) of `0..<capacity`.
    public init(capacity: Int, full: Bool = false) {
        self.capacity = max(0, capacity)
        words = [UInt64](repeating: full ? ~0 : 0, count: (self.capacity + 63) / 64)
        if full { clearTail() }
    }

    /// Clears the bits past `capacity` in the last word (after `full` or `invert`).
    private mutating func clearTail() {
        let r = capacity % 64
        if r != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(r)) - 1 }
    }

    @inline(__always)
    public func contains(_ id: Int) -> Bool {
        id >= 0 && id < capacity && words[id >> 6] & (UInt64(1) << UInt64(id & 63)) != 0
    }

    @inline(__always)
    public mutating func insert(_ id: Int) {
        guard id >= 0 && id < capacity else { return }
        words[id >> 6] |= UInt64(1) << UInt64(id & 63)
    }

    @inline(__always)
    public mutating func remove(_ id: Int) {
        guard id >= 0 && id < capacity else { return }
        words[id >> 6] &= ~(UInt64(1) << UInt64(id & 63))
    }

    /// Adds the ids of `range` (clamped to the capacity).
    public mutating func insert(range: Range<Int>) {
        var i = max(0, range.lowerBound)
        let end = min(capacity, range.upperBound)
        while i < end {
            if i & 63 == 0 && end - i >= 64 {
                words[i >> 6] = ~0
                i += 64
            } else {
                words[i >> 6] |= UInt64(1) << UInt64(i & 63)
                i += 1
            }
        }
    }

    /// Adds the ids of a bitset given as bytes (id v is bit `v & 7` of byte `v >> 3`),
    /// eight bytes at a time; ids at or past the capacity are left out.
    public mutating func formUnion(bitsetBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, capacity > 0 else { return }
        let n = Swift.min(bytes.count, (capacity + 7) / 8)
        let whole = n / 8
        words.withUnsafeMutableBufferPointer { w in
            for k in 0..<whole {
                w[k] |= UInt64(littleEndian: UnsafeRawPointer(base + k * 8).loadUnaligned(as: UInt64.self))
            }
            if whole < w.count {
                var tail: UInt64 = 0
                for j in (whole * 8)..<n { tail |= UInt64(base[j]) << UInt64((j - whole * 8) * 8) }
                w[whole] |= tail
            }
        }
        clearTail()
    }

    /// Makes room for ids up to `capacity` (the new ones are not in the set).
    public mutating func grow(to capacity: Int) {
        guard capacity > self.capacity else { return }
        self.capacity = capacity
        let n = (capacity + 63) / 64
        if n > words.count { words.append(contentsOf: repeatElement(0, count: n - words.count)) }
    }

    /// How many ids the set holds.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var isEmpty: Bool { !words.contains { $0 != 0 } }

    public mutating func formIntersection(_ other: IdSet) {
        for i in words.indices { words[i] &= i < other.words.count ? other.words[i] : 0 }
    }

    public mutating func formUnion(_ other: IdSet) {
        for i in words.indices where i < other.words.count { words[i] |= other.words[i] }
    }

    /// Every id of `0..<capacity` not in the set.
    public mutating func invert() {
        for i in words.indices { words[i] = ~words[i] }
        clearTail()
    }

    /// Calls `body` with each id, in increasing order.
    @inline(__always)
    public func forEach(_ body: (Int) -> Void) {
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                body(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The ids, in increasing order.
    public var sorted: [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        forEach { out.append($0) }
        return out
    }
}
