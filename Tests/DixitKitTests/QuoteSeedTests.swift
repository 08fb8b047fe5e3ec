import Testing
@testable import DixitKit

/// The seed articles, with the quotes and speakers a reader sees in them.
@Suite struct QuoteSeedTests {
    @Test func seed004AllElevenQuotesWithTheirSpeakers() throws {
        let a = try QuoteTestSupport.seed("004_f57e383da64bcd99.txt")
        let quotes = QuoteExtractor().extract(a, entities: [])
        #expect(QuoteTestSupport.spansAreConsistent(quotes, in: a))
        let direct = quotes.filter { $0.kind != .indirect }
        #expect(direct.count == 11)
        let expected: [(String, String)] = [
            ("d'autres atrocités", "Jens Stoltenberg"),
            ("les images horribles de civils assassinés", "Jens Stoltenberg"),
            ("Quand et s'ils retirent leurs troupes", "Jens Stoltenberg"),
            ("Moscou ne renonce pas à ses ambitions", "Jens Stoltenberg"),
            ("Dans les semaines à venir", "Jens Stoltenberg"),
            ("C'est une phase cruciale de la guerre", "Jens Stoltenberg"),
            ("équipement et d'un soutien militaire plus avancés", "Jens Stoltenberg"),
            ("des javelots et d'autres armes antichars", "Jens Stoltenberg"),
            ("plus nous pouvons fournir de force", "Jens Stoltenberg"),
            ("décisions souveraines", "Julianne Smith"),
            ("Je dirais que plus des deux tiers", "Julianne Smith"),
        ]
        for (words, speaker) in expected {
            #expect(direct.quote(words)?.speaker == speaker, "\(words)")
        }
        let smith = direct.quote("Je dirais que")
        #expect(smith?.speakerMention?.text == "elle")
        #expect(smith?.cue?.text == "a-t-elle déclaré")
        #expect(direct.quote("C'est une phase")?.kind == .direct)
        #expect(direct.quote("d'autres atrocités")?.kind == .partial)
        // The title's stray closing mark starts no quote.
        #expect(!direct.contains { a.title.map($0.span.overlaps) ?? false })
    }

    @Test func seed000QuotesWithTheirSpeakers() throws {
        let a = try QuoteTestSupport.seed("000_62b49142b57b139c.txt")
        let quotes = QuoteExtractor().extract(a, entities: [])
        #expect(QuoteTestSupport.spansAreConsistent(quotes, in: a))
        let expected: [(String, String)] = [
            ("fictif", "Jens Stoltenberg"),
            ("Les référendums fictifs n’ont aucune légitimité", "Jens Stoltenberg"),
            ("une nouvelle escalade", "Jens Stoltenberg"),
            ("La communauté internationale doit condamner", "Jens Stoltenberg"),
            ("un affront aux principes", "Jake Sullivan"),
            ("Nous ne reconnaîtrons jamais", "Jake Sullivan"),
            ("créer des forces armées puissantes", "Piotr Porochenko"),
        ]
        for (words, speaker) in expected {
            #expect(quotes.quote(words)?.speaker == speaker, "\(words)")
        }
        #expect(quotes.indirect("l’offensive russe n’a pas été provoquée")?.speaker == "Kiev")
    }
}
