/// Runs the whole analysis of an article: entities, then quotes (which use the
/// people and organisations found as speakers).
public struct Analyzer: Sendable {
    public let entityRecognizer: EntityRecognizer
    public let quoteExtractor: QuoteExtractor

    public init(entityRecognizer: EntityRecognizer = EntityRecognizer(),
                quoteExtractor: QuoteExtractor = QuoteExtractor()) {
        self.entityRecognizer = entityRecognizer
        self.quoteExtractor = quoteExtractor
    }

    public func analyze(_ article: Article) -> AnalyzedArticle {
        let entities = entityRecognizer.recognize(article)
        let quotes = quoteExtractor.extract(article, entities: entities)
        return AnalyzedArticle(article: article, entities: entities, quotes: quotes)
    }
}
