import Foundation
@testable import DixitKit

/// Builds articles from paragraphs written for the tests, and checks quote invariants.
enum QuoteTestSupport {
    /// An article whose first paragraph is the title and the others the body.
    static func article(_ paragraphs: [String], language: String = "fr") -> Article {
        var text = ""
        var spans: [Paragraph] = []
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += p
            spans.append(Paragraph(span: Span(start, text.unicodeScalars.count), role: i == 0 ? .title : .body))
        }
        let scalars = ScalarText(text)
        return Article(path: "test.txt", text: scalars, title: spans.first?.span, paragraphs: spans, language: language)
    }

    static func quotes(_ paragraphs: [String], language: String = "fr", entities: [Entity] = []) -> [Quote] {
        let a = article(paragraphs, language: language)
        let quotes = QuoteExtractor().extract(a, entities: entities)
        assertSpans(quotes, in: a)
        return quotes
    }

    /// Every text field equals the article's text at its span.
    static func spansAreConsistent(_ quotes: [Quote], in a: Article) -> Bool {
        quotes.allSatisfy { q in
            a.text[q.span] == q.text
                && (q.speakerMention.map { a.text[$0.span] == $0.text } ?? true)
                && (q.cue.map { a.text[$0.span] == $0.text } ?? true)
        }
    }

    static func assertSpans(_ quotes: [Quote], in a: Article) {
        precondition(spansAreConsistent(quotes, in: a), "quote text does not match its span")
    }

    /// The repository root, three levels above this file.
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func seed(_ name: String) throws -> Article {
        let path = repoRoot.appendingPathComponent("seeds").appendingPathComponent(name).path
        return try ArticleLoader().load(path).get()
    }
}

extension Array where Element == Quote {
    /// The first direct or partial quote whose text contains `words`.
    func quote(_ words: String) -> Quote? { first { $0.kind != .indirect && $0.text.contains(words) } }
    func indirect(_ words: String) -> Quote? { first { $0.kind == .indirect && $0.text.contains(words) } }
}
