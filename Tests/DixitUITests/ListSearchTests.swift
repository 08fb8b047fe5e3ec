import DixitKit
import Testing
@testable import DixitUI

/// Searching the article list goes through the rows' folded texts kept as articles
/// arrive; each match and the match count must be those of the rows' own texts.
struct ListSearchTests {
    @Test func matchesAreTheRowsHoldingThePattern() {
        let articles = SpeakerIndexTests.generated(24)
        for filter in ["", "kind:partial"] {
            var base = run(AppState(size: Size(width: 120, height: 40), articles: articles),
                           [.key(.char("f"))] + keys(filter) + [.key(.enter)])
            base.focus = .list
            for pattern in ["otan", "OTAN", "Otan", "2022-04", "3 q", "Légitimité", "LÉGITIMITÉ", "legitimite", "zzz", "sp"] {
                let rows = base.visible.map { base.listRowText($0) }
                let want = rows.indices.filter { SearchMatcher.contains(rows[$0], pattern: pattern) }
                let s = run(base, [.command(.search)] + keys(pattern) + [.key(.enter)])
                #expect(s.search?.row == want.first, "\(pattern) with filter \(filter)")
                if !want.isEmpty {
                    #expect(s.message?.text == "match 1/\(want.count) · \(pattern)", "\(pattern) with filter \(filter)")
                }
            }
        }
    }

    @Test func aRowCountsSpeakersByFoldedNameBeforeAndAfterIndexing() {
        // Rows count speakers by folded name, the same before and after the index has them.
        var a = SeedFixture.seed000
        let names: [String?] = ["Jens Stoltenberg", "JENS STOLTENBERG", nil, "Jake Sullivan", "jens stoltenberg", "Jaké Sullivan"]
        a.quotes = names.indices.map { i in var q = a.quotes[i % a.quotes.count]; q.speaker = names[i]; return q }
        #expect(AppState.distinctSpeakers(a.quotes) == 2)   // accents and case folded
        var many = a
        many.quotes = (0..<40).map { i in var q = a.quotes[0]; q.speaker = i % 2 == 0 ? "Porte-parole \(i / 4)" : "PORTE-PAROLE \(i / 4)"; return q }
        #expect(AppState.distinctSpeakers(many.quotes) == 10)
        var s = AppState(size: Size(width: 120, height: 40))
        _ = s.apply(.arrived([a, many], done: 2, total: 2))
        let before = [s.listRowText(0), s.listRowText(1)]
        #expect(before[0].contains("6 q · 2 sp") && before[1].contains("40 q · 10 sp"))
        _ = s.apply(.indexed(CorpusIndexPart.prepare([a, many])))
        #expect(s.index.articleCount == 2)
        #expect([s.listRowText(0), s.listRowText(1)] == before)
    }

    @Test func rowsLoadedInBatchesAreSearchedToo() {
        let articles = SpeakerIndexTests.generated(12)
        var s = AppState(size: Size(width: 120, height: 40))
        for chunk in stride(from: 0, to: articles.count, by: 5) {
            let batch = Array(articles[chunk..<min(articles.count, chunk + 5)])
            _ = s.apply(.loaded(articles: batch, done: chunk + batch.count, total: articles.count))
        }
        s = run(s, [.command(.search)] + keys("legitimite") + [.key(.enter)])
        let rows = s.visible.map { s.listRowText($0) }
        let want = rows.indices.filter { SearchMatcher.contains(rows[$0], pattern: "legitimite") }
        #expect(!want.isEmpty)
        #expect(s.search?.row == want.first)
        #expect(s.message?.text == "match 1/\(want.count) · legitimite")
    }
}
