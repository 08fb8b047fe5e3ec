/// Which documents (articles, or quotes) hold each folded word: the word table and
/// one posting list per word.
///
/// Words are the runs between spaces of the normalised text (`QueryText.normalize`),
/// punctuation included. A text term without a space is a substring of the normalised
/// text exactly when it is a substring of one of its words, so "the documents whose
/// text contains `otan`" is the union of the postings of the words containing `otan`:
/// the same answer as searching every text, without the texts.
struct WordIndex: Sendable {
    private(set) var words = SearchableStrings()
    private var postings = PostingStore()

    /// The id of a word (folded UTF-8), added when new.
    mutating func wordId(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
        let id = Int(words.intern(utf8: word))
        if id == postings.count { postings.addList() }
        return id
    }

    /// Records that document `doc` holds word `id` (documents are added in increasing order).
    @inline(__always)
    mutating func append(document doc: Int, word id: Int) {
        postings.append(UInt32(doc), to: id)
    }

    /// Documents whose normalised text may contain `needle` (normalised, trimmed):
    /// exact for a needle without a space; for a phrase, the documents holding its
    /// words in the right places (first as a word's end, last as a word's start,
    /// the others whole), which the caller checks against the text.
    func candidates(for needle: String, capacity: Int) -> (set: IdSet, exact: Bool) {
        let parts = needle.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var set = IdSet(capacity: capacity)
        guard !parts.isEmpty else { return (set, true) }
        if parts.count == 1 {
            postings.insert(words.ids(containing: parts[0]), into: &set)
            return (set, true)
        }
        for (k, part) in parts.enumerated() {
            var partSet = IdSet(capacity: capacity)
            let ids: [Int32]
            if k == 0 {
                ids = words.ids(containing: part, at: .suffix)
            } else if k == parts.count - 1 {
                ids = words.ids(containing: part, at: .prefix)
            } else {
                ids = words.id(of: part).map { [$0] } ?? []
            }
            postings.insert(ids, into: &partSet)
            if k == 0 { set = partSet } else { set.formIntersection(partSet) }
            if set.isEmpty { break }
        }
        return (set, false)
    }

    /// Bytes of the packed postings of the words containing `needle` (normalised, without
    /// a space): what joining them would read, as a cost to weigh before doing it.
    func postingBytes(containing needle: String) -> Int {
        words.ids(containing: needle).reduce(0) { $0 + postings.packedSize(Int($1)) }
    }

    /// Packs the postings (loading is over).
    /// Whether the postings added lately are worth packing now.
    var wantsFreeze: Bool { postings.wantsFreeze }

    mutating func freeze(universe: Int) {
        postings.freeze(universe: universe)
        words.freeze()
    }

    /// Bytes held, roughly.
    var storageBytes: Int {
        words.storageBytes + postings.storageBytes
    }
}

extension WordIndex {
    /// Saves the index (see `CorpusIndex.write(to:)`).
    func write(to w: inout BinaryFileWriter) throws {
        try words.write(to: &w)
        try postings.write(to: &w)
    }

    /// Reads back a saved index.
    init(from r: inout BinaryFileReader) throws {
        words = try SearchableStrings(from: &r)
        postings = try PostingStore(from: &r)
        guard postings.count == words.count else { throw BinaryFileError("damaged word index") }
    }
}
