/// An immutable dictionary of folded words with a cheap pre-check: a bitmap over
/// (length, first two bytes) answers "not there" for most words without hashing them.
struct FoldedTable<Value: Sendable>: Sendable {
    private let table: [String: Value]
    private let bitmap: [UInt64]

    init(_ table: [String: Value]) {
        self.table = table
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
