import Foundation
import Testing
@testable import DixitKit

/// Text that is valid but shaped to break a parser: huge lines, floods of quote
/// marks, unbalanced nesting, no words at all. Each loads and the analysis completes
/// with well-formed spans. (Speed is measured by Benchmarks/HostileBench, not here.)
@Suite struct HostileInputShapeTests {
    static let sentence = "Le ministre a déclaré mardi à Bruxelles : « Nous ne céderons rien », selon l'Agence France-Presse. "

    @Test func tenMegabyteSingleLine() throws {
        var bytes: [UInt8] = []
        let unit = Array(Self.sentence.utf8)
        bytes.reserveCapacity(10_000_000 + unit.count)
        while bytes.count < 10_000_000 { bytes += unit }
        let a = try analyseBytes(bytes).get()
        // One line: it is the title; nothing else.
        #expect(a.article.paragraphs.count == 1)
        #expect(a.article.title == a.article.paragraphs.first?.span)
        #expect(a.article.text.count == Self.sentence.unicodeScalars.count * (bytes.count / unit.count))
        expectWellFormed(a)
    }

    @Test func tenMegabytesWithoutAnySpaceOrPunctuation() throws {
        let a = try analyseBytes([UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000)).get()
        #expect(a.article.paragraphs.count == 1)
        #expect(a.quotes.isEmpty)
        expectWellFormed(a)
    }

    static let quoteFloods: [(String, String)] = [
        ("ASCII double quotes", "\""),
        ("French opening guillemets", "«"),
        ("French closing guillemets", "»"),
        ("guillemet pairs", "«»"),
        ("curly pairs", "“”"),
        ("reversed curly pairs", "”“"),
        ("single curly quotes", "‘’"),
        ("apostrophes", "'"),
        ("quote with space", "« "),
        ("German and low marks", "„“‚‘"),
    ]

    @Test(arguments: 0..<quoteFloods.count)
    func hundredThousandQuoteMarks(_ index: Int) throws {
        let (kind, unit) = Self.quoteFloods[index]
        let marks = String(repeating: unit, count: 100_000 / unit.count)
        let text = "Flot de guillemets\n" + marks + "\n« Fin », a dit Marie Dupont.\n"
        let a = try analyseBytes(Array(text.utf8)).get()
        #expect(a.article.paragraphs.count == 3, "\(kind)")
        #expect(a.quotes.count <= 100_001, "\(kind)")
        expectWellFormed(a)
    }

    @Test func quoteMarksBetweenWordsOnOneLine() throws {
        var line = ""
        for i in 0..<20_000 { line += i % 2 == 0 ? "« mot » " : "“dit” " }
        let a = try analyseBytes(Array(("Titre\n" + line).utf8)).get()
        expectWellFormed(a)
    }

    @Test func deeplyNestedMarks() throws {
        let depth = 10_000
        let nested = String(repeating: "« ", count: depth) + "cœur" + String(repeating: " »", count: depth)
        let curly = String(repeating: "“‘", count: depth) + "cœur" + String(repeating: "’”", count: depth)
        for body in [nested, curly] {
            let a = try analyseBytes(Array(("Titre\n" + body + ", a affirmé Jean Martin.\n").utf8)).get()
            expectWellFormed(a)
        }
    }

    @Test func unbalancedMarks() throws {
        let cases = [
            String(repeating: "« Il a dit que ", count: 5_000) + "rien.",           // never closed
            String(repeating: "fin » ", count: 5_000),                               // never opened
            String(repeating: "« a “ b » c ” ", count: 5_000),                       // crossed
            String(repeating: "\" ouvert ", count: 5_001),                           // odd count of ASCII quotes
            "« Une citation ouverte au début\n" + String(repeating: "Un paragraphe sans fin de citation.\n", count: 2_000),
        ]
        for body in cases {
            let a = try analyseBytes(Array(("Titre de l'article\n" + body).utf8)).get()
            expectWellFormed(a)
            for q in a.quotes {
                #expect(!q.text.isEmpty)
            }
        }
    }

    @Test func onlyPunctuation() throws {
        let line = "!?.,;:…—–-«»“”‘’\"'()[]{}/\\|@#%&*+=<>~^`_"
        let text = (0..<2_000).map { i in String(line.shuffledDeterministically(seed: i)) }.joined(separator: "\n")
        let a = try analyseBytes(Array(text.utf8)).get()
        #expect(a.entities.isEmpty, "no name in pure punctuation")
        #expect(a.article.paragraphs.count == 2_000)
        expectWellFormed(a)
    }

    @Test func emptyAndBlankFilesAreArticlesWithoutBody() throws {
        for text in ["", " ", "\n\n\n", "\r\n\r\n", "\u{A0}\u{2028}\u{3000}\t", "\u{FEFF}"] {
            let a = try analyseBytes(Array(text.utf8)).get()
            #expect(a.article.paragraphs.isEmpty, "\(Array(text.unicodeScalars))")
            #expect(a.article.title == nil)
            #expect(a.quotes.isEmpty && a.entities.isEmpty)
        }
    }

    @Test func manyShortLinesAndLongLines() throws {
        // 200,000 one-character lines, then lines of growing length.
        var text = String(repeating: "x\n", count: 200_000)
        for n in stride(from: 1, to: 40_000, by: 4_000) { text += String(repeating: "Paris ", count: n) + "\n" }
        let a = try analyseBytes(Array(text.utf8)).get()
        #expect(a.article.paragraphs.count == 200_000 + 10)
        expectWellFormed(a)
    }

    @Test func combiningMarksAndZeroWidthFloods() throws {
        let text = "Titre\n" + "e" + String(repeating: "\u{301}", count: 100_000) + "\n"
            + String(repeating: "\u{200D}\u{FE0F}\u{200B}", count: 30_000) + "\n"
            + String(repeating: "👩‍👩‍👧‍👦", count: 10_000) + "\n"
        let a = try analyseBytes(Array(text.utf8)).get()
        #expect(a.article.paragraphs.count == 4)
        expectWellFormed(a)
        for p in a.article.paragraphs {
            let s = TerminalSanitizer.sanitize(a.article.text[p.span])
            #expect(DisplayWidth.of(s) <= 2 * s.unicodeScalars.count)
        }
    }
}

extension String {
    /// The characters in an order fixed by `seed` (a test needs the same text every run).
    func shuffledDeterministically(seed: Int) -> String {
        var state = UInt64(truncatingIfNeeded: seed) &* 6364136223846793005 &+ 1442695040888963407
        var chars = Array(self)
        for i in stride(from: chars.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            chars.swapAt(i, Int(state >> 33) % (i + 1))
        }
        return String(chars)
    }
}
