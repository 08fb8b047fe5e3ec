/// The posting lists of a table (one per word or name) in one packed buffer, plus
/// the postings added since it was last packed as (list, document) pairs.
///
/// A separate growing array per list would cost tens of bytes each in headers and
/// spare capacity (more than the postings of most words) and leave the heap full
/// of holes once packed; here new postings go to one flat array, packed into the
/// buffer (`freeze`) whenever it holds as many bytes as the buffer, so packing
/// costs a constant factor over the whole load and memory stays near the packed size.
///
/// A packed list starts with a byte saying how it is stored: deltas (`PostingList`'s
/// encoding), or, for words found in most documents (`de`, `the`), a bitset of
/// every document at the time of packing, whichever is smaller.
struct PostingStore: Sendable {
    /// Packed lists: list `i` is `packed[packedStarts[i]..<packedStarts[i + 1]]`
    /// (lists added since the last freeze have none).
    private var packed: [UInt8] = []
    private var packedStarts: [UInt32] = [0]
    /// Postings added since, `list << 32 | document`, documents in increasing order.
    private var pending: [UInt64] = []
    /// Per packed list, its last id + 1 (0 when empty): where new deltas continue from.
    private var lastIds: [UInt32] = []

    /// Lists so far.
    private(set) var count = 0

    private static let deltas: UInt8 = 0, bitset: UInt8 = 1

    /// Adds an empty list; returns its number.
    mutating func addList() -> Int {
        count += 1
        return count - 1
    }

    /// Appends `id` to list `i` (ids arrive in increasing order; a repeat is ignored
    /// when packed). A freeze falls between two documents.
    @inline(__always)
    mutating func append(_ id: UInt32, to i: Int) {
        pending.append(UInt64(i) << 32 | UInt64(id))
    }

    /// Whether the pending postings are worth packing now.
    var wantsFreeze: Bool { pending.count * 8 >= max(1 << 22, packed.count) }

    /// Adds the ids of lists `lists` to `set`.
    func insert(_ lists: [Int32], into set: inout IdSet) {
        for i in lists { forEachPacked(Int(i)) { set.insert($0) } }
        guard !pending.isEmpty, !lists.isEmpty else { return }
        var wanted = IdSet(capacity: count)
        for i in lists { wanted.insert(Int(i)) }
        for p in pending where wanted.contains(Int(p >> 32)) { set.insert(Int(p & 0xFFFF_FFFF)) }
    }

    /// Calls `body` with each id of list `i`, in increasing order (repeats removed).
    func forEach(_ i: Int, _ body: (Int) -> Void) {
        var last = -1
        forEachPacked(i) { last = $0; body($0) }
        for p in pending where Int(p >> 32) == i {
            let id = Int(p & 0xFFFF_FFFF)
            if id != last { body(id) }
            last = id
        }
    }

    /// The first id of list `i`.
    func first(_ i: Int) -> Int? {
        var found: Int?
        forEachPacked(i) { if found == nil { found = $0 } }
        if found != nil { return found }
        for p in pending where Int(p >> 32) == i { return Int(p & 0xFFFF_FFFF) }
        return nil
    }

    private func forEachPacked(_ i: Int, _ body: (Int) -> Void) {
        guard i < packedStarts.count - 1 else { return }
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

    /// Packs every list into one buffer, exactly sized; `universe` is the number of
    /// documents so far (the size of a bitset list).
    ///
    /// Packed lists are not decoded again: runs of lists without new postings are
    /// copied as they are, and a list with new ones gets its new deltas (after its
    /// last id, kept in `lastIds`) or bits appended. Only a deltas list grown larger
    /// than a bitset is rewritten, once. Packing thus costs a copy of the buffer and
    /// the new postings' encoding.
    mutating func freeze(universe: Int) {
        guard !pending.isEmpty || packedStarts.count - 1 < count else { return }
        // The pending postings sorted by list (a counting sort keeps documents in order).
        var firsts = [UInt32](repeating: 0, count: count + 1)
        for p in pending { firsts[Int(p >> 32) + 1] += 1 }
        for i in 0..<count { firsts[i + 1] += firsts[i] }
        var sorted = [UInt32](repeating: 0, count: pending.count)
        do {
            var next = firsts
            for p in pending {
                let i = Int(p >> 32)
                sorted[Int(next[i])] = UInt32(truncatingIfNeeded: p)
                next[i] += 1
            }
        }
        pending = []
        if lastIds.count < count { lastIds.append(contentsOf: repeatElement(0, count: count - lastIds.count)) }

        let oldLists = packedStarts.count - 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count + sorted.count * 2 + (count - oldLists) + 16)
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        starts.append(0)
        let bitsetBytes = (universe + 7) / 8
        var ids: [UInt32] = []
        packed.withUnsafeBufferPointer { old in
            // Old bytes [copyFrom, copyTo) not yet copied: lists left as they were.
            var copyFrom = 0
            func flush(upTo end: Int) {
                if end > copyFrom { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: old[copyFrom..<end])) }
                copyFrom = end
            }
            for i in 0..<count {
                let oldStart = i < oldLists ? Int(packedStarts[i]) : old.count
                let oldEnd = i < oldLists ? Int(packedStarts[i + 1]) : old.count
                let newFrom = Int(firsts[i]), newTo = Int(firsts[i + 1])
                if newFrom == newTo {
                    // Unchanged: its bytes are copied with the run.
                    starts.append(UInt32(bytes.count + (oldEnd - copyFrom)))
                    continue
                }
                flush(upTo: oldStart)
                copyFrom = oldEnd
                var last = Int64(lastIds[i]) - 1   // -1: empty
                let listStart = bytes.count
                if oldStart < oldEnd && old[oldStart] == Self.bitset {
                    // A bitset: copied, grown to cover the new ids, bits set.
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: old[oldStart..<oldEnd]))
                    let need = Int(sorted[newTo - 1] >> 3) + 1
                    let have = oldEnd - oldStart - 1
                    let size = max(have, need)
                    if size > have { bytes.append(contentsOf: repeatElement(0, count: size - have)) }
                    for k in newFrom..<newTo {
                        let v = sorted[k]
                        bytes[listStart + 1 + Int(v >> 3)] |= 1 << UInt8(v & 7)
                        last = max(last, Int64(v))
                    }
                } else {
                    if oldStart < oldEnd {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: old[oldStart..<oldEnd]))
                    } else {
                        bytes.append(Self.deltas)
                    }
                    for k in newFrom..<newTo where Int64(sorted[k]) > last {
                        let v = sorted[k]
                        PostingList.encode(last < 0 ? v : v - UInt32(last), into: &bytes)
                        last = Int64(v)
                    }
                    let deltaBytes = bytes.count - listStart - 1
                    if deltaBytes > bitsetBytes, last < universe {
                        // Denser than a bitset: rewritten as one.
                        ids.removeAll(keepingCapacity: true)
                        bytes.withUnsafeBufferPointer { b in
                            PostingList.decode(b, from: listStart + 1, to: b.count) { ids.append(UInt32($0)) }
                        }
                        bytes.removeSubrange(listStart...)
                        bytes.append(Self.bitset)
                        bytes.append(contentsOf: repeatElement(0, count: bitsetBytes))
                        for v in ids { bytes[listStart + 1 + Int(v >> 3)] |= 1 << UInt8(v & 7) }
                    }
                }
                lastIds[i] = UInt32(truncatingIfNeeded: last + 1)
                starts.append(UInt32(bytes.count))
            }
            flush(upTo: old.count)
        }
        packed = Array(unsafeUninitializedCapacity: bytes.count) { buf, k in _ = buf.initialize(from: bytes); k = bytes.count }
        packedStarts = starts
    }

    /// Bytes held, roughly.
    var storageBytes: Int {
        packed.capacity + packedStarts.capacity * 4 + pending.capacity * 8 + lastIds.capacity * 4
    }
}
