import DixitKit
import Testing
@testable import DixitUI

/// The corpus-wide quotes pane reads its rows from the speaker index when shown: they
/// must be the rows that grouping every filtered quote afresh gives (speakers most
/// quoted first, unattributed quotes last), and each quote must be found at its row.
struct CorpusQuoteRowsTests {
    static func reference(_ s: AppState) -> [QuoteRow] {
        AppState.rows(of: AppState.groupBySpeaker(SpeakerIndexTests.plainQuotes(s), in: s.corpus))
    }

    @Test func rowsAreThoseOfTheFilteredQuotesGroupedAfresh() {
        let articles = SpeakerIndexTests.generated(45)
        for f in SpeakerIndexTests.filters + ["-\"fosses communes\"", "speaker:zzz"] {
            let s = run(AppState(size: Size(width: 120, height: 40), articles: articles),
                        [.key(.char("f"))] + keys(f) + [.key(.enter), .command(.toggleQuotesScope)])
            #expect(s.quotesScope == .corpus)
            let rows = s.quoteRows()
            let want = Self.reference(s)
            #expect(Array(rows) == want, "filter \(f)")
            #expect(rows.quoteCount == want.filter { if case .quote = $0 { return true } else { return false } }.count)
            for (i, row) in want.enumerated() {
                if case .quote(let r) = row { #expect(rows.row(of: r) == i, "filter \(f) row \(i)") }
            }
        }
        // Unattributed quotes are there, last, under their own heading.
        let all = run(AppState(size: Size(width: 120, height: 40), articles: articles), [.command(.toggleQuotesScope)])
        let rows = all.quoteRows()
        #expect(rows.contains(.speaker(name: nil, count: SpeakerIndexTests.plainQuotes(all).filter {
            all.corpus[$0.article].quotes[$0.quote].speaker == nil }.count)))
        guard case .quote(let last)? = rows.last else { Issue.record("no quote last"); return }
        #expect(all.corpus[last.article].quotes[last.quote].speaker == nil)
    }

    @Test func jumpingToAQuoteFromTheCorpusPanePutsTheCursorOnIt() {
        var s = run(AppState(size: Size(width: 120, height: 40), articles: SpeakerIndexTests.generated(30)),
                    [.command(.toggleQuotesScope)])
        s.focus = .quotes
        for _ in 0..<7 { _ = s.apply(.key(.char("j"))) }
        let cursor = s.quotesCursor
        guard case .quote(let r) = s.quoteRows()[cursor] else { Issue.record("no quote at the cursor"); return }
        _ = s.apply(.key(.enter))
        #expect(s.currentIndex == r.article && s.currentQuote == r.quote)
        #expect(s.quotesCursor == cursor)
    }
}
