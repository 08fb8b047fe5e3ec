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
        // The extractors read `text.scalars` in their loops: free on an array of
        // scalars, a copy on a compacted text (see `ScalarText.compacted()`).
        var working = article
        if working.text.isCompact { working.text = ScalarText(scalars: working.text.scalars) }
        // Both stages read the same paragraphs: tokenised once.
        let (entities, tokens) = entityRecognizer.recognizeKeepingTokens(working)
        let quotes = quoteExtractor.extract(working, entities: entities, tokens: tokens)
        return AnalyzedArticle(article: article, entities: entities, quotes: quotes)
    }
}
