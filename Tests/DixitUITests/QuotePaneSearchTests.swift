import DixitKit
import Testing
@testable import DixitUI

/// A search in the corpus-wide quotes pane goes through the corpus index; the rows it
/// finds must be exactly those whose text holds the pattern, row by row.
struct QuotePaneSearchTests {
    static let patterns = ["otan", "OTAN", "ukraine", "Ukraine", "légitimité", "legitimite", "LÉGITIMITÉ", "stoltenberg",
                           "Jens", "jens stolt", "borne", "guerre d", "communauté internationale", "« Les", "(3)", "unattributed",
                           "2", "zzz", "e", "ot", "OTA", "de", "l’ukraine", "l'ukraine", " ", "tan ", "Smith"]

    @Test func foundRowsAreTheRowsHoldingThePattern() {
        let articles = SpeakerIndexTests.generated(30)
        for filter in ["", "kind:direct", "speaker:borne"] {
            var s = run(AppState(size: Size(width: 120, height: 40), articles: articles),
                        [.key(.char("f"))] + keys(filter) + [.key(.enter)])
            s.quotesScope = .corpus
            let rows = s.quoteRows()
            #expect(rows.count > 15)
            var found = 0
            for p in Self.patterns {
                let want = rows.indices.filter { SearchMatcher.contains(s.quoteRowText(rows[$0]), pattern: p) }
                // Rows read or the index asked, whatever the density: the same rows.
                for readAbove in [0.5, 0, .infinity] {
                    var t = s
                    t.quoteSearchReadAbove = readAbove
                    #expect(t.corpusQuoteRowHits(rows, pattern: p).sorted == want, "\(p) with filter \(filter), \(readAbove)")
                }
                found += want.count
            }
            #expect(found > 0)
        }
    }

    @Test func searchingThePaneMovesToTheMatches() {
        var s = SeedFixture.state(120, 40)
        s.focus = .quotes
        s = run(s, [.command(.toggleQuotesScope)])
        #expect(s.quotesScope == .corpus)
        s = run(s, [.key(.char("/"))] + keys("alliés") + [.key(.enter)])
        let rows = s.quoteRows()
        #expect(s.search?.row.map { s.quoteRowText(rows[$0]).contains("alliés") } == true)
        s = run(s, [.key(.char("/"))] + keys("Julianne") + [.key(.enter)])
        #expect(s.search?.row.map { s.quoteRowText(rows[$0]) } == "Julianne Smith (1)")
        #expect(s.message?.text.hasPrefix("match 1/") == true || s.message == nil)
    }
}
