import Foundation
import Testing
@testable import DixitKit

/// Quotes, entities and mentions of a loaded corpus read their words from the
/// article's text: they must still behave as plain (span, text) values.
@Suite struct ModelSharedTextTests {
    static let passage = "« Nous tiendrons nos engagements », a assuré mardi la ministre, Agnès Dumont, à Lyon."

    /// The passage's quote and the minister's name, built from their spans.
    func fixture() -> (text: ScalarText, quote: Quote, entity: Entity) {
        let text = ScalarText(Self.passage).compacted()
        let s = Self.passage.unicodeScalars.map { $0 }
        func span(of words: String) -> Span {
            let w = Array(words.unicodeScalars)
            let start = (0...(s.count - w.count)).first { Array(s[$0..<($0 + w.count)]) == w }!
            return Span(start, start + w.count)
        }
        let q = span(of: "Nous tiendrons nos engagements"), cue = span(of: "a assuré"), who = span(of: "Agnès Dumont")
        let quote = Quote(span: q, text: text[q], kind: .direct, speaker: "Agnès Dumont",
                          speakerMention: Mention(span: who, text: text[who]), cue: Mention(span: cue, text: text[cue]))
        return (text, quote, Entity(span: who, text: text[who], type: .person, canonical: "Agnès Dumont"))
    }

    @Test func aSharedQuoteEqualsItsOwnedCopyAndHashesAlike() {
        let (text, owned, entity) = fixture()
        let shared = SharedArticleText(text)
        var q = owned
        q.shareText(shared)
        #expect(q.textIsShared && q.cue!.textIsShared && q.speakerMention!.textIsShared)
        #expect(q == owned)
        #expect(q.text == "Nous tiendrons nos engagements")
        #expect(q.cue?.text == "a assuré")
        #expect(Set([q, owned]).count == 1)
        var e = entity
        e.shareText(shared)
        #expect(e.textIsShared && e == entity && e.hashValue == entity.hashValue)
        #expect(e.text == "Agnès Dumont")
    }

    @Test func aTextThatIsNotTheSpansWordsStaysOwned() {
        let (text, quote, _) = fixture()
        var q = quote
        q.text = "Nous tiendrons nos engagements."   // not the span's words any more
        q.shareText(SharedArticleText(text))
        #expect(!q.textIsShared)
        #expect(q.text == "Nous tiendrons nos engagements.")
        #expect(q != quote)
    }

    @Test func settingTheSpanOfASharedValueKeepsItsText() {
        let (text, quote, entity) = fixture()
        let shared = SharedArticleText(text)
        var q = quote
        q.shareText(shared)
        q.span = Span(0, 4)
        #expect(q.span == Span(0, 4))
        #expect(q.text == "Nous tiendrons nos engagements")
        var e = entity
        e.shareText(shared)
        e.text = "A. Dumont"
        #expect(e.text == "A. Dumont" && e.span == entity.span && !e.textIsShared)
    }

    @Test func offsetsBeyond32BitsAreKept() {
        let far = Span(5_000_000_000, 5_000_000_012)
        var m = Mention(span: far, text: "bien au-delà")
        #expect(m.span == far && m.text == "bien au-delà")
        m.span = Span(3, 7)
        #expect(m.span == Span(3, 7) && m.text == "bien au-delà")
        m.span = far
        #expect(m.span == far)
        let q = Quote(span: far, text: "loin", kind: .partial)
        #expect(q.span == far && q.text == "loin")
        // A span beyond the text is never shared.
        var e = Entity(span: Span(0, 40), text: "Paris", type: .location, canonical: "Paris")
        e.shareText(SharedArticleText(ScalarText("Paris")))
        #expect(!e.textIsShared && e.text == "Paris")
    }

    @Test func codableKeepsTheFieldNamesAndRoundTrips() throws {
        let (text, quote, entity) = fixture()
        var q = quote
        q.shareText(SharedArticleText(text))
        let data = try JSONEncoder().encode(q)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(Set(object.keys) == ["span", "text", "kind", "speaker", "speakerMention", "cue"])
        #expect(object["text"] as? String == "Nous tiendrons nos engagements")
        #expect(try JSONDecoder().decode(Quote.self, from: data) == quote)
        let bare = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Quote(span: Span(0, 1), text: "«", kind: .direct))) as! [String: Any]
        #expect(Set(bare.keys) == ["span", "text", "kind"])
        #expect(try JSONDecoder().decode(Entity.self, from: JSONEncoder().encode(entity)) == entity)
    }

    @Test func aLoadedCorpusReadsQuoteAndEntityTextsFromItsArticles() throws {
        for cacheDir in [nil, try TemporaryDirectory("dixit-cache")] {
            defer { cacheDir?.remove() }
            let loader = CorpusLoader()
            for _ in 0..<2 {   // without cache; or cold, then warm
                let out = loader.load([CacheFixtures.seedsDirectory], cacheDirectory: cacheDir?.url)
                let quotes = out.articles.flatMap(\.quotes), entities = out.articles.flatMap(\.entities)
                #expect(quotes.count > 5 && entities.count > 10)
                #expect(quotes.allSatisfy { $0.textIsShared })
                let sharedEntities = entities.filter { $0.textIsShared }.count
                #expect(sharedEntities * 10 >= entities.count * 9)
                for a in out.articles {
                    for q in a.quotes { #expect(q.text == a.article.text[q.span]) }
                    for e in a.entities where e.textIsShared { #expect(e.text == a.article.text[e.span]) }
                }
            }
        }
    }
}
