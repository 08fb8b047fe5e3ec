/// Finds quotations and attributes them to their speakers.
public struct QuoteExtractor: Sendable {
    public init() {}

    /// Quotes in the analysed paragraphs, sorted by position.
    public func extract(_ article: Article, entities: [Entity]) -> [Quote] {
        []
    }
}
