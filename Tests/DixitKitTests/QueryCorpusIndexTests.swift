import Testing
@testable import DixitKit

/// The corpus index answers every query with the articles and quotes that matching
/// each prepared article (`QueryTarget`, the reference) lets through.
@Suite struct QueryCorpusIndexTests {
    /// Two short news items written for these tests, with their quotes and entities
    /// marked by hand, so that words, names, phrases and accents vary.
    static func written() -> [AnalyzedArticle] {
        func make(_ path: String, _ text: String, date: ArticleDate?, language: String,
                  entities: [(String, EntityType, String)], quotes: [(String, QuoteKind, String?)]) -> AnalyzedArticle {
            let scalars = ScalarText(text)
            let article = Article(path: path, text: scalars, date: date, paragraphs: [Paragraph(span: Span(0, scalars.count), role: .body)],
                                  language: language)
            let es = entities.map { QuerySeedFixture.entity($0.0, $0.1, canonical: $0.2, in: article) }
            let qs = quotes.map { QuerySeedFixture.quote($0.0, $0.1, speaker: $0.2, in: article) }
            return AnalyzedArticle(article: article, entities: es, quotes: qs)
        }
        let fr = make("/corpus/greve.txt",
                      "Grève à la SNCF : « Nous irons jusqu'au bout », prévient Sophie Béranger, secrétaire de la CGT-Cheminots. "
                      + "La ministre des Transports, Élise Martin, juge que « le dialogue reste ouvert ». Le trafic sera très perturbé jeudi 🇫🇷.",
                      date: ArticleDate(year: 2023, month: 3, day: 7), language: "fr",
                      entities: [("SNCF", .organisation, "SNCF"), ("Sophie Béranger", .person, "Sophie Béranger"),
                                 ("CGT-Cheminots", .organisation, "CGT-Cheminots"), ("Élise Martin", .person, "Élise Martin")],
                      quotes: [("Nous irons jusqu'au bout", .direct, "Sophie Béranger"),
                               ("le dialogue reste ouvert", .partial, "Élise Martin")])
        let en = make("/corpus/harbour.txt",
                      "The harbour in Dover reopened on Monday. \"Traffic is flowing again,\" said Tom Reeve, the port's director. "
                      + "Officials said delays of up to two hours remained likely.",
                      date: ArticleDate(year: 2023, month: 11), language: "en",
                      entities: [("Dover", .location, "Dover"), ("Tom Reeve", .person, "Tom Reeve")],
                      quotes: [("Traffic is flowing again,", .direct, "Tom Reeve"),
                               ("delays of up to two hours remained likely", .indirect, nil)])
        return [QuerySeedFixture.seed004(), QuerySeedFixture.seed000(), fr, en, QuerySeedFixture.seed004()]
    }

    static let queries = [
        "", "otan", "OTAN", "tan", "ukraine", "-ukraine", "etats-unis", "États", "javelots antichars", "\"fosses communes\"",
        "\"communes fosses\"", "\"le dialogue reste\"", "\"ogue reste ouv\"", "jusqu'au", "jusqu’au", "bout", "beranger",
        "speaker:stoltenberg", "speaker:\"jens stoltenberg\"", "speaker:béranger", "-speaker:sullivan", "speaker:zz",
        "entity:otan", "entity:cgt", "entity:reeve", "entity:stoltenberg", "entity:kremlin type:ORG", "type:LOC", "-type:PER",
        "type:PER", "kind:partial", "kind:indirect", "-kind:direct", "date:2022-04", "date:2023", "date:2023-03..2023-12",
        "date:..2022-12", "lang:fr", "lang:en", "lang:de", "traffic said", "delays", "dover -tom", "speaker:reeve flowing",
        "cruciale kind:direct", "guerre speaker:stoltenberg", "a", "e", "l'ukraine", "l’ukraine", ",", "jeudi", "🇫", "🇫🇷", "d'autres",
    ]

    @Test func answersAsEveryArticleMatchedOneByOne() throws {
        let articles = Self.written()
        let targets = articles.map { QueryTarget($0) }
        // Postings packed after two articles, the rest still growing.
        var index = CorpusIndex()
        for (i, a) in articles.enumerated() {
            index.append(a)
            if i == 1 { index.freeze() }
        }
        try check(index, articles, targets)
        index.freeze()
        try check(index, articles, targets)
    }

    @Test func partsPreparedAsTheLoaderDoesAnswerTheSame() throws {
        // Parts of two articles, prepared on several threads and merged in order.
        let articles = Self.written() + Self.written().reversed()
        let targets = articles.map { QueryTarget($0) }
        var index = CorpusIndex()
        let parts = CorpusIndexPart.prepare(articles, partSize: 2)
        #expect(parts.count == 5 && parts.flatMap(\.articles).map(\.article.path) == articles.map(\.article.path))
        for (i, part) in parts.enumerated() {
            index.append(part)
            if i == 2 { index.freeze() }
        }
        try check(index, articles, targets)
        #expect(index.storageBreakdown["speakerCount"] == Set(articles.flatMap(\.quotes).compactMap { $0.speaker.map(TextFolding.fold) }).count)
    }

    @Test func aRangeIsJudgedAsTheWholeCorpusWouldJudgeIt() throws {
        // What the reader asks of each batch that arrives while a filter is in force.
        let articles = Self.written() + Self.written()
        var index = CorpusIndex()
        for part in CorpusIndexPart.prepare(articles, partSize: 3) { index.append(part) }
        for source in Self.queries {
            let query = try Query.parse(source).get()
            let whole = index.evaluate(query, in: articles)
            for range in [0..<3, 3..<7, 7..<10, 4..<4] {
                let part = index.evaluate(query, in: articles, range: range)
                #expect(part.articles.sorted == whole.articles.sorted.filter(range.contains), "\(source) in \(range)")
                let wantQuotes = index.quotes(whole.quotes, inArticles: whole.articles).sorted.filter { range.contains(index.quoteAddress($0).article) }
                #expect(index.quotes(part.quotes, inArticles: part.articles).sorted == wantQuotes, "quotes for \(source) in \(range)")
            }
        }
    }

    func check(_ index: CorpusIndex, _ articles: [AnalyzedArticle], _ targets: [QueryTarget]) throws {
        #expect(index.articleCount == articles.count)
        #expect(index.quoteCount == articles.reduce(0) { $0 + $1.quotes.count })
        for source in Self.queries {
            let query = try Query.parse(source).get()
            let (docs, quotes) = index.evaluate(query, in: articles)
            let wantDocs = targets.indices.filter { query.matches(targets[$0]) }
            #expect(docs.sorted == wantDocs, "articles for \(source)")
            var wantQuotes: [Int] = []
            for (a, t) in targets.enumerated() {
                for q in t.article.quotes.indices where query.matches(quote: q, in: t) {
                    wantQuotes.append(index.quoteId(article: a, quote: q))
                }
            }
            #expect(quotes.sorted == wantQuotes, "quotes for \(source)")
        }
    }

    @Test func somethingIsFoundAndSomethingLeftOut() throws {
        // The comparison above must not pass by finding nothing (or everything).
        let articles = Self.written()
        var index = CorpusIndex()
        for a in articles { index.append(a) }
        func docs(_ s: String) throws -> [Int] { index.evaluate(try Query.parse(s).get(), in: articles).articles.sorted }
        #expect(try docs("otan") == [0, 1, 4])
        #expect(try docs("tan") == [0, 1, 4])
        #expect(try docs("beranger") == [2])
        #expect(try docs("\"ogue reste ouv\"") == [2])
        #expect(try docs("speaker:reeve") == [3])
        #expect(try docs("lang:en") == [3])
        #expect(try docs("-type:PER").isEmpty)
        let partial = index.evaluate(try Query.parse("kind:partial").get(), in: articles).quotes.sorted
        #expect(partial.map { index.quoteAddress($0).article } == [0, 2, 4])
    }

    @Test func speakersAreGroupedByFoldedName() {
        var a = QuerySeedFixture.seed004()
        a.quotes[2].speaker = "JENS STOLTENBERG"
        var index = CorpusIndex()
        index.append(a)
        #expect(index.speakerCount == 1)
        #expect(index.speakerQuoteCount(0) == 3 && index.firstSpeakerQuote(0) == 0)
        #expect(index.speakerQuotes(0) == [0, 1, 2])
        #expect(index.speakers(keyContaining: "stolt").sorted == [0])
        #expect(index.speakers(keyContaining: "smith").isEmpty)
    }
}

@Suite struct IdSetAndPostingTests {
    @Test func postingsRoundTripLargeGaps() {
        var p = PostingList()
        let ids: [UInt32] = [0, 1, 127, 128, 300, 16_384, 2_000_000, 2_000_001, UInt32.max]
        for i in ids { p.append(i) }
        p.append(UInt32.max)   // repeated: ignored
        var back: [Int] = []
        p.forEach { back.append($0) }
        #expect(back == ids.map(Int.init))
    }

    @Test func packedListsDenseOrSparseKeepTheirIds() {
        // List 0 holds every other document (packed as a bitset), list 1 a few, list 2 none.
        var store = PostingStore()
        for _ in 0..<3 { _ = store.addList() }
        var want: [[Int]] = [[], [], []]
        func add(_ docs: Range<Int>) {
            for d in docs {
                if d % 2 == 0 { store.append(UInt32(d), to: 0); store.append(UInt32(d), to: 0); want[0].append(d) }
                if d % 97 == 5 { store.append(UInt32(d), to: 1); want[1].append(d) }
            }
        }
        func ids(_ i: Int) -> [Int] { var out: [Int] = []; store.forEach(i) { out.append($0) }; return out }
        add(0..<1000)
        store.freeze(universe: 1000)
        #expect((0..<3).map(ids) == want)
        add(1000..<1500)   // after a freeze: packed part, then live part
        #expect((0..<3).map(ids) == want)
        store.freeze(universe: 1500)
        #expect((0..<3).map(ids) == want)
        #expect(store.storageBytes < 1500 / 8 + 128)
        // Or-ed into a set: a bitset list in whole words, a deltas list id by id; the
        // set's capacity may end inside a byte of the bitset.
        for capacity in [1500, 1501, 1437, 64] {
            var set = IdSet(capacity: capacity)
            store.insert([0, 1, 2], into: &set)
            #expect(set.sorted == Set(want[0] + want[1]).filter { $0 < capacity }.sorted())
        }
    }

    @Test func setOperationsStayWithinCapacity() {
        var s = IdSet(capacity: 130)
        s.insert(range: 60..<129)
        #expect(s.count == 69)
        s.invert()
        #expect(s.count == 61 && s.contains(129) && !s.contains(130))
        var full = IdSet(capacity: 130, full: true)
        full.formIntersection(s)
        #expect(full == s)
        s.grow(to: 200)
        #expect(s.count == 61 && !s.contains(150))
    }
}
