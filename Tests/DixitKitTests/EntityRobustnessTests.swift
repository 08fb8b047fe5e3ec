import Testing
@testable import DixitKit

/// Bad or odd input never crashes the recognizer, and spans always fit the text.
@Suite struct EntityRobustnessTests {
    static let inputs: [String] = [
        "", "\n\n", "M.", "U.S", "U.S.", "Acme Inc", "(", "OTAN (", "(OTAN)", "Le", "La Corée du", "ministère des",
        "mer", "détroit de", "Jean-", "-Yves", "al-", "D.", "D. ", "«", "“Once Upon", "Parti des travailleurs du",
        "Titre\n\nLe chef de l'OTAN,", "Titre\n\nM. M. M.", "Titre\n\n@WHO_Europe #COP99", "Titre\n\nGOP-", "Titre\n\n, Jens",
        String(repeating: "Très Grande Organisation ", count: 50), "A\u{301}B\u{301} C\u{0327}", "\u{FEFF}Kiev\u{0}Moscou",
    ]

    @Test(arguments: inputs) func oddInputDoesNotCrash(_ text: String) {
        let article = entityArticle(text)
        let found = EntityRecognizer().recognize(article)
        for e in found {
            #expect(e.span.end <= article.text.count)
            #expect(article.text[e.span] == e.text)
            #expect(!e.text.isEmpty)
        }
    }
}
