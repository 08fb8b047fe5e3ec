/// A query as the corpus index answers it before reading any text (`CorpusIndex.plan`):
/// the articles and quotes decided by the index alone, and those that hold a phrase's
/// words in place, whose texts say whether the words are in a row.
///
/// A plan holds ids and the phrases, no index and no text: it can be checked on
/// another thread, slice by slice in corpus order (`check`), while the index grows.
public struct QueryPlan: Sendable {
    /// A quoted phrase of several words, with the articles and quotes holding its words in place.
    struct Phrase: Sendable {
        let text: String
        let needle: [UInt8]
        let negated: Bool
        let articles: IdSet
        let quotes: IdSet

        init(text: String, negated: Bool, articles: IdSet, quotes: IdSet) {
            self.text = text
            needle = Array(text.utf8)
            self.negated = negated
            self.articles = articles
            self.quotes = quotes
        }
    }

    /// The articles judged (the others are not let through).
    public let range: Range<Int>
    /// Articles that every other term lets through and no phrase rules out.
    let articles: IdSet
    let quotes: IdSet
    let phrases: [Phrase]
    /// Articles and quotes among those whose texts must be read: some phrase's words are in place.
    public let pendingArticles: IdSet
    public let pendingQuotes: IdSet
    /// `quoteStart[a - range.lowerBound]` is article `a`'s first corpus quote.
    let quoteStart: [UInt32]

    init(range: Range<Int>, articles: IdSet, quotes: IdSet, phrases: [Phrase], quoteStart: [UInt32]) {
        self.range = range
        self.articles = articles
        self.quotes = quotes
        self.phrases = phrases
        self.quoteStart = quoteStart
        var anyArticle = IdSet(capacity: articles.capacity), anyQuote = IdSet(capacity: quotes.capacity)
        for p in phrases {
            anyArticle.formUnion(p.articles)
            anyQuote.formUnion(p.quotes)
        }
        anyArticle.formIntersection(articles)
        anyQuote.formIntersection(quotes)
        pendingArticles = anyArticle
        pendingQuotes = anyQuote
    }

    /// Whether some text must be read before the answer is whole.
    public var needsCheck: Bool { !pendingArticles.isEmpty || !pendingQuotes.isEmpty }

    /// The articles let through whatever the texts say (with a phrase required, none).
    public var decidedArticles: IdSet {
        var d = articles
        pendingArticles.forEach { d.remove($0) }
        return d
    }

    /// The quotes let through whatever the texts say (judged on their own).
    public var decidedQuotes: IdSet {
        var q = quotes
        pendingQuotes.forEach { q.remove($0) }
        return q
    }

    /// Article `a`'s quotes as corpus quote numbers (`a` in `range`).
    public func quoteIds(article a: Int) -> Range<Int> {
        let k = a - range.lowerBound
        return Int(quoteStart[k])..<Int(quoteStart[k + 1])
    }

    /// The articles of `slice` (clamped to `range`) and their quotes that the query lets
    /// through, decided ones included, in corpus order: what `CorpusIndex.evaluate` says
    /// of them. `corpus` is the corpus the plan was made from (or the same grown).
    /// With `quotesOfPassingArticlesOnly`, quotes of articles left out are neither
    /// read nor given (what the reader shows).
    public func check(_ slice: Range<Int>, in corpus: [AnalyzedArticle], quotesOfPassingArticlesOnly: Bool = true)
        -> (articles: [Int], quotes: [Int]) {
        let slice = slice.clamped(to: range)
        var outArticles: [Int] = [], outQuotes: [Int] = []
        let splitter = QueryWords()
        for a in slice where a < corpus.count {
            var passes = articles.contains(a)
            if passes && pendingArticles.contains(a) {
                let scalars = corpus[a].article.text.scalars
                passes = scalars.withUnsafeBufferPointer { buffer in
                    phrases.allSatisfy { p in
                        let found = p.articles.contains(a) && CorpusIndex.normalized(buffer, contains: p.needle, p.text, splitter)
                        return found != p.negated
                    }
                }
            }
            if passes { outArticles.append(a) }
            if quotesOfPassingArticlesOnly && !passes { continue }
            let ids = quoteIds(article: a)
            for id in ids where quotes.contains(id) {
                if !pendingQuotes.contains(id) || quoteHolds(id, quote: id - ids.lowerBound, of: corpus[a], splitter) {
                    outQuotes.append(id)
                }
            }
        }
        return (outArticles, outQuotes)
    }

    /// Whether every phrase says yes to a quote, from its text.
    private func quoteHolds(_ id: Int, quote q: Int, of analysed: AnalyzedArticle, _ splitter: QueryWords) -> Bool {
        guard analysed.quotes.indices.contains(q) else { return false }
        let quote = analysed.quotes[q]
        let text = analysed.article.text
        let span = quote.span
        // A quote's text is read from the article's when it is a span of it.
        let scalars: [Unicode.Scalar]
        if quote.textIsShared, span.start >= 0, span.start <= span.end, span.end <= text.count {
            scalars = (span.start..<span.end).map { text[$0] }
        } else {
            scalars = Array(quote.text.unicodeScalars)
        }
        return scalars.withUnsafeBufferPointer { buffer in
            phrases.allSatisfy { p in
                let found = p.quotes.contains(id) && CorpusIndex.normalized(buffer, contains: p.needle, p.text, splitter)
                return found != p.negated
            }
        }
    }
}
