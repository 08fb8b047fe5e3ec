import Testing
@testable import DixitKit

@Suite struct EntityIndexTests {
    func analyzed(_ path: String, _ text: String) -> AnalyzedArticle {
        let article = StructureParser.parse(path: path, text: ScalarText(text))
        return AnalyzedArticle(article: article, entities: EntityRecognizer().recognize(article))
    }

    @Test func indexGroupsByCanonicalNameAcrossArticles() {
        let a = analyzed("a.txt", "Alliance\n\nLe chef de l'OTAN, Jens Stoltenberg, était à Kiev. Stoltenberg a promis des armes.")
        let b = analyzed("b.txt", "Sommet\n\nJens Stoltenberg a rencontré les ministres à Bruxelles.")
        let index = EntityIndex([a, b])
        let entry = index.entry(named: "jens stoltenberg", type: .person)
        #expect(entry?.mentions == 3)
        #expect(entry?.articles == ["a.txt", "b.txt"])
        #expect(entry?.forms.sorted() == ["Jens Stoltenberg", "Stoltenberg"])
        #expect(entry?.occurrences.map(\.count) == [2, 1])
        #expect(entry.map { index.articleIndexes(of: $0) } == [0, 1])
        // Jump targets are the mentions' spans, in text order.
        if let occurrence = entry?.occurrences.first {
            #expect(occurrence.spans.map { a.article.text[$0] } == ["Jens Stoltenberg", "Stoltenberg"])
        }
        #expect(index.entries.first?.name == "Jens Stoltenberg")
        #expect(index.entries(matching: "kiev").map(\.name) == ["Kiev"])
        #expect(index.entries(matching: "", type: .organisation).map(\.name) == ["OTAN"])
    }
}
