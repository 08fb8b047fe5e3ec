import Foundation
import Testing
@testable import DixitKit

/// Seed articles with quotes and entities marked by hand from their text, so the
/// query tests do not depend on the extractors.
enum QuerySeedFixture {
    static let seedsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func load(_ name: String) -> Article {
        let path = seedsDirectory.appendingPathComponent(name).path
        guard case .success(let a) = ArticleLoader().load(path) else { fatalError("seed \(name) missing") }
        return a
    }

    /// The span of the `occurrence`-th occurrence of `needle` in the text.
    static func span(_ needle: String, in text: ScalarText, occurrence: Int = 0) -> Span {
        let n = Array(needle.unicodeScalars)
        var seen = 0
        var i = 0
        while i + n.count <= text.count {
            if Array(text.scalars[i..<(i + n.count)]) == n {
                if seen == occurrence { return Span(i, i + n.count) }
                seen += 1
            }
            i += 1
        }
        fatalError("\(needle) not in text")
    }

    static func entity(_ s: String, _ type: EntityType, canonical: String? = nil, in a: Article, occurrence: Int = 0) -> Entity {
        Entity(span: span(s, in: a.text, occurrence: occurrence), text: s, type: type, canonical: canonical ?? s)
    }

    static func quote(_ s: String, _ kind: QuoteKind, speaker: String?, mention: String? = nil, in a: Article) -> Quote {
        let sp = span(s, in: a.text)
        let m = mention.map { Mention(span: span($0, in: a.text), text: $0) }
        return Quote(span: sp, text: s, kind: kind, speaker: speaker, speakerMention: m)
    }

    /// Seed 004 (April 2022): Stoltenberg and Julianne Smith on arms for Ukraine.
    static func seed004() -> AnalyzedArticle {
        let a = load("004_f57e383da64bcd99.txt")
        let entities = [
            entity("Jens Stoltenberg", .person, in: a),
            entity("OTAN", .organisation, in: a, occurrence: 1),
            entity("Julianne Smith", .person, in: a),
            entity("Ukraine", .location, in: a),
            entity("États-Unis", .location, in: a),
        ]
        let quotes = [
            quote("d'autres atrocités", .partial, speaker: "Jens Stoltenberg", mention: "Jens Stoltenberg", in: a),
            quote("C'est une phase cruciale de la guerre", .direct, speaker: "Jens Stoltenberg", in: a),
            quote("Je dirais que plus des deux tiers des alliés fournissent en fait une assistance létale sous une forme ou une autre",
                  .direct, speaker: "Julianne Smith", mention: "Julianne Smith", in: a),
        ]
        return AnalyzedArticle(article: a, entities: entities, quotes: quotes)
    }

    /// Seed 000 (September 2022): Stoltenberg and Jake Sullivan on the referendums.
    static func seed000() -> AnalyzedArticle {
        let a = load("000_62b49142b57b139c.txt")
        let entities = [
            entity("Jens Stoltenberg", .person, in: a),
            entity("Kremlin", .organisation, in: a),
            entity("Jake Sullivan", .person, in: a),
        ]
        let quotes = [
            quote("La communauté internationale doit condamner cette violation flagrante du droit international et renforcer son soutien à l’Ukraine",
                  .direct, speaker: "Jens Stoltenberg", in: a),
            quote("Nous ne reconnaîtrons jamais ce territoire comme autre chose qu’une partie de l’Ukraine",
                  .direct, speaker: "Jake Sullivan", in: a),
        ]
        return AnalyzedArticle(article: a, entities: entities, quotes: quotes)
    }
}

@Suite struct QueryEvaluationTests {
    let apr = QueryTarget(QuerySeedFixture.seed004())
    let sep = QueryTarget(QuerySeedFixture.seed000())

    private func q(_ s: String) -> Query { try! Query.parse(s).get() }

    private func articles(_ s: String) -> [String] {
        [apr, sep].filter { q(s).matches($0) }.map { String($0.article.article.path.suffix(24).prefix(3)) }
    }

    @Test func speakerFiltersArticles() {
        #expect(articles("speaker:stoltenberg") == ["004", "000"])
        #expect(articles("speaker:smith") == ["004"])
        #expect(articles("speaker:SULLIVAN") == ["000"])
        #expect(articles("-speaker:sullivan") == ["004"])
    }

    @Test func bareWordsAreCaseAndAccentInsensitive() {
        #expect(articles("otan") == ["004", "000"])
        #expect(articles("kremlin") == ["000"])
        #expect(articles("etats-unis") == ["004", "000"])
        #expect(articles("javelots antichars") == ["004"])
        #expect(articles("\"fosses communes\"") == ["004"])
        #expect(articles("\"communes fosses\"").isEmpty)
        #expect(articles("-bucha") == ["000"])
    }

    @Test func entityTypeDateLangAndKind() {
        #expect(articles("entity:otan") == ["004"])
        #expect(articles("entity:kremlin type:ORG") == ["000"])
        #expect(articles("type:LOC") == ["004"])
        #expect(articles("date:2022-04") == ["004"])
        #expect(articles("date:2022") == ["004", "000"])
        #expect(articles("date:2022-05..2022-12") == ["000"])
        #expect(articles("date:..2022-04-30") == ["004"])
        #expect(articles("date:2021").isEmpty)
        #expect(articles("lang:fr") == ["004", "000"])
        #expect(articles("lang:en").isEmpty)
        #expect(articles("kind:partial") == ["004"])
        #expect(articles("kind:indirect").isEmpty)
    }

    @Test func quotesAreFilteredOneByOne() {
        let smith = apr.article.quotes.indices.filter { q("speaker:julianne").matches(quote: $0, in: apr) }
        #expect(smith == [2])
        let direct = apr.article.quotes.indices.filter { q("kind:direct stoltenberg").matches(quote: $0, in: apr) }
        #expect(direct.isEmpty)   // the bare word looks at the quote's own text
        let cruciale = apr.article.quotes.indices.filter { q("kind:direct cruciale").matches(quote: $0, in: apr) }
        #expect(cruciale == [1])
        let bySpeakerEntity = apr.article.quotes.indices.filter { q("type:PER").matches(quote: $0, in: apr) }
        #expect(bySpeakerEntity == [0, 2])   // the ones whose speaker mention is a person entity
        #expect(q("date:2022-09").matches(quote: 0, in: apr) == false)
    }

    @Test func entitiesAreFilteredOneByOne() {
        let people = apr.article.entities.indices.filter { q("type:PER").matches(entity: $0, in: apr) }
        #expect(people.map { apr.article.entities[$0].text } == ["Jens Stoltenberg", "Julianne Smith"])
        let speakers = apr.article.entities.indices.filter { q("speaker:smith").matches(entity: $0, in: apr) }
        #expect(speakers.map { apr.article.entities[$0].text } == ["Julianne Smith"])
        let notLoc = apr.article.entities.indices.filter { q("-type:LOC").matches(entity: $0, in: apr) }
        #expect(notLoc.count == 3)
    }
}
