import DixitKit
import Testing
@testable import DixitUI

@Suite struct RenderTests {
    /// Every row fits its width in columns, whatever the text.
    private func expectFits(_ g: Grid) {
        for (y, l) in g.lines.enumerated() {
            #expect(DisplayWidth.of(l) <= g.width, "row \(y) is \(DisplayWidth.of(l)) columns: \(l)")
        }
    }

    /// Cells of the first occurrence of `text` on screen (row, columns).
    private func find(_ text: String, in g: Grid) -> (y: Int, xs: Range<Int>)? {
        let want = Array(Glyphs.of(text).map(\.text))
        for y in 0..<g.height {
            var cols: [Int] = []
            var texts: [String] = []
            for x in 0..<g.width where !g[x, y].isContinuation { cols.append(x); texts.append(g[x, y].text) }
            guard texts.count >= want.count else { continue }
            for i in 0...(texts.count - want.count) where Array(texts[i..<(i + want.count)]) == want {
                return (y, cols[i]..<(cols[i + want.count - 1] + 1))
            }
        }
        return nil
    }

    private func roles(_ text: String, in g: Grid) -> Set<StyleRole> {
        guard let f = find(text, in: g) else { return [] }
        return Set(f.xs.map { g[$0, f.y].style.role })
    }

    @Test func wideLayoutAt120x35ShowsThreePanes() {
        let g = render(SeedFixture.state(120, 35), size: Size(width: 120, height: 35))
        let l = g.lines
        #expect(l[0].hasPrefix(" Articles 1/2"))
        #expect(l[0].contains("│ Reader · 000_62b49142b57b139c.txt"))
        #expect(l[0].contains("│ Quotes · this article (3)"))
        #expect(l[1].hasPrefix("▶ Le chef du bloc, Jens Stolte…│"))
        #expect(l[3].hasPrefix("  Les alliés de l'OTAN se prép…│"))
        #expect(l.contains { $0.hasSuffix("│ Jens Stoltenberg (2)") })
        #expect(l.contains { $0.hasSuffix("│ Jake Sullivan (1)") })
        #expect(l[33] == " article 1/2")
        #expect(l[34] == "Tab next pane  Enter open  ] next quote  } same speaker  s speakers  / search  f filter  ? help  q quit")
        // The speaker's name is written down the margin beside the quote.
        let label = l.firstIndex { $0.contains("│Jens       │ “Les référendums fictifs") }
        #expect(label != nil)
        if let label { #expect(l[label + 1].contains("│Stoltenberg│ légitimité")) }
        expectFits(g)
    }

    @Test func narrowLayoutAt40x12ShowsTabs() {
        var s = SeedFixture.state(40, 12)
        var g = render(s, size: s.size)
        #expect(g.lines == [
            " Articles 1… │Reader      │Quotes",
            "▶ Le chef du bloc, Jens Stoltenberg, af…",
            "  2022-09 · 3 q · 2 sp · 000_62b49142b5…",
            "  Les alliés de l'OTAN se préparent à r…",
            "  2022-04-05T16:43 · 3 q · 2 sp · 004_f…",
            "", "", "", "", "",
            " article 1/2",
            "Tab next pane  Enter open",
        ])
        s = run(s, [.command(.nextPane)])
        g = render(s, size: s.size)
        #expect(g.lines[0] == " Articles    │Reader · 0… │Quotes")
        #expect(g.lines[1] == "date 2022-09")
        #expect(g.lines[3] == "Le chef du bloc, Jens Stoltenberg,")
        #expect(g.lines[4] == "affirme que le vote “fictif” n’a aucune")
        expectFits(g)
        s = run(s, [.command(.nextPane), .command(.moveDown)])
        g = render(s, size: s.size)
        #expect(g.lines[1] == " Jens Stoltenberg (2)")
        #expect(g.lines[2].hasPrefix(" ▶ «Les référendums fictifs"))
        expectFits(g)
    }

    @Test func wideLayoutAt200x60ShowsTheWholeQuoteWithItsSpeaker() {
        let s = run(SeedFixture.state(200, 60), [.command(.speakerPicker)] + keys("smith") + [.key(.enter)])
        let g = render(s, size: s.size)
        #expect(g.lines[0].contains("Reader · 004_f57e383da64bcd99.txt"))
        guard let f = find("\"Je dirais", in: g) else { Issue.record("quote not shown"); return }
        // The margin holds the speaker on the quote's first line, and the bar marks the current quote.
        #expect(g.lines[f.y].contains("Julianne Smith  ┃ \"Je dirais que plus des deux tiers"))
        #expect(g.lines[58].hasPrefix(" Julianne Smith: quote 1/1"))
        expectFits(g)
    }

    @Test func tooSmallTerminalSaysSo() {
        let g = render(SeedFixture.state(20, 6), size: Size(width: 20, height: 6))
        #expect(g.lines.map { $0.trimmingSpacesForTest } == ["", "Terminal too small", "need 30×8,", "have 20×6", "q quits", ""])
        expectFits(g)
        #expect(render(SeedFixture.state(0, 0), size: Size(width: 0, height: 0)).cells.isEmpty)
    }

    @Test func entitiesQuotesSpeakersAndBoilerplateHaveTheirStyles() {
        let s = run(SeedFixture.state(200, 60), [.command(.speakerPicker)] + keys("smith") + [.key(.enter)])
        let g = render(s, size: s.size)
        #expect(roles("Julianne Smith, a déclaré", in: g).contains(.entity(.person)))
        #expect(roles("Je dirais que plus", in: g) == [.currentQuote])
        let quoteCell = find("Je dirais", in: g)!
        #expect(g[quoteCell.xs.lowerBound, quoteCell.y].style.quoted == .current)
        #expect(roles("Afficher Plus", in: g) == [.boilerplate])
        // The margin label: the row of the quote's start, left of the bar.
        let start = find("\"Je dirais", in: g)!
        let bar = (0..<start.xs.lowerBound).last { g[$0, start.y].text == "┃" }!
        let labelRoles = Set((bar - 16..<bar - 2).map { g[$0, start.y].style.role })
        #expect(labelRoles == [.speaker(SpeakerPalette.index(for: "Julianne Smith"))])
        #expect(g[bar, start.y].style.role == .currentQuote)
        // Another quote of the article is a quote, not the current one.
        let s2 = run(s, [.command(.previousQuote)])
        let g2 = render(s2, size: s2.size)
        #expect(roles("C'est une phase cruciale", in: g2) == [.currentQuote])
        #expect(roles("Je dirais que plus", in: g2) == [.quote])
        // Title and selection in the list.
        #expect(roles("Les alliés de l'OTAN se préparent", in: g) == [.title])
        let row = find("Les alliés de l'OTAN se préparent", in: g)!
        #expect(g[row.xs.lowerBound, row.y].style.selected)
        // Pane titles: the focused one stands out.
        #expect(g[60, 0].style.role == .paneTitleFocused)
        #expect(g[2, 0].style.role == .paneTitle)
    }

    @Test func aQuoteThatBeganAboveTheTopKeepsItsSpeakerInView() {
        var s = run(SeedFixture.state(120, 35), [.command(.nextPane), .command(.nextQuote)])
        let start = s.readerDocument()!.quoteLines[0]!
        s.readerTop = start + 2   // below the two lines that spell the name
        let l = render(s, size: s.size).lines
        #expect(l[1].contains("│Jens Stolt…┃ "))
    }

    @Test func speakersKeepTheirColourAcrossRuns() {
        #expect(SpeakerPalette.index(for: "Jens Stoltenberg") == SpeakerPalette.index(for: "JENS STOLTENBERG"))
        let all = ["Jens Stoltenberg", "Julianne Smith", "Jake Sullivan", "Vladimir Poutine", "Emmanuel Macron", "Joe Biden"]
        #expect(Set(all.map(SpeakerPalette.index(for:))).count > 2)
        #expect(all.allSatisfy { (0..<SpeakerPalette.size).contains(SpeakerPalette.index(for: $0)) })
    }

    @Test func controlCharactersAndEscapesNeverReachTheGrid() {
        let text = "Titre \u{1B}[31mrouge\u{7} et\ttab\r\nCorps « cité » \u{9B}2J fin \u{202E}inversé\u{202C} 👩\u{200D}💻"
        let article = StructureParser.parse(path: "evil\u{1B}]0;x\u{7}.txt", text: ScalarText(text))
        let s = AppState(size: Size(width: 120, height: 20), articles: [AnalyzedArticle(article: article)])
        let g = render(s, size: s.size)
        for c in g.cells {
            for u in c.text.unicodeScalars {
                #expect(u.value >= 0x20 && u.value != 0x7F && !(0x80...0x9F).contains(u.value), "control \(u.value) in a cell")
                #expect(!(0x202A...0x202E).contains(u.value) && u.value != 0x200D)
            }
        }
        let screenText = g.lines.joined(separator: "\n")
        #expect(screenText.contains("␛[31mrouge␇"))
        #expect(screenText.contains("evil␛]0;x␇.txt"))
        expectFits(g)
    }

    @Test func wideCharactersAreClippedAtColumnBoundaries() {
        let text = "東京で会見 日本の首相は述べた\n記者会見で首相は「経済を立て直す」と語った。さらに多くの支援を約束した。😀 🇫🇷 👍🏽 مرحبا بالعالم"
        let article = StructureParser.parse(path: "cjk.txt", text: ScalarText(text))
        for (w, h) in [(40, 12), (57, 15), (101, 20), (200, 60)] {
            var s = AppState(size: Size(width: w, height: h), articles: [AnalyzedArticle(article: article)])
            for pane in Pane.allCases {
                s.focus = pane
                let g = render(s, size: s.size)
                expectFits(g)
                for y in 0..<g.height {
                    // A continuation cell always follows a double-width character.
                    for x in 0..<g.width where g[x, y].isContinuation {
                        #expect(x > 0 && DisplayWidth.of(g[x - 1, y].text) == 2)
                    }
                }
            }
        }
    }

    @Test func searchMatchesAreMarked() {
        var s = SeedFixture.state(120, 35)
        s.focus = .reader
        s = run(s, [.command(.search)] + keys("ukraine"))
        let g = render(s, size: s.size)
        let marked = (0..<g.height).flatMap { y in (0..<g.width).filter { g[$0, y].style.match }.map { (x: $0, y: y) } }
        #expect(!marked.isEmpty)
        // Every marked run spells the word, in any case and accent.
        let word = find("l’Ukraine", in: g)!
        #expect((word.xs.lowerBound + 2..<word.xs.upperBound).allSatisfy { g[$0, word.y].style.match })
        #expect(!g[word.xs.lowerBound, word.y].style.match)
        #expect(g.lines[34] == "/ukraine█")
    }

    @Test func filterErrorIsShownInline() {
        let s = run(SeedFixture.state(120, 35), [.command(.filter)] + keys("otan speeker:smith"))
        let g = render(s, size: s.size)
        #expect(g.lines[34] == "filter: otan speeker:smith█")
        #expect(g.lines[33].hasPrefix(" ✗ column 6: unknown field 'speeker'"))
        #expect(g[8 + 5, 34].style.role == .error)
        #expect(g[8 + 4, 34].style.role == .input)
        // The view behind is unchanged.
        #expect(g.lines[0].hasPrefix(" Articles 1/2"))
    }

    @Test func helpAndHintsComeFromTheActionTable() {
        let s = run(SeedFixture.state(200, 60), [.command(.help)])
        let text = render(s, size: s.size).lines.joined(separator: "\n")
        for spec in ActionTable.all {
            #expect(text.contains(spec.description), "help lacks \(spec.command)")
            #expect(text.contains(ActionTable.keyLabel(spec)))
        }
        for pane in Pane.allCases {
            var p = SeedFixture.state(200, 60)
            p.focus = pane
            let hint = render(p, size: p.size).lines[59]
            for h in ActionTable.hints(for: pane) { #expect(hint.contains(h.key + " " + h.name)) }
        }
        #expect(ActionTable.markdown().contains("| `]` | Next quote in the article (shown in the reader) | all |"))
        #expect(ActionTable.markdown().contains("| `a` | Quotes pane: this article's quotes / all quotes of the articles shown | quotes |"))
    }

    @Test func speakerPickerOverlay() {
        let s = run(SeedFixture.state(120, 35), [.command(.speakerPicker)] + keys("j"))
        let l = render(s, size: s.size).lines
        #expect(l.contains { $0.contains("┌─ Speakers (3) ") })
        #expect(l.contains { $0.contains("│ speaker: j█") })
        #expect(l.contains { $0.contains("│ Jens Stoltenberg") && $0.contains("4 │") })
        #expect(l.contains { $0.contains("│ Julianne Smith") && $0.contains("1 │") })
    }

    @Test func corpusQuotesView() {
        let s = run(SeedFixture.state(120, 35), [.command(.nextPane), .command(.nextPane), .command(.toggleQuotesScope)])
        let l = render(s, size: s.size).lines
        #expect(l[0].hasSuffix("│ Quotes · all shown (6)"))
        #expect(l[1].hasSuffix("│ Jens Stoltenberg (4)"))
        // Each quote on up to two lines, the second ending in … when the quote is longer.
        // Each quote on up to two lines, the second cut with … when the quote is longer.
        #expect(l[2].hasSuffix("│   000 «Les référendums fictifs"))
        #expect(l[3].hasSuffix("│   n’ont aucune légitimité et ne…"))
        #expect(l[6].hasSuffix("│   004 «d'autres atrocités»"))
        #expect(l[7].hasSuffix("│   004 «C'est une phase cruciale"))
        #expect(l[8].hasSuffix("│   de la guerre»"))
    }
}

extension String {
    var trimmingSpacesForTest: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Quotes that nest: reported speech holding a partial quote, as extractors give them.
@Suite struct NestedQuoteTests {
    /// Seed 004 with Julianne Smith's indirect quote and the partial quote inside it.
    static let article: AnalyzedArticle = {
        let a = SeedFixture.load("004_f57e383da64bcd99.txt")
        let outer = "la fourniture d'armes à l'Ukraine n'était pas une opération de l'OTAN mais des « décisions souveraines » des pays de l'alliance"
        return AnalyzedArticle(article: a, entities: [SeedFixture.entity("Julianne Smith", .person, in: a)], quotes: [
            SeedFixture.quote(outer, .indirect, "Julianne Smith", in: a),
            SeedFixture.quote("décisions souveraines", .partial, "Julianne Smith", in: a),
            SeedFixture.quote(SeedFixture.smithQuote, .direct, "Julianne Smith", in: a),
        ])
    }()

    @Test func theCurrentQuoteIsMarkedWholeAndNamedOnce() {
        var s = AppState(size: Size(width: 200, height: 60), articles: [Self.article])
        s = run(s, [.command(.nextQuote)])
        #expect(s.currentQuote == 0)
        let doc = s.readerDocument()!
        let inner = doc.lines.flatMap { zip($0.glyphs, $0.styles) }.filter { $0.0.offset >= 0 }
        let sov = SeedFixture.span("souveraines", in: Self.article.article.text)
        #expect(inner.filter { sov.contains($0.0.offset) }.allSatisfy { $0.1.role == .currentQuote })
        // One label for the outer quote and the partial inside it, one for the direct quote.
        #expect(doc.lines.compactMap(\.label).filter { $0 == "Julianne Smith" }.count == 2)
        // The inner quote is its own once another is current.
        s = run(s, [.command(.nextQuote)])
        let doc2 = s.readerDocument()!
        let cells = doc2.lines.flatMap { zip($0.glyphs, $0.styles) }
        let before = SeedFixture.span("pas une opération", in: Self.article.article.text)
        #expect(cells.filter { sov.contains($0.0.offset) }.allSatisfy { $0.1.role == .currentQuote })
        #expect(cells.filter { before.contains($0.0.offset) }.allSatisfy { $0.1.role == .quote })
    }

    @Test func quotesPaneShowsKindsAndFollowsTheFilter() {
        var s = AppState(size: Size(width: 120, height: 35), articles: [Self.article])
        let l = render(s, size: s.size).lines
        #expect(l.contains { $0.contains("│   ≈ la fourniture d'armes") })
        #expect(l.contains { $0.contains("│   «décisions souveraines»") })
        s = run(s, keys("f") + keys("kind:direct") + [.key(.enter)])
        #expect(Array(s.quoteRows()) == [.speaker(name: "Julianne Smith", count: 1), .quote(QuoteRef(article: 0, quote: 2))])
    }
}
