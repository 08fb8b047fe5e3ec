/// Short texts (one per article: the reader's list rows) kept end to end, folded
/// or as written, so that finding the ones containing a pattern is one byte search,
/// not a fold and a search per text: what a search keystroke in a list of 100,000
/// rows needs.
public struct FoldedTexts: Sendable {
    private var table = SearchableStrings()
    /// Whether texts and patterns are folded (`TextFolding.fold`) or kept as written.
    public let folded: Bool

    public init(folded: Bool = true) { self.folded = folded }

    /// Texts added so far (ids `0..<count`).
    public var count: Int { table.count }

    /// Adds `text` (folded here when `folded`) as the next id.
    public mutating func append(_ text: String) {
        table.appendEntry(folded ? TextFolding.fold(text) : text)
    }

    /// The ids whose text contains `pattern` (both folded when `folded`), as
    /// `queryContains` finds it; an empty pattern is found nowhere.
    public func ids(containing pattern: String) -> IdSet {
        var set = IdSet(capacity: count)
        for id in table.ids(containing: folded ? TextFolding.fold(pattern) : pattern) { set.insert(Int(id)) }
        return set
    }

    /// Bytes held, roughly.
    public var storageBytes: Int { table.storageBytes }
}
