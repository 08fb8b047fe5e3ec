/// The posting lists of a table (one per word or name) in one packed buffer, plus
/// the postings added since it was last packed (their lists, by document).
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
    /// Postings added since: their lists, in the order added, and where each new
    /// document's run of them starts (`document << 32 | index into pendingLists`),
    /// documents in increasing order: 4 bytes a posting.
    private var pendingLists: [UInt32] = []
    private var pendingRuns: [UInt64] = []
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
        if pendingRuns.isEmpty || UInt32(truncatingIfNeeded: pendingRuns[pendingRuns.count - 1] >> 32) != id {
            pendingRuns.append(UInt64(id) << 32 | UInt64(pendingLists.count))
        }
        pendingLists.append(UInt32(i))
    }

    /// Calls `body` with each pending posting (list, document), in the order added.
    @inline(__always)
    private func forEachPending(_ body: (Int, Int) -> Void) {
        for r in pendingRuns.indices {
            let id = Int(pendingRuns[r] >> 32)
            let from = Int(pendingRuns[r] & 0xFFFF_FFFF)
            let to = r + 1 < pendingRuns.count ? Int(pendingRuns[r + 1] & 0xFFFF_FFFF) : pendingLists.count
            for k in from..<to { body(Int(pendingLists[k]), id) }
        }
    }

    /// Whether the pending postings are worth packing now.
    var wantsFreeze: Bool { pendingLists.count * 8 >= max(1 << 22, packed.count) }

    /// Adds the ids of lists `lists` to `set`.
    func insert(_ lists: [Int32], into set: inout IdSet) {
        for i in lists {
            // A bitset list is laid out as the set's words (bit v of byte v >> 3):
            // or-ed in whole, not id by id (`de`, `the`: most documents).
            if !orBitset(Int(i), into: &set) { forEachPacked(Int(i)) { set.insert($0) } }
        }
        guard !pendingLists.isEmpty, !lists.isEmpty else { return }
        var wanted = IdSet(capacity: count)
        for i in lists { wanted.insert(Int(i)) }
        forEachPending { list, id in if wanted.contains(list) { set.insert(id) } }
    }

    /// Bytes of list `i` as packed (postings pending aside): how long it is, roughly.
    func packedSize(_ i: Int) -> Int {
        i < packedStarts.count - 1 ? Int(packedStarts[i + 1] - packedStarts[i]) : 0
    }

    /// Calls `body` with each id of list `i`, in increasing order (repeats removed).
    func forEach(_ i: Int, _ body: (Int) -> Void) {
        var last = -1
        forEachPacked(i) { last = $0; body($0) }
        forEachPending { list, id in
            guard list == i else { return }
            if id != last { body(id) }
            last = id
        }
    }

    /// The first id of list `i`.
    func first(_ i: Int) -> Int? {
        var found: Int?
        forEachPacked(i) { if found == nil { found = $0 } }
        if found != nil { return found }
        forEachPending { list, id in if list == i && found == nil { found = id } }
        return found
    }

    /// Or-s list `i` into `set` when it is packed as a bitset; false when it is not.
    private func orBitset(_ i: Int, into set: inout IdSet) -> Bool {
        guard i < packedStarts.count - 1 else { return false }
        let start = Int(packedStarts[i]), end = Int(packedStarts[i + 1])
        guard start < end, packed[start] == Self.bitset else { return false }
        packed.withUnsafeBufferPointer { b in
            set.formUnion(bitsetBytes: UnsafeBufferPointer(rebasing: b[(start + 1)..<end]))
        }
        return true
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
        guard !pendingLists.isEmpty || packedStarts.count - 1 < count else { return }
        // The pending postings sorted by list (a counting sort keeps documents in order).
        var firsts = [UInt32](repeating: 0, count: count + 1)
        for i in pendingLists { firsts[Int(i) + 1] += 1 }
        for i in 0..<count { firsts[i + 1] += firsts[i] }
        var sorted = [UInt32](repeating: 0, count: pendingLists.count)
        do {
            var next = firsts
            forEachPending { i, id in
                sorted[Int(next[i])] = UInt32(id)
                next[i] += 1
            }
        }
        pendingLists = []
        pendingRuns = []
        if lastIds.count < count { lastIds.append(contentsOf: repeatElement(0, count: count - lastIds.count)) }

        let oldLists = packedStarts.count - 1
        let bitsetBytes = (universe + 7) / 8
        // First pass: each list's new size, so the buffer is made once, exactly sized
        // (a second copy of the largest buffer is what peak memory would pay).
        var starts = [UInt32](repeating: 0, count: count + 1)
        packed.withUnsafeBufferPointer { old in
            var total = 0
            for i in 0..<count {
                let oldStart = i < oldLists ? Int(packedStarts[i]) : old.count
                let oldEnd = i < oldLists ? Int(packedStarts[i + 1]) : old.count
                let newFrom = Int(firsts[i]), newTo = Int(firsts[i + 1])
                if newFrom == newTo {
                    total += oldEnd - oldStart
                } else if oldStart < oldEnd && old[oldStart] == Self.bitset {
                    total += 1 + max(oldEnd - oldStart - 1, Int(sorted[newTo - 1] >> 3) + 1)
                } else {
                    var size = oldStart < oldEnd ? oldEnd - oldStart - 1 : 0
                    var last = Int64(lastIds[i]) - 1
                    for k in newFrom..<newTo where Int64(sorted[k]) > last {
                        size += Self.varintLength(last < 0 ? sorted[k] : sorted[k] - UInt32(last))
                        last = Int64(sorted[k])
                    }
                    total += 1 + (size > bitsetBytes && last < universe ? bitsetBytes : size)
                }
                starts[i + 1] = UInt32(total)
            }
        }
        let total = Int(starts[count])
        let fresh = [UInt8](unsafeUninitializedCapacity: total) { out, written in
            packed.withUnsafeBufferPointer { old in
                var scratch: [UInt8] = []
                for i in 0..<count {
                    let at = Int(starts[i]), size = Int(starts[i + 1]) - at
                    let oldStart = i < oldLists ? Int(packedStarts[i]) : old.count
                    let oldEnd = i < oldLists ? Int(packedStarts[i + 1]) : old.count
                    let newFrom = Int(firsts[i]), newTo = Int(firsts[i + 1])
                    if newFrom == newTo {
                        if size > 0 { (out.baseAddress! + at).initialize(from: old.baseAddress! + oldStart, count: size) }
                        continue
                    }
                    var last = Int64(lastIds[i]) - 1   // -1: empty
                    let oldIsBitset = oldStart < oldEnd && old[oldStart] == Self.bitset
                    let grownDeltas = !oldIsBitset && size == 1 + bitsetBytes
                        && Self.deltasSize(old, oldStart, oldEnd, sorted, newFrom, newTo, last) > bitsetBytes
                    if oldIsBitset || grownDeltas {
                        // A bitset: the old one (or the old deltas' ids) and the new ids.
                        (out.baseAddress! + at).initialize(repeating: 0, count: size)
                        out[at] = Self.bitset
                        if oldIsBitset {
                            (out.baseAddress! + at + 1).update(from: old.baseAddress! + oldStart + 1, count: oldEnd - oldStart - 1)
                        } else if oldStart < oldEnd {
                            PostingList.decode(old, from: oldStart + 1, to: oldEnd) { v in out[at + 1 + (v >> 3)] |= 1 << UInt8(v & 7) }
                        }
                        for k in newFrom..<newTo {
                            let v = sorted[k]
                            out[at + 1 + Int(v >> 3)] |= 1 << UInt8(v & 7)
                            last = max(last, Int64(v))
                        }
                    } else {
                        out[at] = Self.deltas
                        var n = at + 1
                        if oldStart < oldEnd {
                            (out.baseAddress! + n).initialize(from: old.baseAddress! + oldStart + 1, count: oldEnd - oldStart - 1)
                            n += oldEnd - oldStart - 1
                        }
                        for k in newFrom..<newTo where Int64(sorted[k]) > last {
                            let v = sorted[k]
                            scratch.removeAll(keepingCapacity: true)
                            PostingList.encode(last < 0 ? v : v - UInt32(last), into: &scratch)
                            for b in scratch { out[n] = b; n += 1 }
                            last = Int64(v)
                        }
                    }
                    lastIds[i] = UInt32(truncatingIfNeeded: last + 1)
                }
            }
            written = total
        }
        packed = fresh
        packedStarts = starts
    }

    /// Bytes of a varint.
    @inline(__always)
    private static func varintLength(_ v: UInt32) -> Int {
        v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5
    }

    /// The deltas bytes of an old deltas list with new ids appended.
    private static func deltasSize(_ old: UnsafeBufferPointer<UInt8>, _ oldStart: Int, _ oldEnd: Int,
                                   _ sorted: [UInt32], _ from: Int, _ to: Int, _ lastBefore: Int64) -> Int {
        var size = oldStart < oldEnd ? oldEnd - oldStart - 1 : 0
        var last = lastBefore
        for k in from..<to where Int64(sorted[k]) > last {
            size += varintLength(last < 0 ? sorted[k] : sorted[k] - UInt32(last))
            last = Int64(sorted[k])
        }
        return size
    }

    /// Bytes held, roughly.
    var storageBytes: Int {
        packed.capacity + packedStarts.capacity * 4 + pendingLists.capacity * 4 + pendingRuns.capacity * 8
            + lastIds.capacity * 4
    }
}

extension PostingStore {
    /// Saves the lists (see `CorpusIndex.write(to:)`).
    func write(to w: inout BinaryFileWriter) throws {
        try w.write(UInt64(count)); try w.write(packed); try w.write(packedStarts)
        try w.write(pendingLists); try w.write(pendingRuns); try w.write(lastIds)
    }

    /// Reads back saved lists, checking that their parts agree.
    init(from r: inout BinaryFileReader) throws {
        count = Int(try r.readUInt64())
        packed = try r.readArray()
        packedStarts = try r.readArray()
        pendingLists = try r.readArray()
        pendingRuns = try r.readArray()
        lastIds = try r.readArray()
        let lists = packedStarts.count - 1
        guard lists >= 0, lists <= count, lastIds.count <= count, packedStarts.first == 0,
              Int(packedStarts[lists]) == packed.count,
              zip(packedStarts, packedStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              pendingLists.allSatisfy({ Int($0) < count }),
              pendingRuns.allSatisfy({ Int($0 & 0xFFFF_FFFF) < max(1, pendingLists.count) }) else {
            throw BinaryFileError("damaged posting lists")
        }
    }
}
