import Testing
@testable import DixitKit

/// Broken and adversarial text never crashes extraction and keeps every span consistent.
@Suite struct QuoteRobustnessTests {
    /// A small deterministic generator (xorshift), so the test is reproducible.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let alphabet: [String] = [
        "«", "»", "“", "”", "„", "‹", "›", "\"", "'", "‘", "’", " ", " ", " ", "\u{A0}", "\u{202F}", ",", ".", ":",
        "a-t-il", "dit", "déclaré", "said", "Smith", "Jean", "Dupont", "il", "elle", "he", "she", "que", "that",
        "selon", "according", "to", "le", "la", "the", "a", "à", "M.", "Mme", "—", "-", "(", ")", "!", "?", "…",
        "\u{1F600}", "é", "\u{301}", "n'", "pas", "X", "qu'", "l'", "Kremlin",
    ]

    @Test func randomTextNeverBreaksSpans() {
        var g = Generator(state: 0x9E3779B97F4A7C15)
        for language in ["fr", "en"] {
            for _ in 0..<150 {
                var paragraphs: [String] = []
                for _ in 0..<(1 + Int(g.next() % 5)) {
                    var p = ""
                    for _ in 0..<(Int(g.next() % 60)) {
                        p += QuoteRobustnessTests.alphabet[Int(g.next() % UInt64(QuoteRobustnessTests.alphabet.count))]
                        if g.next() % 3 == 0 { p += " " }
                    }
                    paragraphs.append(p)
                }
                let a = QuoteTestSupport.article(paragraphs, language: language)
                let quotes = QuoteExtractor().extract(a, entities: [])
                #expect(QuoteTestSupport.spansAreConsistent(quotes, in: a))
                #expect(quotes.allSatisfy { $0.span.start >= 0 && $0.span.end <= a.text.count })
            }
        }
    }

    @Test func emptyAndMarkOnlyArticles() {
        for text in [[""], ["«"], ["»»»"], ["\"\"\"\""], ["Titre", "« »"], ["Titre", "“", "”"], ["a-t-il", "dit-elle"]] {
            let a = QuoteTestSupport.article(text)
            let quotes = QuoteExtractor().extract(a, entities: [])
            #expect(QuoteTestSupport.spansAreConsistent(quotes, in: a))
        }
    }

    @Test func unclosedMarkInALongParagraphStaysInIt() {
        let long = "« " + String(repeating: "Nous continuerons le combat, ", count: 400)
        let q = QuoteTestSupport.quotes(["Titre", long, "Le maire, Jean Roux, a dit « merci »."])
        #expect(q.quote("merci")?.speaker == "Jean Roux")
        #expect(q.quote("Nous continuerons")?.span.end ?? 0 <= long.unicodeScalars.count + 10)
    }
}
