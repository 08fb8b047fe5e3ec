import Foundation
import Testing
@testable import DixitKit

/// The entities of the seed articles (`seeds/`).
@Suite struct EntitySeedTests {
    func seed(_ name: String) throws -> (Article, [Entity]) {
        let path = repositoryRoot().appendingPathComponent("seeds").appendingPathComponent(name).path
        let article = try ArticleLoader().load(path).get()
        return (article, EntityRecognizer().recognize(article))
    }

    @Test func seed004() throws {
        let (article, found) = try seed("004_f57e383da64bcd99.txt")
        for e in found { #expect(article.text[e.span] == e.text) }
        func has(_ text: String, _ type: EntityType, canonical: String? = nil) -> Bool {
            found.contains { $0.text == text && $0.type == type && (canonical == nil || $0.canonical == canonical) }
        }
        #expect(has("Jens Stoltenberg", .person, canonical: "Jens Stoltenberg"))
        #expect(found.filter { $0.text == "Stoltenberg" }.count >= 4)
        #expect(found.filter { $0.text == "Stoltenberg" }.allSatisfy { $0.type == .person && $0.canonical == "Jens Stoltenberg" })
        #expect(has("Julianne Smith", .person))
        #expect(has("OTAN", .organisation))
        #expect(has("G7", .organisation))
        for place in ["Kiev", "Ukraine", "Moscou", "Crimée", "Donbass", "Corée du Sud", "Nouvelle-Zélande", "États-Unis", "Russie"] {
            #expect(has(place, .location), "\(place)")
        }
        // Every `OTAN` of the text, the title's included, and no title or article in a name.
        let otan = article.text.string.components(separatedBy: "OTAN").count - 1
        #expect(found.filter { $0.text == "OTAN" }.count == otan)
        #expect(!found.contains { $0.text.hasPrefix("l'") || $0.text.hasPrefix("Le ") || $0.text == "Mardi" || $0.text == "Afficher" })
    }

    @Test func seed000() throws {
        let (article, found) = try seed("000_62b49142b57b139c.txt")
        for e in found { #expect(article.text[e.span] == e.text) }
        #expect(found.contains { $0.text == "Jens Stoltenberg" && $0.type == .person })
        #expect(found.contains { $0.text == "Jake Sullivan" && $0.type == .person })
        #expect(found.contains { $0.text == "Sullivan" && $0.canonical == "Jake Sullivan" })
        #expect(found.contains { $0.text == "Maison Blanche" && $0.type != .person })
        #expect(found.contains { $0.text == "Ukraine" && $0.type == .location })
    }
}
