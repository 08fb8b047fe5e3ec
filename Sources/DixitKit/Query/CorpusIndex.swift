#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole corpus prepared for queries, built once as articles arrive: what the
/// reader filters with on every Enter, instead of keeping each article's folded
/// texts and searching them all.
///
/// It holds ids, not texts: per article its language, date, and the kinds of quote
/// and types of entity in it; per quote (numbered across the corpus) its article,
/// speaker, kind and the types of the entities in or naming it; tables of speakers
/// and entity names with the articles and quotes of each; and a word index of the
/// articles' texts and one of the quotes' texts. `evaluate` answers a query with the
/// same articles and quotes as `Query.matches` on each `QueryTarget` (the reference).
public struct CorpusIndex: Sendable {
    /// Articles added so far.
    public private(set) var articleCount = 0
    /// Article `a`'s quotes are the corpus quotes `quoteStart[a]..<quoteStart[a + 1]`.
    private var quoteStart: [UInt32] = [0]
    private var articleLanguage: [Int32] = []
    private var articleDate: [PackedDate] = []
    /// Bit `k` set when the article has a quote of kind `k` (`QuoteKind.allCases` order).
    private var articleKinds: [UInt8] = []
    /// Bit `t` set when the article has an entity of type `t` (`EntityType.allCases` order).
    private var articleTypes: [UInt8] = []

    private var quoteArticle: [UInt32] = []
    /// Speaker id, or -1 when the speaker is unknown.
    private var quoteSpeaker: [Int32] = []
    private var quoteKind: [UInt8] = []
    /// Types of the entities inside the quote or naming its speaker.
    private var quoteTypes: [UInt8] = []

    private var languages = SearchableStrings()
    /// Speakers by folded name (`TextFolding.fold`), with their quotes (a corpus has
    /// hundreds of thousands: descriptions count as speakers). Their names as
    /// written are their first quote's.
    private var speakerKeys = SearchableStrings()
    private var speakerQuoteIds = PostingStore()
    private var speakerQuoteCounts: [UInt32] = []
    /// The few speakers whose name normalised for queries (`QueryText.normalize`:
    /// runs of spaces made one) is not their key.
    private var speakerNormalized: [Int32: String] = [:]
    /// Each speaker's rank in the order of keys (set when the index is frozen; -1 after).
    private var speakerRanks: [Int32] = []
    /// Entity names (texts and canonical names, normalised), with the articles and
    /// the quotes (inside, or naming the speaker) where they occur.
    private var entityNames = SearchableStrings()
    private var entityNameArticles = PostingStore()
    private var entityNameQuotes = PostingStore()

    private var words = WordIndex()
    private var quoteWords = WordIndex()

    public init() {}

    /// Quotes added so far, across the corpus.
    public var quoteCount: Int { quoteArticle.count }

    // MARK: - Building

    /// Adds the next article (the one numbered `articleCount`), prepared here.
    public mutating func append(_ article: AnalyzedArticle) {
        append(CorpusIndexPart([article]))
    }

    /// Adds the articles of a part (prepared off the main thread), numbered from `articleCount` on:
    /// each distinct entry of its tables is looked up once, then ids are copied.
    public mutating func append(_ part: CorpusIndexPart) {
        let wordIds = (0..<part.words.count).map { id in part.words.withUTF8(id) { words.wordId(utf8: $0) } }
        let quoteWordIds = (0..<part.quoteWords.count).map { id in part.quoteWords.withUTF8(id) { quoteWords.wordId(utf8: $0) } }
        let nameIds = (0..<part.names.count).map { id in part.names.withUTF8(id) { nameId(utf8: $0) } }
        let speakerIds = (0..<part.speakers.count).map { local -> Int in
            part.speakers.withUTF8(local) { key in
                let s = Int(speakerKeys.intern(utf8: key))
                if s == speakerQuoteCounts.count {
                    _ = speakerQuoteIds.addList()
                    speakerQuoteCounts.append(0)
                    speakerRanks.append(-1)
                    if let normalized = part.speakerNormalized[Int32(local)] { speakerNormalized[Int32(s)] = normalized }
                }
                return s
            }
        }
        var entityBase = 0   // the part's first entity of the article
        var partQuote = 0    // the part's number of the quote
        for (k, analysed) in part.articles.enumerated() {
            let a = articleCount
            for w in Int(part.articleWordStart[k])..<Int(part.articleWordStart[k + 1]) {
                words.append(document: a, word: wordIds[Int(part.articleWords[w])])
            }
            articleLanguage.append(languages.intern(part.languages[k]))
            articleDate.append(PackedDate(analysed.article.date))
            var kinds: UInt8 = 0, types: UInt8 = 0
            let entities = analysed.entities
            for e in entities.indices {
                types |= Self.bit(entities[e].type)
                for n in 0..<2 {
                    entityNameArticles.append(UInt32(a), to: nameIds[Int(part.entityNames[2 * (entityBase + e) + n])])
                }
            }
            for quote in analysed.quotes {
                let id = UInt32(quoteArticle.count)
                let pq = partQuote
                partQuote += 1
                kinds |= Self.bit(quote.kind)
                quoteArticle.append(UInt32(a))
                quoteKind.append(Self.bit(quote.kind))
                let local = part.quoteSpeakers[pq]
                if local >= 0 {
                    let s = speakerIds[Int(local)]
                    speakerQuoteIds.append(id, to: s)
                    speakerQuoteCounts[s] += 1
                    quoteSpeaker.append(Int32(s))
                } else {
                    quoteSpeaker.append(-1)
                }
                var qTypes: UInt8 = 0
                for k in Int(part.quoteEntityStart[pq])..<Int(part.quoteEntityStart[pq + 1]) {
                    let e = Int(part.quoteEntities[k])
                    qTypes |= Self.bit(entities[e].type)
                    for n in 0..<2 {
                        entityNameQuotes.append(id, to: nameIds[Int(part.entityNames[2 * (entityBase + e) + n])])
                    }
                }
                quoteTypes.append(qTypes)
                for w in Int(part.quoteWordStart[pq])..<Int(part.quoteWordStart[pq + 1]) {
                    quoteWords.append(document: Int(id), word: quoteWordIds[Int(part.quoteWordIds[w])])
                }
            }
            entityBase += entities.count
            articleKinds.append(kinds)
            articleTypes.append(types)
            quoteStart.append(UInt32(quoteArticle.count))
            articleCount += 1
            // Postings are packed as they pile up, so loading never holds them loose for long.
            var packed = false
            if words.wantsFreeze { words.freeze(universe: articleCount); packed = true }
            if quoteWords.wantsFreeze { quoteWords.freeze(universe: quoteCount); packed = true }
            if entityNameArticles.wantsFreeze { entityNameArticles.freeze(universe: articleCount); packed = true }
            if entityNameQuotes.wantsFreeze { entityNameQuotes.freeze(universe: quoteCount); packed = true }
            if speakerQuoteIds.wantsFreeze { speakerQuoteIds.freeze(universe: quoteCount); packed = true }
            // The old buffers and pending postings just freed go back to the system, not
            // into the arenas' free lists, where they would swell the peak.
            if packed { FreePages.release() }
        }
    }

    /// Packs postings and trims spare capacity: call when loading is over (more
    /// articles may still be added after).
    public mutating func freeze() {
        words.freeze(universe: articleCount)
        quoteWords.freeze(universe: quoteCount)
        entityNameArticles.freeze(universe: articleCount)
        entityNameQuotes.freeze(universe: quoteCount)
        entityNames.freeze(keepingLookup: false)
        speakerKeys.freeze(keepingLookup: false)
        speakerQuoteIds.freeze(universe: quoteCount)
        // A saved index read back comes ranked: only speakers new since are sorted for.
        if speakerRanks.contains(-1) {
            let byKey = speakerKeys.sortedIds()
            for (rank, sp) in byKey.enumerated() { speakerRanks[Int(sp)] = Int32(rank) }
        }
        func trim<T>(_ a: inout [T]) { if a.capacity > a.count + a.count / 16 { a = Array(unsafeUninitializedCapacity: a.count) { buf, n in
            _ = buf.initialize(from: a); n = a.count } } }
        trim(&quoteStart); trim(&articleLanguage); trim(&articleDate); trim(&articleKinds); trim(&articleTypes)
        trim(&quoteArticle); trim(&quoteSpeaker); trim(&quoteKind); trim(&quoteTypes)
        trim(&speakerQuoteCounts); trim(&speakerRanks)
        FreePages.release()
    }

    private mutating func nameId(utf8 name: UnsafeBufferPointer<UInt8>) -> Int {
        let id = Int(entityNames.intern(utf8: name))
        if id == entityNameArticles.count {
            entityNameArticles.addList()
            entityNameQuotes.addList()
        }
        return id
    }

    private static func bit(_ k: QuoteKind) -> UInt8 { 1 << UInt8(QuoteKind.allCases.firstIndex(of: k)!) }
    private static func bit(_ t: EntityType) -> UInt8 { 1 << UInt8(EntityType.allCases.firstIndex(of: t)!) }

    // MARK: - Quotes and speakers

    /// The corpus-wide number of article `a`'s quote `q`.
    public func quoteId(article a: Int, quote q: Int) -> Int { Int(quoteStart[a]) + q }

    /// The article of a corpus quote and its index there.
    public func quoteAddress(_ id: Int) -> (article: Int, quote: Int) {
        let a = Int(quoteArticle[id])
        return (a, id - Int(quoteStart[a]))
    }

    /// Article `a`'s quotes, as corpus quote numbers.
    public func quoteIds(article a: Int) -> Range<Int> { Int(quoteStart[a])..<Int(quoteStart[a + 1]) }

    /// The quotes of `quotes` whose article is in `articles`.
    public func quotes(_ quotes: IdSet, inArticles articles: IdSet) -> IdSet {
        var out = IdSet(capacity: quotes.capacity)
        quotes.forEach { if articles.contains(Int(quoteArticle[$0])) { out.insert($0) } }
        return out
    }

    /// The speaker of a corpus quote, nil when unknown.
    public func speaker(ofQuote id: Int) -> Int? {
        let s = quoteSpeaker[id]
        return s < 0 ? nil : Int(s)
    }

    /// Speakers known so far (ids `0..<speakerCount`).
    public var speakerCount: Int { speakerQuoteCounts.count }
    /// A speaker's folded name (`TextFolding.fold`), the key quotes are grouped by.
    public func speakerKey(_ s: Int) -> String { speakerKeys[s] }
    /// A speaker's quotes, as corpus quote numbers in corpus order.
    public func speakerQuotes(_ s: Int) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(Int(speakerQuoteCounts[s]))
        speakerQuoteIds.forEach(s) { out.append(UInt32($0)) }
        return out
    }

    /// A speaker's first quote in the corpus.
    public func firstSpeakerQuote(_ s: Int) -> UInt32? { speakerQuoteIds.first(s).map(UInt32.init) }

    /// How many quotes a speaker has in the corpus.
    public func speakerQuoteCount(_ s: Int) -> Int { Int(speakerQuoteCounts[s]) }

    /// Whether speaker `a`'s folded name sorts before `b`'s (by UTF-8 bytes, which is
    /// by code points).
    /// Each speaker's rank in the order of their keys (`speakerKeyPrecedes`), or nil
    /// when speakers came in since the last `freeze`: sort keys without a comparison call.
    public func speakerKeyRanks() -> [Int32]? {
        speakerRanks.contains(-1) ? nil : speakerRanks
    }

    public func speakerKeyPrecedes(_ a: Int, _ b: Int) -> Bool {
        let ra = speakerRanks[a], rb = speakerRanks[b]
        if ra >= 0 && rb >= 0 { return ra < rb }
        return speakerKeys.precedes(a, b)
    }

    /// Speakers whose folded name contains `typed` (folded), as a set of speaker ids.
    public func speakers(keyContaining typed: String) -> IdSet {
        var set = IdSet(capacity: speakerCount)
        for id in speakerKeys.ids(containing: typed) { set.insert(Int(id)) }
        return set
    }

    // MARK: - Evaluating

    /// The articles and the quotes a query lets through: as `Query.matches(_:)` and
    /// `Query.matches(quote:in:)` answer for each one. A quote is judged on its own:
    /// the reader keeps those of the articles shown. `articles` is the corpus the
    /// index was built from (phrases are checked against the text).
    ///
    /// With `range`, only those articles (and their quotes) are judged: what the
    /// reader asks of each batch that arrives while a filter is in force.
    public func evaluate(_ query: Query, in articles: [AnalyzedArticle], range: Range<Int>? = nil)
        -> (articles: IdSet, quotes: IdSet) {
        let p = plan(query, range: range)
        var docs = p.decidedArticles, quotes = p.decidedQuotes
        if p.needsCheck {
            let found = p.check(p.range, in: articles, quotesOfPassingArticlesOnly: false)
            for a in found.articles { docs.insert(a) }
            for q in found.quotes { quotes.insert(q) }
        }
        return (docs, quotes)
    }

    /// What the index answers for a query without reading any text, and what is left to
    /// check in the texts (phrases: their words are in place, but are they in a row?).
    /// `evaluate` is this plan checked at once; the reader checks it in slices, off
    /// the keystroke. Only articles of `range` (all when nil) and their quotes are judged.
    public func plan(_ query: Query, range: Range<Int>? = nil) -> QueryPlan {
        var docs = IdSet(capacity: articleCount)
        var quotes = IdSet(capacity: quoteCount)
        let within = range.map { $0.clamped(to: 0..<articleCount) } ?? 0..<articleCount
        docs.insert(range: within)
        if !within.isEmpty { quotes.insert(range: Int(quoteStart[within.lowerBound])..<Int(quoteStart[within.upperBound])) }
        var phrases: [QueryPlan.Phrase] = []
        for term in query.terms {
            if term.field == .text, case .text(let s) = term.value {
                let (d, exact) = words.candidates(for: s, capacity: articleCount)
                let (q, _) = quoteWords.candidates(for: s, capacity: quoteCount)
                if exact {
                    apply(term, (d, q), &docs, &quotes)
                } else {
                    // A phrase holds only where its words are in place (the candidates):
                    // a phrase required rules out the rest now; the texts say the rest.
                    phrases.append(QueryPlan.Phrase(text: s, negated: term.negated, articles: d, quotes: q))
                    if !term.negated {
                        docs.formIntersection(d)
                        quotes.formIntersection(q)
                    }
                }
                continue
            }
            apply(term, sets(term), &docs, &quotes)
        }
        let starts = Array(quoteStart[within.lowerBound...within.upperBound])
        return QueryPlan(range: within, articles: docs, quotes: quotes, phrases: phrases, quoteStart: starts)
    }

    private func apply(_ term: QueryTerm, _ sets: (IdSet, IdSet), _ docs: inout IdSet, _ quotes: inout IdSet) {
        var (d, q) = sets
        if term.negated {
            d.invert()
            q.invert()
        }
        docs.formIntersection(d)
        quotes.formIntersection(q)
    }

    /// The articles and the quotes for which a term other than a phrase holds.
    private func sets(_ term: QueryTerm) -> (IdSet, IdSet) {
        let s: String
        if case .text(let v) = term.value { s = v } else { s = "" }
        switch term.field {
        case .text:
            return (words.candidates(for: s, capacity: articleCount).set,
                    quoteWords.candidates(for: s, capacity: quoteCount).set)
        case .speaker:
            let q = speakerSet(s)
            return (articlesOf(q), q)
        case .entity:
            var docs = IdSet(capacity: articleCount)
            var q = speakerSet(s)
            if case .entityType(let type) = term.value {
                q.formUnion(quotesWhere { quoteTypes[$0] & Self.bit(type) != 0 })
            } else {
                let ids = entityNames.ids(containing: s)
                entityNameArticles.insert(ids, into: &docs)
                entityNameQuotes.insert(ids, into: &q)
            }
            return (docs, q)
        case .type, .kind:
            switch term.value {
            case .entityType(let type):
                let b = Self.bit(type)
                return (articlesWhere { articleTypes[$0] & b != 0 }, quotesWhere { quoteTypes[$0] & b != 0 })
            case .kind(let kind):
                let b = Self.bit(kind)
                return (articlesWhere { articleKinds[$0] & b != 0 }, quotesWhere { quoteKind[$0] == b })
            default:
                return (IdSet(capacity: articleCount), IdSet(capacity: quoteCount))
            }
        case .date, .lang:
            let docs: IdSet
            switch term.value {
            case .text(let lang):
                let id = languages.id(of: lang) ?? -1
                docs = articlesWhere { articleLanguage[$0] == id }
            case .dateRange(let from, let to):
                docs = articlesWhere { a in
                    guard let d = articleDate[a].date else { return false }
                    if let from, QueryParser.compare(d, from) < 0 { return false }
                    if let to, QueryParser.compare(d, to) > 0 { return false }
                    return true
                }
            default:
                docs = IdSet(capacity: articleCount)
            }
            return (docs, quotesOf(docs))
        }
    }

    /// Whether the normalised text of `scalars` contains `needle` (`s`'s UTF-8) as
    /// `queryContains` finds it: a byte search in the folded buffer; a hit next to a
    /// byte outside ASCII (where a character may go on) is confirmed on the string.
    static func normalized(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, contains needle: [UInt8], _ s: String,
                                   _ splitter: QueryWords) -> Bool {
        splitter.normalized(scalars) { hay -> Bool in
            guard let h = hay.baseAddress, !needle.isEmpty, needle.count <= hay.count else { return false }
            return needle.withUnsafeBufferPointer { n -> Bool in
                let first = Int32(n[0])
                let last = hay.count - n.count
                var i = 0
                while i <= last {
                    guard let p = memchr(h + i, first, last - i + 1) else { return false }
                    let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - h
                    if memcmp(h + at, n.baseAddress!, n.count) == 0 {
                        let end = at + n.count
                        let plain = n[0] < 0x80 && n[n.count - 1] < 0x80
                            && (at == 0 || hay[at - 1] < 0x80) && (end == hay.count || hay[end] < 0x80)
                        return plain || String(decoding: hay, as: UTF8.self).queryContains(s)
                    }
                    i = at + 1
                }
                return false
            }
        }
    }

    /// Quotes whose speaker (normalised) contains `s`.
    private func speakerSet(_ s: String) -> IdSet {
        var q = IdSet(capacity: quoteCount)
        var ids = speakerKeys.ids(containing: s)
        if !speakerNormalized.isEmpty {
            var set = IdSet(capacity: speakerCount)
            for id in ids { set.insert(Int(id)) }
            for (id, normalized) in speakerNormalized {
                if normalized.queryContains(s) { set.insert(Int(id)) } else { set.remove(Int(id)) }
            }
            ids = set.sorted.map { Int32($0) }
        }
        speakerQuoteIds.insert(ids, into: &q)
        return q
    }

    /// The articles of some quotes.
    private func articlesOf(_ quotes: IdSet) -> IdSet {
        var docs = IdSet(capacity: articleCount)
        quotes.forEach { docs.insert(Int(quoteArticle[$0])) }
        return docs
    }

    /// The quotes of some articles.
    private func quotesOf(_ docs: IdSet) -> IdSet {
        var q = IdSet(capacity: quoteCount)
        docs.forEach { q.insert(range: Int(quoteStart[$0])..<Int(quoteStart[$0 + 1])) }
        return q
    }

    private func articlesWhere(_ test: (Int) -> Bool) -> IdSet {
        var docs = IdSet(capacity: articleCount)
        for a in 0..<articleCount where test(a) { docs.insert(a) }
        return docs
    }

    private func quotesWhere(_ test: (Int) -> Bool) -> IdSet {
        var q = IdSet(capacity: quoteCount)
        for i in 0..<quoteCount where test(i) { q.insert(i) }
        return q
    }

    /// Bytes held by part, roughly (for the benchmark's report).
    public var storageBreakdown: [String: Int] {
        ["words": words.storageBytes, "quoteWords": quoteWords.storageBytes,
         "entityNames": entityNames.storageBytes + entityNameArticles.storageBytes + entityNameQuotes.storageBytes,
         "vocabulary": words.words.storageBytes + quoteWords.words.storageBytes,
         "wordCount": words.words.count, "quoteWordCount": quoteWords.words.count, "entityNameCount": entityNames.count,
         "entityNameStrings": entityNames.storageBytes,
         "speakerCount": speakerCount, "speakerKeys": speakerKeys.storageBytes, "speakerQuotes": speakerQuoteIds.storageBytes]
    }

    /// Bytes the index holds, roughly (array capacities and string tables).
    public var storageBytes: Int {
        quoteStart.capacity * 4 + articleLanguage.capacity * 4 + articleDate.capacity * MemoryLayout<PackedDate>.stride
            + articleKinds.capacity + articleTypes.capacity + quoteArticle.capacity * 4 + quoteSpeaker.capacity * 4
            + quoteKind.capacity + quoteTypes.capacity + languages.storageBytes + speakerKeys.storageBytes
            + speakerNormalized.count * 64 + speakerQuoteIds.storageBytes + speakerQuoteCounts.capacity * 4
            + speakerRanks.capacity * 4
            + entityNames.storageBytes + entityNameArticles.storageBytes
            + entityNameQuotes.storageBytes + words.storageBytes + quoteWords.storageBytes
    }
}

/// An article date in 8 bytes (year, month and day; no time: queries compare days).
struct PackedDate: Sendable {
    var year: Int32
    var month: UInt8
    var day: UInt8

    init(_ d: ArticleDate?) {
        guard let d, let y = Int32(exactly: d.year) else {
            year = .min; month = 0; day = 0
            return
        }
        year = y
        month = UInt8(clamping: d.month ?? 0)
        day = UInt8(clamping: d.day ?? 0)
    }

    var date: ArticleDate? {
        year == .min ? nil : ArticleDate(year: Int(year), month: month == 0 ? nil : Int(month), day: day == 0 ? nil : Int(day))
    }
}

// MARK: - Saving

extension CorpusIndex {
    /// Saves the index, array after array (see `IndexStore`).
    func write(to w: inout BinaryFileWriter) throws {
        try w.write(UInt64(articleCount))
        try w.write(quoteStart); try w.write(articleLanguage); try w.write(articleDate)
        try w.write(articleKinds); try w.write(articleTypes)
        try w.write(quoteArticle); try w.write(quoteSpeaker); try w.write(quoteKind); try w.write(quoteTypes)
        try languages.write(to: &w)
        try speakerKeys.write(to: &w)
        try speakerQuoteIds.write(to: &w)
        try w.write(speakerQuoteCounts)
        let normalized = speakerNormalized.sorted { $0.key < $1.key }
        try w.write(normalized.map(\.key))
        try w.write(UInt64(normalized.count))
        for (_, s) in normalized { try w.write(s) }
        try w.write(speakerRanks)
        try entityNames.write(to: &w)
        try entityNameArticles.write(to: &w)
        try entityNameQuotes.write(to: &w)
        try words.write(to: &w)
        try quoteWords.write(to: &w)
    }

    /// Reads back a saved index, checking that its parts agree (a damaged file throws,
    /// never yields an index that would fail later).
    init(from r: inout BinaryFileReader) throws {
        self.init()
        articleCount = Int(try r.readUInt64())
        quoteStart = try r.readArray(); articleLanguage = try r.readArray(); articleDate = try r.readArray()
        articleKinds = try r.readArray(); articleTypes = try r.readArray()
        quoteArticle = try r.readArray(); quoteSpeaker = try r.readArray(); quoteKind = try r.readArray()
        quoteTypes = try r.readArray()
        languages = try SearchableStrings(from: &r)
        speakerKeys = try SearchableStrings(from: &r)
        speakerQuoteIds = try PostingStore(from: &r)
        speakerQuoteCounts = try r.readArray()
        let keys: [Int32] = try r.readArray()
        guard try r.readUInt64() == UInt64(keys.count) else { throw BinaryFileError("damaged speaker names") }
        for k in keys { speakerNormalized[k] = try r.readString() }
        speakerRanks = try r.readArray()
        entityNames = try SearchableStrings(from: &r)
        entityNameArticles = try PostingStore(from: &r)
        entityNameQuotes = try PostingStore(from: &r)
        words = try WordIndex(from: &r)
        quoteWords = try WordIndex(from: &r)

        let n = articleCount, quotes = quoteArticle.count, speakers = speakerKeys.count
        guard quoteStart.count == n + 1, quoteStart.first == 0, Int(quoteStart[n]) == quotes,
              zip(quoteStart, quoteStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              articleLanguage.count == n, articleDate.count == n, articleKinds.count == n, articleTypes.count == n,
              quoteSpeaker.count == quotes, quoteKind.count == quotes, quoteTypes.count == quotes,
              quoteArticle.allSatisfy({ Int($0) < n }),
              articleLanguage.allSatisfy({ $0 >= 0 && Int($0) < languages.count }),
              quoteSpeaker.allSatisfy({ $0 >= -1 && Int($0) < speakers }),
              speakerQuoteIds.count == speakers, speakerQuoteCounts.count == speakers, speakerRanks.count == speakers,
              keys.allSatisfy({ $0 >= 0 && Int($0) < speakers }),
              entityNameArticles.count == entityNames.count, entityNameQuotes.count == entityNames.count else {
            throw BinaryFileError("damaged corpus index")
        }
    }
}

// MARK: - Quote texts

extension CorpusIndex {
    /// Quotes whose normalised text (`QueryText.normalize`) may contain `needle`: exactly
    /// those when `exact` (a needle without a space), else a superset for the caller to
    /// check (the quotes holding a phrase's words in place).
    /// Bytes of postings `quotes(mayContain:)` would join for `needle` (its first word).
    public func quotePostingBytes(mayContain needle: String) -> Int {
        let n = QueryText.normalize(needle).trimmingCharacters(in: .whitespaces)
        guard let first = n.split(separator: " ").first else { return 0 }
        return quoteWords.postingBytes(containing: String(first))
    }

    public func quotes(mayContain needle: String) -> (set: IdSet, exact: Bool) {
        let n = QueryText.normalize(needle).trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty else { return (IdSet(capacity: quoteCount), true) }
        return quoteWords.candidates(for: n, capacity: quoteCount)
    }
}
