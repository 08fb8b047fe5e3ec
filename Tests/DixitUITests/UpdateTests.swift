import DixitKit
import Foundation
import Testing
@testable import DixitUI

/// One test per command of the action table (the switch in `everyCommandIsTested`
/// makes a new command fail to compile until it has its test).
@Suite struct UpdateTests {
    let base = SeedFixture.state(120, 35)

    @Test func everyCommandIsTested() {
        for c in Command.allCases {
            switch c {
            case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
                 .nextPane, .previousPane, .paneLeft, .paneRight, .open, .nextQuote, .previousQuote,
                 .nextSpeakerQuote, .previousSpeakerQuote, .speakerPicker, .toggleQuotesScope, .search,
                 .searchNext, .searchPrevious, .filter, .clearFilter, .toggleEntities, .help, .quit:
                #expect(!ActionTable.spec(c).keys.isEmpty)
            }
        }
    }

    @Test func keysDispatchToTheirCommandInTheirPanes() {
        for spec in ActionTable.all {
            for key in spec.keys {
                for pane in spec.panes {
                    #expect(ActionTable.command(for: key, in: pane) == spec.command, "\(key.label) in \(pane)")
                }
            }
        }
        var s = base
        _ = s.apply(.key(.char("j")))
        #expect(s.listCursor == 1)
        _ = s.apply(.key(.up))
        #expect(s.listCursor == 0)
    }

    @Test func moveDownAndUpInEachPane() {
        var s = run(base, [.command(.moveDown)])
        #expect(s.listCursor == 1)
        #expect(s.currentArticle?.article.path.hasSuffix("004_f57e383da64bcd99.txt") == true)
        s = run(s, [.command(.moveDown)])
        #expect(s.listCursor == 1)   // stays on the last article
        s = run(s, [.command(.moveUp)])
        #expect(s.listCursor == 0)

        s.focus = .reader
        s = run(s, [.command(.moveDown), .command(.moveDown)])
        #expect(s.readerTop == 2)
        s = run(s, [.command(.moveUp)])
        #expect(s.readerTop == 1)

        s.focus = .quotes
        s = run(s, [.command(.moveDown)])
        // Row 0 is the heading "Jens Stoltenberg (2)", row 1 his first quote, which becomes current.
        #expect(s.quotesCursor == 1)
        #expect(s.currentQuote == 0)
        s = run(s, [.command(.moveDown), .command(.moveDown), .command(.moveDown)])
        #expect(s.quoteRows()[s.quotesCursor] == .quote(QuoteRef(article: 0, quote: 2)))
        #expect(s.currentQuote == 2)
        s = run(s, [.command(.moveUp)])
        #expect(s.quoteRows()[s.quotesCursor] == .speaker(name: "Jake Sullivan", count: 1))
    }

    @Test func pagesAndHalfPagesScrollTheReader() {
        var s = base
        s.focus = .reader
        let h = Layout.contentSize(.reader, in: s.size).height
        s = run(s, [.command(.pageDown)])
        #expect(s.readerTop == h - 1)
        s = run(s, [.command(.pageUp)])
        #expect(s.readerTop == 0)
        s = run(s, [.command(.halfPageDown)])
        #expect(s.readerTop == (h - 1) / 2)
        s = run(s, [.command(.halfPageUp)])
        #expect(s.readerTop == 0)
        s = run(s, [.key(.char(" "))])
        #expect(s.readerTop == h - 1)
    }

    @Test func topAndBottom() {
        var s = run(base, [.command(.bottom)])
        #expect(s.listCursor == 1)
        s = run(s, [.command(.top)])
        #expect(s.listCursor == 0)
        s.focus = .reader
        s = run(s, [.command(.bottom)])
        let lines = s.readerDocument()!.lines.count
        #expect(s.readerTop == lines - Layout.contentSize(.reader, in: s.size).height)
        #expect(screen(s).contains("pas été provoquée"))   // the last paragraph's end shows
        s = run(s, [.key(.char("g"))])
        #expect(s.readerTop == 0)
    }

    @Test func panesCycleAndMoveSideways() {
        var s = base
        #expect(s.focus == .list)
        s = run(s, [.command(.nextPane)]); #expect(s.focus == .reader)
        s = run(s, [.command(.nextPane)]); #expect(s.focus == .quotes)
        s = run(s, [.command(.nextPane)]); #expect(s.focus == .list)
        s = run(s, [.command(.previousPane)]); #expect(s.focus == .quotes)
        s = run(s, [.command(.paneRight)]); #expect(s.focus == .quotes)   // no wrap sideways
        s = run(s, [.command(.paneLeft)]); #expect(s.focus == .reader)
        s = run(s, [.key(.char("h"))]); #expect(s.focus == .list)
        s = run(s, [.command(.paneLeft)]); #expect(s.focus == .list)
    }

    @Test func openFocusesTheReaderOrJumpsToTheQuote() {
        var s = run(base, [.command(.moveDown), .command(.open)])
        #expect(s.focus == .reader)
        #expect(s.listCursor == 1)

        s = base
        s.focus = .quotes
        s = run(s, [.command(.toggleQuotesScope), .command(.bottom), .command(.open)])
        // The last row of the corpus view is Julianne Smith's quote (the smallest group but one,
        // sorted by count then name): it opens its article in the reader.
        #expect(s.focus == .reader)
        let a = s.currentArticle!
        #expect(a.quotes[s.currentQuote!].speaker != nil)
        let line = s.readerDocument()!.quoteLines[s.currentQuote!]!
        #expect(line >= s.readerTop && line < s.readerTop + Layout.contentSize(.reader, in: s.size).height)
    }

    @Test func nextAndPreviousQuoteInTheArticle() {
        var s = base
        s.focus = .reader
        s = run(s, [.command(.nextQuote)])
        #expect(s.currentQuote == 0)
        #expect(s.message?.text == "quote 1/3 · Jens Stoltenberg")
        s = run(s, [.key(.char("]")), .key(.char("]"))])
        #expect(s.currentQuote == 2)
        #expect(screen(s).contains("Nous ne reconnaîtrons jamais"))
        s = run(s, [.command(.nextQuote)])
        #expect(s.currentQuote == 0)
        #expect(s.message?.text == "wrapped to the first quote")
        s = run(s, [.command(.previousQuote)])
        #expect(s.currentQuote == 2)
        #expect(s.message?.text == "wrapped to the last quote")
        s = run(s, [.command(.previousQuote)])
        #expect(s.currentQuote == 1)

        var empty = AppState(size: Size(width: 120, height: 35),
                             articles: [AnalyzedArticle(article: SeedFixture.seed000.article)])
        empty.focus = .reader
        _ = empty.apply(.command(.nextQuote))
        #expect(empty.currentQuote == nil)
        #expect(empty.message?.text == "no quotes in this article")
    }

    @Test func sameSpeakerAcrossArticles() {
        var s = run(base, [.command(.nextQuote)])   // Stoltenberg, 000, quote 0
        s = run(s, [.command(.nextSpeakerQuote)])
        #expect(s.currentIndex == 0 && s.currentQuote == 1)
        s = run(s, [.command(.nextSpeakerQuote)])
        #expect(s.currentIndex == 1 && s.currentQuote == 0)   // opens seed 004
        #expect(s.message?.text == "Jens Stoltenberg: quote 3/4")
        s = run(s, [.key(.char("}")), .key(.char("}"))])
        #expect(s.currentIndex == 0 && s.currentQuote == 0)
        #expect(s.message?.text.contains("wrapped") == true)
        s = run(s, [.command(.previousSpeakerQuote)])
        #expect(s.currentIndex == 1 && s.currentQuote == 1)

        // Within the filtered set only.
        s = run(base, keys("f") + keys("date:2022-04") + [.key(.enter), .command(.nextQuote)])
        s = run(s, [.command(.nextSpeakerQuote)])
        #expect(s.currentIndex == 1 && s.currentQuote == 1)
        s = run(s, [.command(.nextSpeakerQuote)])
        #expect(s.currentIndex == 1 && s.currentQuote == 0)

        let none = run(base, [.command(.nextSpeakerQuote)])
        #expect(none.message?.text.contains("no current quote") == true)
    }

    @Test func speakerPickerNarrowsAndJumps() {
        var s = run(base, [.command(.speakerPicker)])
        guard case .picker(let p) = s.mode else { Issue.record("picker not open"); return }
        #expect(s.pickerChoices(p).map(\.name) == ["Jens Stoltenberg", "Jake Sullivan", "Julianne Smith"])
        s = run(s, keys("JUL"))
        if case .picker(let p) = s.mode { #expect(s.pickerChoices(p).map(\.name) == ["Julianne Smith"]) }
        s = run(s, [.key(.enter)])
        #expect(s.mode == .normal)
        #expect(s.currentIndex == 1)
        #expect(s.currentQuote == 2)
        #expect(s.focus == .reader)
        #expect(screen(s).contains("Je dirais que plus des deux tiers"))

        // Esc closes without moving; a name nobody has says so.
        s = run(base, [.command(.speakerPicker)] + keys("zzz") + [.key(.enter)])
        #expect(s.message?.isError == true)
        s = run(s, [.key(.escape)])
        #expect(s.mode == .normal)
        #expect(s.currentIndex == 0 && s.currentQuote == nil)
        // Arrows move in the list.
        s = run(base, [.command(.speakerPicker), .key(.down), .key(.enter)])
        #expect(s.currentIndex == 0 && s.currentQuote == 2)   // Jake Sullivan
    }

    @Test func quotesScopeToggles() {
        var s = base
        s.focus = .quotes
        #expect(s.quoteRows().count == 5)   // 2 headings + 3 quotes of seed 000
        s = run(s, [.key(.char("a"))])
        #expect(s.quotesScope == .corpus)
        #expect(s.quoteRows().count == 9)   // 3 speakers + 6 quotes
        #expect(s.quoteRows().first == .speaker(name: "Jens Stoltenberg", count: 4))
        s = run(s, [.command(.toggleQuotesScope)])
        #expect(s.quotesScope == .article)
    }

    @Test func theQuotesCursorRowStaysWholeOnScreen() {
        var s = run(SeedFixture.state(40, 12), [.command(.nextPane), .command(.nextPane), .command(.toggleQuotesScope)])
        let content = Layout.contentSize(.quotes, in: s.size)
        for _ in 0..<9 {
            s = run(s, [.command(.moveDown)])
            let rows = s.quoteRows()
            let above = s.quoteLinesCount(rows, s.quotesTop..<s.quotesCursor, width: content.width, limit: 100)
            let own = s.quoteRowLines(rows[s.quotesCursor], width: content.width).count
            #expect(above + own <= content.height)
        }
        s = run(s, [.command(.bottom)])
        #expect(screen(s).contains("«Je dirais que plus des deux"))
        s = run(s, [.command(.top)])
        #expect(s.quotesTop == 0)
    }

    @Test func searchMovesToMatchesWithSmartCase() {
        var s = run(base, [.command(.search)] + keys("otan"))
        #expect(s.listCursor == 1)   // only the second title has OTAN
        s = run(s, [.key(.enter)])
        #expect(s.search == SearchState(pattern: "otan", pane: .list, row: 1))
        #expect(s.message?.text == "match 1/1 · otan")

        // Esc goes back where the search started.
        s = run(base, [.command(.search)] + keys("alli") + [.key(.escape)])
        #expect(s.listCursor == 0 && s.search == nil)

        // Smart case: a capital matches case exactly.
        s = base
        s.focus = .reader
        s = run(s, [.command(.search)] + keys("Kremlin") + [.key(.enter)])
        let row = s.search?.row
        #expect(row != nil)
        #expect(s.readerDocument()!.lines[row!].text.contains("Kremlin"))
        s = run(base, [.command(.nextPane), .command(.search)] + keys("KREMLIN") + [.key(.enter)])
        #expect(s.search?.row == nil)
        #expect(s.message?.isError == true)
    }

    @Test func searchNextAndPreviousWrap() {
        var s = base
        s.focus = .reader
        s = run(s, [.command(.search)] + keys("stoltenberg") + [.key(.enter)])
        let first = s.search!.row!
        s = run(s, [.command(.searchNext)])
        let second = s.search!.row!
        #expect(second > first)
        s = run(s, [.command(.searchPrevious)])
        #expect(s.search!.row == first)
        s = run(s, [.command(.searchPrevious)])
        #expect(s.search!.row! > second)
        #expect(s.message?.text == "search wrapped to the bottom")
        s = run(s, [.key(.char("n"))])
        #expect(s.search!.row == first)
        #expect(s.message?.text == "search wrapped to the top")

        let none = run(base, [.command(.searchNext)])
        #expect(none.message?.text == "no search: press / first")
    }

    @Test func filterAppliesAndBadQueriesLeaveTheViewAsItWas() {
        var s = run(base, [.command(.filter)] + keys("speaker:sullivan") + [.key(.enter)])
        #expect(s.visible == [0])
        #expect(s.filter.source == "speaker:sullivan")
        #expect(s.message?.text == "1/2 articles · 1 quotes match")

        s = run(base, [.command(.moveDown), .command(.filter)] + keys("type:ANIMAL"))
        guard case .filter(_, let e?) = s.mode else { Issue.record("no inline error"); return }
        #expect(e.position == 5)
        s = run(s, [.key(.enter)])
        #expect(s.visible == [0, 1])
        #expect(s.listCursor == 1)
        if case .filter = s.mode {} else { Issue.record("the filter line stays open on an error") }
        s = run(s, [.key(.escape)])
        #expect(s.mode == .normal)
        #expect(s.filter.isEmpty)

        // Accent- and case-insensitive: etats-unis finds États-Unis.
        s = run(base, [.command(.filter)] + keys("etats-unis -kremlin") + [.key(.enter)])
        #expect(s.visible == [1])
        // The filter limits the entities highlighted: only people with type:PER.
        s = run(base, [.command(.filter)] + keys("type:PER") + [.key(.enter)])
        let roles = Set(s.readerDocument()!.lines.flatMap(\.styles).map(\.role))
        #expect(roles.contains(.entity(.person)))
        #expect(!roles.contains(.entity(.organisation)))
    }

    @Test func clearFilter() {
        var s = run(base, [.command(.filter)] + keys("lang:en") + [.key(.enter)])
        #expect(s.visible.isEmpty)
        #expect(screen(s).contains("no article matches the filter"))
        s = run(s, [.command(.clearFilter)])
        #expect(s.visible == [0, 1])
        #expect(s.message?.text == "filter cleared")
        s = run(s, [.command(.filter)] + keys("lang:en") + [.key(.enter), .key(.escape)])
        #expect(s.visible == [0, 1])
    }

    @Test func toggleEntities() {
        var s = base
        s.focus = .reader
        let on = render(s, size: s.size)
        s = run(s, [.key(.char("e"))])
        #expect(!s.showEntities)
        let off = render(s, size: s.size)
        #expect(on.cells.contains { $0.style.role == .entity(.person) })
        #expect(!off.cells.contains { if case .entity = $0.style.role { return true } else { return false } })
        #expect(off.lines.last { !$0.isEmpty }.map { _ in true } == true)
        #expect(screen(s).contains("entities off"))
    }

    @Test func helpOpensScrollsAndCloses() {
        var s = run(SeedFixture.state(80, 14), [.command(.help)])
        #expect(s.mode == .help(scroll: 0))
        s = run(s, [.key(.char("j")), .key(.char("j"))])
        #expect(s.mode == .help(scroll: 2))
        #expect(!screen(s).contains("Move down a row"))
        s = run(s, [.key(.escape)])
        #expect(s.mode == .normal)
    }

    @Test func quitEndsTheProgram() {
        var s = base
        #expect(s.apply(.command(.quit)) == .quit)
        #expect(s.apply(.key(.char("q"))) == .quit)
        // q typed in a filter is text, not quit.
        s = run(base, [.command(.filter)])
        #expect(s.apply(.key(.char("q"))) == .none)
    }

    @Test func loadingInBatchesShowsTheFirstArticleAtOnce() {
        var s = AppState(size: Size(width: 120, height: 35))
        s.loading = LoadingProgress(done: 0, total: 2, finished: false)
        #expect(screen(s).contains("loading…"))
        _ = s.apply(.loaded(articles: [SeedFixture.seed000], done: 1, total: 2))
        #expect(screen(s).contains("Le chef du bloc"))
        #expect(screen(s).contains("loading 1/2"))
        _ = s.apply(.key(.char("l")))   // keys work while loading
        #expect(s.focus == .reader)
        _ = s.apply(.loaded(articles: [SeedFixture.seed004], done: 2, total: 2))
        _ = s.apply(.loadingFinished(problems: ["x.txt: binary file"]))
        #expect(s.visible == [0, 1])
        #expect(s.message?.isError == true)
        #expect(!screen(s).contains("loading"))
    }

    @Test func mouseWheelScrollsThePaneUnderThePointerAndClickSelects() {
        var s = base
        _ = s.apply(.mouse(MouseEvent(.wheelDown, x: 60, y: 10)))
        #expect(s.readerTop == 3)
        #expect(s.focus == .list)
        _ = s.apply(.mouse(MouseEvent(.click, x: 5, y: 3)))   // second article's title row
        #expect(s.listCursor == 1)
        _ = s.apply(.mouse(MouseEvent(.click, x: 100, y: 2)))
        #expect(s.focus == .quotes)
        #expect(s.quotesCursor == 1)
    }

    @Test func resizeKeepsPositionsInRange() {
        var s = run(base, [.command(.nextPane), .command(.bottom)])
        _ = s.apply(.resize(Size(width: 200, height: 60)))
        let lines = s.readerDocument()!.lines.count
        #expect(s.readerTop == max(0, lines - Layout.contentSize(.reader, in: s.size).height))
        _ = s.apply(.resize(Size(width: 10, height: 4)))
        #expect(render(s, size: s.size).lines.prefix(2).map { $0.trimmingCharacters(in: .whitespaces) } == ["Terminal", "too small"])
    }
}
