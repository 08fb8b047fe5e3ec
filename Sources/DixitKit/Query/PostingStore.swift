/// The posting lists of a table (one per word or name), growing while articles
/// arrive and packed into one buffer when loading is over (`freeze`): a separate
/// array per list costs tens of bytes each in headers and spare capacity, more
/// than the postings of most words.
struct PostingStore: Sendable {
    /// Packed lists: list `i` is `packed[packedStarts[i]..<packedStarts[i + 1]]`
    /// (lists added since the last freeze have none).
    private var packed: [UInt8] = []
    private var packedStarts: [UInt32] = [0]
    /// Ids added since the last freeze, one list per list (empty ones hold no buffer).
    private var live: [PostingList] = []

    /// Lists so far.
    private(set) var count = 0

    /// Adds an empty list; returns its number.
    mutating func addList() -> Int {
        live.append(PostingList())
        count += 1
        return count - 1
    }

    /// Appends `id` to list `i` (ids arrive in increasing order; a repeat is ignored).
    /// (A freeze falls between two documents, so an id is never both packed and live.)
    @inline(__always)
    mutating func append(_ id: UInt32, to i: Int) {
        live[i].append(id)
    }

    /// Calls `body` with each id of list `i`, in increasing order.
    func forEach(_ i: Int, _ body: (Int) -> Void) {
        if i < packedStarts.count - 1 {
            packed.withUnsafeBufferPointer { b in
                PostingList.decode(b, from: Int(packedStarts[i]), to: Int(packedStarts[i + 1]), body)
            }
        }
        live[i].forEach(body)
    }

    func insert(_ i: Int, into set: inout IdSet) {
        forEach(i) { set.insert($0) }
    }

    /// Packs every list into one buffer, exactly sized.
    mutating func freeze() {
        guard live.contains(where: { $0.count > 0 }) || packedStarts.count - 1 < count else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count + live.reduce(0) { $0 + $1.bytes.count })
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        starts.append(0)
        for i in 0..<count {
            var previous: UInt32?
            forEach(i) { id in
                let v = UInt32(id)
                PostingList.encode(previous.map { v - $0 } ?? v, into: &bytes)
                previous = v
            }
            starts.append(UInt32(bytes.count))
        }
        packed = Array(bytes)
        packedStarts = starts
        live = [PostingList](repeating: PostingList(), count: count)
    }

    /// Bytes held, roughly.
    var storageBytes: Int {
        packed.capacity + packedStarts.capacity * 4 + live.reduce(0) { $0 + $1.storageBytes }
    }
}
