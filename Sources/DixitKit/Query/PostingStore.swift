/// The posting lists of a table (one per word or name), growing while articles
/// arrive and packed into one buffer when loading is over (`freeze`): a separate
/// array per list costs tens of bytes each in headers and spare capacity, more
/// than the postings of most words.
///
/// A packed list starts with a byte saying how it is stored: deltas (`PostingList`'s
/// encoding), or, for words found in most documents (`de`, `the`), a bitset of
/// every document at the time of the freeze, whichever is smaller.
struct PostingStore: Sendable {
    /// Packed lists: list `i` is `packed[packedStarts[i]..<packedStarts[i + 1]]`
    /// (lists added since the last freeze have none).
    private var packed: [UInt8] = []
    private var packedStarts: [UInt32] = [0]
    /// Ids added since the last freeze, by list (lists past its end have none).
    private var live: [PostingList] = []

    /// Lists so far.
    private(set) var count = 0

    private static let deltas: UInt8 = 0, bitset: UInt8 = 1

    /// Adds an empty list; returns its number.
    mutating func addList() -> Int {
        count += 1
        return count - 1
    }

    /// Appends `id` to list `i` (ids arrive in increasing order; a repeat is ignored).
    /// (A freeze falls between two documents, so an id is never both packed and live.)
    @inline(__always)
    mutating func append(_ id: UInt32, to i: Int) {
        if i >= live.count { live.append(contentsOf: repeatElement(PostingList(), count: i + 1 - live.count)) }
        live[i].append(id)
    }

    /// Calls `body` with each id of list `i`, in increasing order.
    func forEach(_ i: Int, _ body: (Int) -> Void) {
        if i < packedStarts.count - 1 {
            packed.withUnsafeBufferPointer { b in
                let start = Int(packedStarts[i]), end = Int(packedStarts[i + 1])
                guard start < end else { return }
                if b[start] == Self.bitset {
                    for k in (start + 1)..<end where b[k] != 0 {
                        var bits = b[k]
                        let base = (k - start - 1) << 3
                        while bits != 0 {
                            body(base | bits.trailingZeroBitCount)
                            bits &= bits - 1
                        }
                    }
                } else {
                    PostingList.decode(b, from: start + 1, to: end, body)
                }
            }
        }
        if i < live.count { live[i].forEach(body) }
    }

    func insert(_ i: Int, into set: inout IdSet) {
        forEach(i) { set.insert($0) }
    }

    /// Packs every list into one buffer, exactly sized; `universe` is the number of
    /// documents so far (the size of a bitset list).
    mutating func freeze(universe: Int) {
        guard live.contains(where: { $0.count > 0 }) || packedStarts.count - 1 < count else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count + live.reduce(0) { $0 + $1.bytes.count } + count)
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        starts.append(0)
        let bitsetBytes = (universe + 7) / 8
        var list: [UInt8] = []
        for i in 0..<count {
            list.removeAll(keepingCapacity: true)
            var previous: UInt32?
            var n = 0
            forEach(i) { id in
                let v = UInt32(id)
                PostingList.encode(previous.map { v - $0 } ?? v, into: &list)
                previous = v
                n += 1
            }
            if n > 0, list.count > bitsetBytes, Int(previous!) < universe {
                bytes.append(Self.bitset)
                let at = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: bitsetBytes))
                forEach(i) { id in bytes[at + id >> 3] |= 1 << UInt8(id & 7) }
            } else if n > 0 {
                bytes.append(Self.deltas)
                bytes.append(contentsOf: list)
            }
            starts.append(UInt32(bytes.count))
        }
        packed = Array(unsafeUninitializedCapacity: bytes.count) { buf, k in _ = buf.initialize(from: bytes); k = bytes.count }
        packedStarts = starts
        live = []
    }

    /// Bytes held, roughly.
    var storageBytes: Int {
        packed.capacity + packedStarts.capacity * 4 + live.reduce(0) { $0 + $1.storageBytes }
    }
}
