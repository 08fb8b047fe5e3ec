import Foundation

/// A run of analysed articles prepared for `CorpusIndex.append(_:)`, off the main
/// thread: their words, quote words, entity names and speakers, each interned in
/// tables local to the part, and per article or quote the local ids.
///
/// The index then only maps each distinct local entry to its own id once and copies
/// ids: the per-article folding and tokenising (most of the work) runs on every core,
/// and no article's normalised text is ever made (the words are folded straight from
/// its scalars into the table).
public struct CorpusIndexPart: Sendable {
    /// The articles, in corpus order.
    public let articles: [AnalyzedArticle]

    /// Local tables: distinct words of the texts, of the quotes, entity names
    /// (normalised texts and canonical names), speaker keys (folded), languages.
    var words = SearchableStrings()
    var quoteWords = SearchableStrings()
    var names = SearchableStrings()
    var speakers = SearchableStrings()
    /// Per local speaker, its name normalised for queries when that is not its key.
    var speakerNormalized: [Int32: String] = [:]
    /// Per article, its language normalised.
    var languages: [String] = []

    /// Article `a`'s distinct words are `articleWords[articleWordStart[a]..<articleWordStart[a + 1]]`.
    var articleWords: [Int32] = []
    var articleWordStart: [UInt32] = [0]
    /// The same for each quote of the part (articles' quotes one after the other).
    var quoteWordIds: [Int32] = []
    var quoteWordStart: [UInt32] = [0]
    /// Per entity (articles' entities one after the other), its text's and its canonical name's local ids.
    var entityNames: [Int32] = []
    /// Per quote, its speaker's local id (-1 when unknown).
    var quoteSpeakers: [Int32] = []
    /// Per quote, the indices (in its article) of the entities inside it or naming its speaker:
    /// `quoteEntities[quoteEntityStart[q]..<quoteEntityStart[q + 1]]`.
    var quoteEntities: [Int32] = []
    var quoteEntityStart: [UInt32] = [0]

    /// Prepares `articles` (on the calling thread).
    public init(_ articles: [AnalyzedArticle]) {
        self.articles = articles
        // Locals, not properties, in the loops: no uniqueness checks through `self`.
        var words = SearchableStrings(), quoteWords = SearchableStrings(), names = SearchableStrings()
        var speakers = SearchableStrings()
        var speakerNormalized: [Int32: String] = [:]
        var languages: [String] = []
        words.reserve(articles.count * 160)
        quoteWords.reserve(articles.count * 60)
        names.reserve(articles.count * 16)
        var articleWords: [Int32] = [], articleWordStart: [UInt32] = [0]
        var quoteWordIds: [Int32] = [], quoteWordStart: [UInt32] = [0]
        var entityNames: [Int32] = [], quoteSpeakers: [Int32] = []
        var quoteEntities: [Int32] = [], quoteEntityStart: [UInt32] = [0]
        articleWords.reserveCapacity(articles.count * 300)
        let splitter = QueryWords()
        var lastWordDoc: [Int32] = []
        var lastQuoteWordDoc: [Int32] = []
        var quoteNumber: Int32 = 0
        for (a, analysed) in articles.enumerated() {
            let doc = Int32(a)
            languages.append(QueryText.normalize(analysed.article.language))
            // One copy of the scalars for the text, and for the quotes and names that are
            // its own words (a shared text is read from the article's text, this one).
            let scalars = analysed.article.text.scalars
            scalars.withUnsafeBufferPointer { sc in
                func within(_ span: Span) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= sc.count }
                splitter.forEachWord(sc) { w in
                    let id = Int(words.intern(utf8: w))
                    if id == lastWordDoc.count { lastWordDoc.append(-1) }
                    if lastWordDoc[id] != doc {
                        lastWordDoc[id] = doc
                        articleWords.append(Int32(id))
                    }
                }
                articleWordStart.append(UInt32(articleWords.count))
                let entities = analysed.entities
                // Spans apart: the quote × entity test below then copies no entity.
                let entitySpans = entities.map(\.span)
                for e in entities {
                    let span = e.span
                    let id: Int32
                    if e.textIsShared, within(span) {
                        id = splitter.normalized(UnsafeBufferPointer(rebasing: sc[span.start..<span.end])) { names.intern(utf8: $0) }
                    } else {
                        id = names.intern(QueryText.normalize(e.text))
                    }
                    entityNames.append(id)
                    entityNames.append(e.canonical == e.text ? id : names.intern(QueryText.normalize(e.canonical)))
                }
                for quote in analysed.quotes {
                    let q = quoteNumber
                    quoteNumber += 1
                    let span = quote.span
                    if quote.textIsShared, within(span) {
                        splitter.collectWords(UnsafeBufferPointer(rebasing: sc[span.start..<span.end]))
                    } else {
                        let own = Array(quote.text.unicodeScalars)
                        own.withUnsafeBufferPointer { splitter.collectWords($0) }
                    }
                    splitter.forEachCollected { w in
                        let id = Int(quoteWords.intern(utf8: w))
                        if id == lastQuoteWordDoc.count { lastQuoteWordDoc.append(-1) }
                        if lastQuoteWordDoc[id] != q {
                            lastQuoteWordDoc[id] = q
                            quoteWordIds.append(Int32(id))
                        }
                    }
                    quoteWordStart.append(UInt32(quoteWordIds.count))
                    if let name = quote.speaker {
                        let key = TextFolding.fold(name)
                        let before = speakers.count
                        let s = speakers.intern(key)
                        if s == before {
                            let normalized = QueryText.normalize(name)
                            if normalized != key { speakerNormalized[s] = normalized }
                        }
                        quoteSpeakers.append(s)
                    } else {
                        quoteSpeakers.append(-1)
                    }
                    let mention = quote.speakerMention?.span
                    for (e, es) in entitySpans.enumerated() where span.contains(es) || mention?.overlaps(es) == true {
                        quoteEntities.append(Int32(e))
                    }
                    quoteEntityStart.append(UInt32(quoteEntities.count))
                }
            }
        }
        self.words = words
        self.quoteWords = quoteWords
        self.names = names
        self.speakers = speakers
        self.speakerNormalized = speakerNormalized
        self.languages = languages
        self.articleWords = articleWords
        self.articleWordStart = articleWordStart
        self.quoteWordIds = quoteWordIds
        self.quoteWordStart = quoteWordStart
        self.entityNames = entityNames
        self.quoteSpeakers = quoteSpeakers
        self.quoteEntities = quoteEntities
        self.quoteEntityStart = quoteEntityStart
    }

    /// `articles` prepared in parts of about `partSize` articles, on every core;
    /// the parts in order.
    public static func prepare(_ articles: [AnalyzedArticle], partSize: Int = 512) -> [CorpusIndexPart] {
        guard !articles.isEmpty else { return [] }
        let size = max(1, partSize)
        let n = (articles.count + size - 1) / size
        if n == 1 { return [CorpusIndexPart(articles)] }
        let box = PartSlots(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let range = (i * size)..<min(articles.count, (i + 1) * size)
            box.set(i, CorpusIndexPart(Array(articles[range])))
        }
        return box.parts.compactMap { $0 }
    }
}

/// Parts written by concurrent iterations, one slot each.
private final class PartSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var parts: [CorpusIndexPart?]
    init(count: Int) { parts = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ p: CorpusIndexPart) {
        lock.lock(); parts[i] = p; lock.unlock()
    }
}
