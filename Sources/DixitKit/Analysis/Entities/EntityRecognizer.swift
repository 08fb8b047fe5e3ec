/// Finds people, organisations and places in an article.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Entity mentions in the analysed paragraphs, sorted by position.
    public func recognize(_ article: Article) -> [Entity] {
        []
    }
}
