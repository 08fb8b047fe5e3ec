import Foundation
import Testing
@testable import DixitKit

/// Builds an article from text written the way news is written.
func entityArticle(_ text: String, path: String = "test.txt") -> Article {
    StructureParser.parse(path: path, text: ScalarText(text))
}

/// The entities of an article, checked for the export contract on the way:
/// each entity's `text` is the article's text at its span, spans do not overlap.
func entities(_ text: String) -> [Entity] {
    let article = entityArticle(text)
    let found = EntityRecognizer().recognize(article)
    for e in found { #expect(article.text[e.span] == e.text) }
    for (a, b) in zip(found, found.dropFirst()) { #expect(a.span.end <= b.span.start) }
    return found
}

/// Surface form → type of the entities found (the last one seen wins).
func types(_ text: String) -> [String: EntityType] {
    Dictionary(entities(text).map { ($0.text, $0.type) }, uniquingKeysWith: { _, b in b })
}

/// The repository root, three levels above this file (Tests/DixitKitTests/File.swift).
func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
