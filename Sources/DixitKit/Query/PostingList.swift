/// Increasing ids (the articles or quotes holding a word or a name), stored as
/// variable-length deltas: ids close together take a byte each, so the postings
/// of every word of a large corpus fit in a fraction of its text.
struct PostingList: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var last: UInt32 = 0
    private(set) var count: UInt32 = 0

    /// Appends `id` unless it is the last one already (ids arrive in increasing order).
    @inline(__always)
    mutating func append(_ id: UInt32) {
        if count > 0 {
            guard id > last else { return }
        }
        Self.encode(count == 0 ? id : id - last, into: &bytes)
        last = id
        count += 1
    }

    /// Calls `body` with each id, in increasing order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        bytes.withUnsafeBufferPointer { b in Self.decode(b, from: 0, to: b.count, body) }
    }

    /// Appends one delta, seven bits a byte, low bits first.
    @inline(__always)
    static func encode(_ value: UInt32, into bytes: inout [UInt8]) {
        var delta = value
        while delta >= 0x80 {
            bytes.append(UInt8(delta & 0x7F) | 0x80)
            delta >>= 7
        }
        bytes.append(UInt8(delta))
    }

    /// Calls `body` with the ids encoded in `b[from..<to]`.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ body: (Int) -> Void) {
        var value: UInt32 = 0
        var i = from
        while i < to {
            var delta: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                let byte = b[i]
                i += 1
                delta |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            value &+= delta
            body(Int(value))
        }
    }

    /// Adds every id to `set`.
    func insert(into set: inout IdSet) {
        forEach { set.insert($0) }
    }

    /// Bytes held (capacity aside).
    var storageBytes: Int { bytes.capacity + MemoryLayout<PostingList>.stride }
}
