import Testing
@testable import DixitKit

@Suite struct TextTests {
    @Test func foldingIgnoresCaseAccentsAndApostropheShape() {
        #expect(TextFolding.fold("États-Unis") == "etats-unis")
        #expect(TextFolding.fold("L’OTAN") == "l'otan")
        #expect(TextFolding.fold("Œuvre") == "oeuvre")
        // Decomposed (NFD) accents, as some sites and macOS tools write them, fold alike.
        #expect(TextFolding.fold("E\u{301}tats-Unis, de\u{301}cembre, No\u{308}el") == "etats-unis, decembre, noel")
        #expect(TextFolding.fold("É\u{301}") == "e")
    }

    @Test func tokensKeepElisionsHyphensAndPossessives() {
        let t = ScalarText("L'ambassadrice a-t-elle dit qu’aujourd'hui Jean-Yves Le Drian, NATO's chief, a 2,5 %")
        let toks = Tokenizer.tokenize(t, in: Span(0, t.count)).map { (t[$0.span], $0.kind) }
        #expect(toks[0] == ("L'", .elision))
        #expect(toks[1] == ("ambassadrice", .word))
        #expect(toks[2] == ("a-t-elle", .word))
        #expect(toks.contains { $0 == ("qu’", .elision) })
        #expect(toks.contains { $0 == ("aujourd'hui", .word) })
        #expect(toks.contains { $0 == ("Jean-Yves", .word) })
        #expect(toks.contains { $0 == ("'s", .possessive) })
        #expect(toks.contains { $0 == ("NATO", .word) })
        #expect(toks.contains { $0 == ("2,5", .number) })
        #expect(toks.contains { $0 == (",", .punctuation) })
    }

    @Test func displayWidthCountsColumns() {
        #expect(DisplayWidth.of("« été »") == 7)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("جرأة") == 4)
    }

    @Test func sanitizerMakesControlsVisible() {
        let hostile = "a\u{1B}]52;c;ZXZpbA==\u{07}b\u{1B}[2Jc\u{9B}d\u{202E}e"
        let safe = TerminalSanitizer.sanitize(hostile)
        #expect(TerminalSanitizer.isSafe(safe))
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(safe.hasPrefix("a\u{241B}]52;c;"))
    }
}
