import Foundation
import Testing
@testable import DixitKit

/// Text that is valid but shaped to break a parser: huge lines, floods of quote
/// marks, unbalanced nesting, no words at all. Each loads and the whole analysis
/// (entities and quotes included) completes with well-formed spans, on the full sizes
/// (10 MB, 100,000 marks): every stage is linear (see Benchmarks/HostileBench, which
/// measures the time; a debug-build test only has to finish).
@Suite struct HostileInputShapeTests {
    /// Loads and analyses the whole input (decode, structure, entities, quotes, export).
    @discardableResult
    static func loadAndAnalyse(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        let analysed = try analyseBytes(bytes).get()
        expectWellFormed(analysed, sourceLocation: sourceLocation)
        _ = ExportFormat.articleJSON(analysed)
        return analysed.article
    }

    static let sentence = "Le ministre a déclaré mardi à Bruxelles : « Nous ne céderons rien », selon l'Agence France-Presse. "

    @Test func tenMegabyteSingleLine() throws {
        var bytes: [UInt8] = []
        let unit = Array(Self.sentence.utf8)
        bytes.reserveCapacity(10_000_000 + unit.count)
        while bytes.count < 10_000_000 { bytes += unit }
        let article = try Self.loadAndAnalyse(bytes)
        // One line: it is the title; nothing else.
        #expect(article.paragraphs.count == 1)
        #expect(article.title == article.paragraphs.first?.span)
        #expect(article.text.count == Self.sentence.unicodeScalars.count * (bytes.count / unit.count))
    }

    @Test func tenMegabytesWithoutAnySpaceOrPunctuation() throws {
        let article = try Self.loadAndAnalyse([UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000))
        #expect(article.paragraphs.count == 1)
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
        let article = try Self.loadAndAnalyse(Array(text.utf8))
        #expect(article.paragraphs.count == 3, "\(kind)")
    }

    @Test func quoteMarksBetweenWordsOnOneLine() throws {
        var line = ""
        for i in 0..<20_000 { line += i % 2 == 0 ? "« mot » " : "“dit” " }
        try Self.loadAndAnalyse(Array(("Titre\n" + line).utf8))
    }

    @Test func deeplyNestedMarks() throws {
        let depth = 10_000
        let nested = String(repeating: "« ", count: depth) + "cœur" + String(repeating: " »", count: depth)
        let curly = String(repeating: "“‘", count: depth) + "cœur" + String(repeating: "’”", count: depth)
        for body in [nested, curly] {
            try Self.loadAndAnalyse(Array(("Titre\n" + body + ", a affirmé Jean Martin.\n").utf8))
        }
        // Small enough to analyse whole: nesting closed at the end.
        let small = String(repeating: "« ", count: 300) + "cœur" + String(repeating: " »", count: 300)
        expectWellFormed(try analyseBytes(Array(("Titre\n" + small + ", a affirmé Jean Martin.\n").utf8)).get())
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
            try Self.loadAndAnalyse(Array(("Titre de l'article\n" + body).utf8))
        }
    }

    @Test func onlyPunctuation() throws {
        let line = "!?.,;:…—–-«»“”‘’\"'()[]{}/\\|@#%&*+=<>~^`_"
        let text = (0..<2_000).map { i in String(line.shuffledDeterministically(seed: i)) }.joined(separator: "\n")
        let article = try Self.loadAndAnalyse(Array(text.utf8))
        #expect(article.paragraphs.count == 2_000)
        let a = try analyseBytes(Array(text.utf8))
        #expect(try a.get().entities.isEmpty, "no name in pure punctuation")
    }

    /// Thousands of different people sharing four surnames, each quoted in a paragraph of
    /// their own: the surname and fullest-name look-ups must not compare every name with every
    /// other (quadratic), and each quote still goes to the person its paragraph names.
    @Test func thousandsOfPeopleSharingSurnames() throws {
        let syllables = ["ba", "lo", "mi", "ra", "tu", "ne", "so", "vi"]
        let surnames = ["Dupont", "Martin", "Durand", "Lefebvre"]
        var lines = ["Les témoins se succèdent"]
        var speakers: [String] = []
        for n in 0..<4_000 {
            var first = "Zu", k = n
            repeat { first += syllables[k % syllables.count]; k /= syllables.count } while k > 0
            let name = first + " " + surnames[n % surnames.count]
            speakers.append(name)
            lines.append("« Nous tiendrons », a déclaré \(name) mardi à Lyon.")
        }
        let a = try analyseBytes(Array((lines.joined(separator: "\n") + "\n").utf8)).get()
        expectWellFormed(a)
        let direct = a.quotes.filter { $0.text == "Nous tiendrons" }
        #expect(direct.count == speakers.count)
        let misattributed = zip(direct, speakers).filter { $0.speaker != $1 }.map { "\($0.speaker ?? "-") for \($1)" }
        #expect(misattributed.isEmpty, "\(misattributed.prefix(5))")
        #expect(a.entities.filter { $0.type == .person }.count == speakers.count)
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
        let article = try Self.loadAndAnalyse(Array(text.utf8))
        #expect(article.paragraphs.count == 200_000 + 10)
    }

    @Test func combiningMarksAndZeroWidthFloods() throws {
        let text = "Titre\n" + "e" + String(repeating: "\u{301}", count: 100_000) + "\n"
            + String(repeating: "\u{200D}\u{FE0F}\u{200B}", count: 30_000) + "\n"
            + String(repeating: "👩‍👩‍👧‍👦", count: 10_000) + "\n"
        let article = try Self.loadAndAnalyse(Array(text.utf8))
        #expect(article.paragraphs.count == 4)
        for p in article.paragraphs {
            let s = TerminalSanitizer.sanitize(article.text[p.span])
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
