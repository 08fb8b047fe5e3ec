import Foundation
import Testing
@testable import DixitKit

/// Quotes and their mentions read their words from the article's text from the moment
/// they are found, and keep reading them (from the compacted text) once loaded.
@Suite struct ExtractedQuoteSharingTests {
    static let passage = """
    Le maire de Lyon, Pierre Lambert, a défendu son budget mardi.

    « Nous ne fermerons aucune école », a-t-il déclaré devant le conseil municipal.

    L'opposition estime que la ville « vit au-dessus de ses moyens ».

    """

    /// Every quote's text (and its mentions') is the article's own words at its span.
    func expectWordsOfTheirSpans(_ a: AnalyzedArticle) {
        for q in a.quotes {
            #expect(q.textIsShared)
            #expect(q.text == a.article.text[q.span])
            for m in [q.cue, q.speakerMention].compactMap({ $0 }) {
                #expect(m.textIsShared)
                #expect(m.text == a.article.text[m.span])
            }
        }
    }

    @Test func extractedQuotesReadTheArticlesText() throws {
        let article = try ArticleLoader().parse(path: "lyon.txt", bytes: Array(Self.passage.utf8)).get()
        let a = Analyzer().analyze(article)
        #expect(a.quotes.contains { $0.text == "Nous ne fermerons aucune école" && $0.cue != nil })
        expectWordsOfTheirSpans(a)
    }

    @Test func loadedQuotesReadTheCompactedText() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("lyon.txt", Self.passage)
        let out = CorpusLoader().load([dir.url.path])
        let a = try #require(out.articles.first)
        #expect(a.article.text.isCompact)
        #expect(a.quotes.contains { $0.text == "Nous ne fermerons aucune école" })
        expectWordsOfTheirSpans(a)
        // Moved to the compacted text: no quote still holds the analysis's copy.
        #expect(a.quotes.allSatisfy { $0.sharedSource?.text.isCompact == true })
    }

    @Test func onlyValuesReadingTheReplacedTextMoveWithoutComparing() {
        let words = ScalarText("« Rien ne change », a-t-elle dit.")
        let old = SharedArticleText(words), other = SharedArticleText(ScalarText("« Tout va changer », a-t-il dit."))
        let new = SharedArticleText(words.compacted())
        var moved = Quote(span: Span(2, 16), sharedIn: old, kind: .direct, speaker: nil, speakerMention: nil, cue: nil)!
        moved.shareText(new, replacing: old)
        #expect(moved.sharedSource === new)
        #expect(moved.text == "Rien ne change")
        // Reading another text: left as it is, words unchanged.
        var kept = Quote(span: Span(2, 16), sharedIn: other, kind: .direct, speaker: nil, speakerMention: nil, cue: nil)!
        kept.shareText(new, replacing: old)
        #expect(kept.sharedSource === other)
        #expect(kept.text == "Tout va change")
    }

    @Test func entitiesComparedWithTheWordsBeforeCompactionShareOnlyTheirOwnWords() {
        let words = ScalarText("Selon Agnès Dumont, la maire de Lyon, rien ne change.")
        let shared = SharedArticleText(words.compacted())
        var same = Entity(span: Span(6, 18), text: "Agnès Dumont", type: .person, canonical: "Agnès Dumont")
        var other = Entity(span: Span(6, 18), text: "Agnes Dumont", type: .person, canonical: "Agnès Dumont")
        var shorter = Entity(span: Span(6, 18), text: "Agnès", type: .person, canonical: "Agnès Dumont")
        words.scalars.withUnsafeBufferPointer { w in
            same.shareText(shared, comparingWith: w)
            other.shareText(shared, comparingWith: w)
            shorter.shareText(shared, comparingWith: w)
        }
        #expect(same.textIsShared && same.text == "Agnès Dumont")
        #expect(!other.textIsShared && other.text == "Agnes Dumont")
        #expect(!shorter.textIsShared && shorter.text == "Agnès")
    }
}
