import Testing
@testable import DixitKit

/// Boundaries of `../shared/eval/GUIDELINES.md`: no article or elision, no title, whole multiword names.
@Suite struct EntityBoundaryTests {
    @Test func elisionIsNotPartOfTheName() {
        let t = types("Réunion à Bruxelles\n\nLes ministres de l'OTAN se retrouvent jeudi, a indiqué l'alliance.")
        #expect(t["OTAN"] == .organisation)
        #expect(t["l'OTAN"] == nil)
    }

    @Test func titleIsNotPartOfTheName() {
        let t = types("Visite officielle\n\nLe président Emmanuel Macron a reçu mardi le chancelier Olaf Scholz à l'Élysée.")
        #expect(t["Emmanuel Macron"] == .person)
        #expect(t["Olaf Scholz"] == .person)
        #expect(!t.keys.contains { $0.contains("président") || $0.contains("chancelier") })
    }

    @Test func englishCapitalisedTitlesAndNationalitiesAreCut() {
        let t = types("Talks stall\n\nThe talks stalled on Monday, Russian President Vladimir Putin told reporters, while Prime Minister Rishi Sunak stayed in London.")
        #expect(t["Vladimir Putin"] == .person)
        #expect(t["Rishi Sunak"] == .person)
        #expect(t["London"] == .location)
        #expect(t["Russian President Vladimir Putin"] == nil)
        #expect(t["Russian"] == nil)
    }

    @Test func multiwordNamesAreWhole() {
        let t = types("""
        Santé mondiale

        L'Organisation mondiale de la santé a salué jeudi l'accord conclu entre la Corée du Sud et la Nouvelle-Zélande.
        Le ministre Jean-Yves Le Drian a rencontré le prince héritier Mohammed ben Salmane à Riyad.
        """)
        #expect(t["Organisation mondiale de la santé"] == .organisation)
        #expect(t["Corée du Sud"] == .location)
        #expect(t["Nouvelle-Zélande"] == .location)
        #expect(t["Jean-Yves Le Drian"] == .person)
        #expect(t["Mohammed ben Salmane"] == .person)
        #expect(t["Corée"] == nil)
        #expect(t["Salmane"] == nil)
    }

    @Test func lowercaseFrenchOrganisationAndPlaceNames() {
        let t = types("""
        Tensions en Asie

        Le ministère des Affaires étrangères a convoqué l'ambassadeur après des manœuvres dans le détroit de Taïwan et en mer Noire.
        La Chambre des représentants doit voter la semaine prochaine.
        """)
        #expect(t["ministère des Affaires étrangères"] == .organisation)
        #expect(t["détroit de Taïwan"] == .location)
        #expect(t["mer Noire"] == .location)
        #expect(t["Chambre des représentants"] == .organisation)
    }

    @Test func englishOrganisationNamesWithConnectors() {
        let t = types("Rates\n\nThe Bank of Jamaica held its rate, while the Global Wind and Solar Council cut its forecast, Statistics Norway said.")
        #expect(t["Bank of Jamaica"] == .organisation)
        #expect(t["Global Wind and Solar Council"] == .organisation)
    }

    @Test func aNameStopsWhereAnotherBegins() {
        let t = types("Enquête\n\nLe Financial Times Omar Haddad était chroniqueur, a rappelé le porte-parole du Kremlin Ivan Sorokin.")
        #expect(t["Financial Times"] == .organisation)
        #expect(t["Omar Haddad"] == .person)
        #expect(t["Ivan Sorokin"] == .person)
        #expect(t["Kremlin"] == .organisation)
    }

    @Test func possessiveIsNotPartOfTheName() {
        let found = entities("Deal\n\nMicrosoft's chief executive Anil Mehta said the deal would close in June.")
        #expect(found.contains { $0.text == "Microsoft" && $0.type == .organisation })
        #expect(found.contains { $0.text == "Anil Mehta" && $0.type == .person })
    }

    @Test func datelinePlaceInCapitals() {
        let t = types("Launch\n\nCUPERTINO, Calif. (AP) — The company unveiled its phone on Tuesday.")
        #expect(t["CUPERTINO"] == .location)
        #expect(t["AP"] == .organisation)
    }

    @Test func sentenceInitialTitleIsCutFromTheName() {
        let t = types("Launch\n\nThe phone is new. Chief Executive Tim Cook told the audience it was the best yet.")
        #expect(t["Tim Cook"] == .person)
        #expect(t["Executive"] == nil)
        #expect(t["Chief Executive Tim Cook"] == nil)
    }
}
