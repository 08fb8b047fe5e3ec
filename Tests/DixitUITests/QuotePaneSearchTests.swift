import DixitKit
import Testing
@testable import DixitUI

/// A search in the corpus-wide quotes pane goes through the corpus index; the rows it
/// finds must be exactly those whose text holds the pattern, row by row.
struct QuotePaneSearchTests {
    static let patterns = ["otan", "OTAN", "ukraine", "Ukraine", "légitimité", "legitimite", "LÉGITIMITÉ", "stoltenberg",
                           "Jens", "jens stolt", "borne", "guerre d", "communauté internationale", "« Les", "(3)", "unattributed",
                           "2", "zzz", "e", "ot", "OTA", "de", "l’ukraine", "l'ukraine", " ", "tan ", "Smith", "borne ", "Smith "]

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

/// The corpus-wide quotes pane's search reads a few rows near the cursor on each key
/// and leaves the rest (the match past them, the match count) to a job run off the
/// keystroke: whatever the share done on the key, the rows found and the counts must
/// be those of reading every row, and results of a search typed over must be dropped.
struct QuotePaneSearchJobTests {
    /// A corpus-wide quotes pane (with `filter`), the cursor some rows down.
    static func pane(_ filter: String = "", inline: Int, down: Int = 9) -> AppState {
        var s = run(AppState(size: Size(width: 120, height: 40), articles: SpeakerIndexTests.generated(24)),
                    filter.isEmpty ? [] : [.key(.char("f"))] + keys(filter) + [.key(.enter)])
        s.focus = .quotes
        s = run(s, [.command(.toggleQuotesScope)] + Array(repeating: .key(.char("j")), count: down))
        s.inlineSearchRows = inline
        return s
    }

    /// Rows holding `pattern`, read one by one.
    static func reference(_ s: AppState, _ pattern: String) -> [Int] {
        let rows = s.quoteRows()
        return rows.indices.filter { SearchMatcher.contains(s.quoteRowText(rows[$0]), pattern: pattern) }
    }

    /// Runs the pending jobs as the backend would, their results applied in order.
    static func settle(_ s: inout AppState) {
        for _ in 0..<8 {
            guard let job = s.quoteSearchJob() else { return }
            var posted: [Action] = []
            job.run(isCancelled: { false }, post: { posted.append($0) })
            for a in posted { _ = s.apply(a) }
        }
        Issue.record("the search jobs did not settle")
    }

    @Test func eachKeyFindsAndCountsWhatReadingEveryRowFinds() {
        for filter in ["", "kind:direct"] {
            for inline in [0, 4, Int.max] {
                var s = Self.pane(filter, inline: inline)
                let origin = s.quotesCursor
                for p in ["otan", "Ukraine", "jens stolt", "« Les", "zzz", "e", "borne (", "(unattributed)"] {
                    s = run(s, [.key(.char("/"))])
                    var typed = ""
                    for ch in p {
                        typed.append(ch)
                        _ = s.apply(.key(.char(ch)))
                        Self.settle(&s)
                        let want = Self.reference(s, typed)
                        let first = want.first { $0 >= origin } ?? want.first
                        #expect(s.search?.row == first, "\(typed), filter \(filter), \(inline) rows on the key")
                        #expect(s.quotesCursor == first ?? origin)
                        if let first {
                            #expect(s.matchStatus() == "match \(want.firstIndex(of: first)! + 1)/\(want.count) · \(typed)")
                        } else {
                            #expect(s.message?.text == "no match for \(typed)")
                        }
                    }
                    s = run(s, [.key(.escape)])
                    #expect(s.quotesCursor == origin && s.quoteSearchRequest == nil)
                }
            }
        }
    }

    @Test func theStatusSaysSearchingThenTheMatchThenItsCount() {
        var s = Self.pane(inline: 0)
        s = run(s, [.key(.char("/"))] + keys("alliés"))
        #expect(s.search?.row == nil)
        #expect(s.matchStatus() == "searching… · alliés")
        #expect(screen(s).contains("searching… · alliés"))
        guard let job = s.quoteSearchJob() else { Issue.record("no job"); return }
        var posted: [Action] = []
        job.run(isCancelled: { false }, post: { posted.append($0) })
        #expect(posted.count == 2)
        let want = Self.reference(s, "alliés")
        let first = want.first { $0 >= 9 } ?? want.first!
        _ = s.apply(posted[0])
        #expect(s.search?.row == first && s.quotesCursor == first)
        #expect(s.matchStatus() == "match …/… · alliés")
        _ = s.apply(posted[1])
        #expect(s.matchStatus() == "match \(want.firstIndex(of: first)! + 1)/\(want.count) · alliés")
        #expect(s.quoteSearchRequest == nil)
        // Enter keeps the search; the status line says where it is.
        s = run(s, [.key(.enter)])
        #expect(s.message?.text == "match \(want.firstIndex(of: first)! + 1)/\(want.count) · alliés")
    }

    @Test func resultsOfASearchTypedOverAreDropped() {
        var s = Self.pane(inline: 0)
        s = run(s, [.key(.char("/")), .key(.char("u"))])
        guard let older = s.quoteSearchJob() else { Issue.record("no job"); return }
        s = run(s, [.key(.char("k"))])
        guard let newer = s.quoteSearchJob() else { Issue.record("no job"); return }
        #expect(newer.generation != older.generation)
        older.run(isCancelled: { false }, post: { _ = s.apply($0) })
        #expect(s.search?.row == nil && s.quotesCursor == 9 && s.matchStatus() == "searching… · uk")
        // A job told it is cancelled posts nothing.
        var posted = 0
        newer.run(isCancelled: { true }, post: { _ in posted += 1 })
        #expect(posted == 0)
        newer.run(isCancelled: { false }, post: { _ = s.apply($0) })
        let want = Self.reference(s, "uk")
        #expect(want.count > 1)
        #expect(s.search?.row == (want.first { $0 >= 9 } ?? want.first))
    }

    @Test func aKeyThatEditsNothingKeepsLookingForTheMatch() {
        var s = Self.pane(inline: 0)
        s = run(s, [.key(.char("/"))] + keys("ukraine") + [.key(.down)])
        #expect(s.matchStatus() == "searching… · ukraine")
        Self.settle(&s)
        let want = Self.reference(s, "ukraine")
        #expect(s.search?.row == (want.first { $0 >= 9 } ?? want.first))
        // Esc drops it.
        s = run(Self.pane(inline: 0), [.key(.char("/"))] + keys("ukraine") + [.key(.escape)])
        #expect(s.quoteSearchRequest == nil && s.quoteSearchJob() == nil && s.quotesCursor == 9)
    }

    @Test func whileArticlesLoadTheJobWaitsForTheEnd() {
        let articles = SpeakerIndexTests.generated(24)
        var s = AppState(size: Size(width: 120, height: 40))
        s.loading = LoadingProgress(done: 0, total: articles.count, finished: false)
        _ = s.apply(.loaded(articles: Array(articles[..<20]), done: 20, total: articles.count))
        s.focus = .quotes
        s.inlineSearchRows = 0
        s = run(s, [.command(.toggleQuotesScope), .key(.char("/"))] + keys("ukraine"))
        #expect(s.quoteSearchRequest != nil && s.quoteSearchJob() == nil)
        #expect(s.matchStatus() == "searching… · ukraine")
        _ = s.apply(.loaded(articles: Array(articles[20...]), done: articles.count, total: articles.count))
        _ = s.apply(.loadingFinished(problems: []))
        #expect(s.quoteSearchJob() != nil)
        Self.settle(&s)
        let want = Self.reference(s, "ukraine")
        #expect(want.count > 1)
        #expect(s.search?.row == want.first)
        #expect(s.matchStatus() == "match 1/\(want.count) · ukraine")
    }

    @Test func theCursorMovedMeanwhileIsNotTakenBack() {
        var s = Self.pane(inline: 0)
        s = run(s, [.key(.char("/"))] + keys("ukraine") + [.key(.enter)])
        #expect(s.matchStatus() == "searching… · ukraine")
        guard let job = s.quoteSearchJob() else { Issue.record("no job"); return }
        s = run(s, [.key(.char("j"))])
        job.run(isCancelled: { false }, post: { _ = s.apply($0) })
        #expect(s.quotesCursor == 10)
        Self.settle(&s)
        #expect(Self.reference(s, "ukraine").count > 1)
        #expect(s.matchStatus() == "match 0/\(Self.reference(s, "ukraine").count) · ukraine")
    }

    @Test func theMatcherMadeOnceAnswersAsContains() {
        let texts = ["«Les alliés de l'OTAN fourniront\nde nouvelles armes»", "≈ l’Ukraine se déclare neutre",
                     "Élisabeth Borne (5)", "ÉTATS-UNIS", "", "Œuvre commune\u{2028}des Vingt-Sept"]
        for p in ["alliés", "allies", "OTAN", "otan", "l'ukraine", "etats", "États", "oeuvre", "armes»", "\n", "", " ", "borne ("] {
            let holds = SearchMatcher.matcher(p)
            for t in texts { #expect(holds(t) == SearchMatcher.contains(t, pattern: p), "\(p) in \(t)") }
        }
        // A row's text has its line breaks as spaces, and is the text itself without any.
        #expect("fourniront\nde nouvelles\u{2029}armes".replacingLineBreaks == "fourniront de nouvelles armes")
        #expect("de nouvelles armes".replacingLineBreaks == "de nouvelles armes")
    }

    @Test func nextAndPreviousFollowTheCountedMatches() {
        var s = Self.pane(inline: 0)
        s = run(s, [.key(.char("/"))] + keys("alliés") + [.key(.enter)])
        Self.settle(&s)
        let want = Self.reference(s, "alliés")
        #expect(want.count > 3)
        var i = want.firstIndex(of: s.search!.row!)!
        for step in [1, 1, -1, -1, -1] {
            _ = s.apply(.command(step > 0 ? .searchNext : .searchPrevious))
            // Told from the counted matches, on the key.
            #expect(s.quoteSearchRequest == nil)
            i = (i + step + want.count) % want.count
            #expect(s.search?.row == want[i] && s.quotesCursor == want[i])
        }
        // From the last match, n wraps to the first.
        while s.search?.row != want.last { _ = s.apply(.command(.searchNext)) }
        _ = s.apply(.command(.searchNext))
        #expect(s.search?.row == want.first)
        #expect(s.message?.text == "search wrapped to the top")
    }
}
