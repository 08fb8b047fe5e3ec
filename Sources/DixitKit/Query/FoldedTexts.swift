/// Short texts (one per article: the reader's list rows) kept folded end to end,
/// so that finding the ones containing a pattern is one byte search, not a fold
/// and a search per text: what a search keystroke in a list of 100,000 rows needs.
public struct FoldedTexts: Sendable {
    private var table = SearchableStrings()

    public init() {}

    /// Texts added so far (ids `0..<count`).
    public var count: Int { table.count }

    /// Adds `text` (folded here: `TextFolding.fold`) as the next id.
    public mutating func append(_ text: String) {
        table.appendEntry(TextFolding.fold(text))
    }

    /// The ids whose folded text contains `pattern` folded (as `queryContains`);
    /// an empty pattern is found nowhere.
    public func ids(containing pattern: String) -> IdSet {
        var set = IdSet(capacity: count)
        for id in table.ids(containing: TextFolding.fold(pattern)) { set.insert(Int(id)) }
        return set
    }

    /// Bytes held, roughly.
    public var storageBytes: Int { table.storageBytes }
}
