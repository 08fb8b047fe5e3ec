import Testing
@testable import DixitKit

/// One identity per entity in an article, and every occurrence of a name found.
@Suite struct EntityConsistencyTests {
    @Test func surnameTakesThePersonsFullNameAsCanonical() {
        let found = entities("""
        Alliance

        Le chef de l'alliance, Jens Stoltenberg, a parlé mardi.
        Stoltenberg a ajouté que les alliés étaient unis.
        """)
        let stoltenberg = found.filter { $0.text == "Stoltenberg" }
        #expect(stoltenberg.count == 1)
        #expect(stoltenberg.allSatisfy { $0.type == .person && $0.canonical == "Jens Stoltenberg" })
        #expect(found.contains { $0.text == "Jens Stoltenberg" && $0.canonical == "Jens Stoltenberg" })
    }

    @Test func sentenceInitialSurnameIsFoundOnceThePersonIsKnown() {
        let found = entities("""
        Sénat

        Hier, la sénatrice Ingrid Vasquez-Tolland a voté contre.
        Vasquez-Tolland dit regretter le texte.
        """)
        #expect(found.filter { $0.text == "Vasquez-Tolland" }.count == 1)
    }

    @Test func acronymAndExpansionShareOneIdentity() {
        let found = entities("""
        Diplomatie

        L'Organisation de la coopération maritime (OCM) s'est opposée au texte. L'OCM réunit 57 États.
        """)
        let oci = found.filter { $0.text == "OCM" }
        #expect(oci.count == 2)
        #expect(oci.allSatisfy { $0.type == .organisation && $0.canonical == "Organisation de la coopération maritime" })
        #expect(found.contains { $0.text == "Organisation de la coopération maritime" })
    }

    @Test func aPersonsSurnameWinsOverAPlaceOfTheSameName() {
        let found = entities("Awards\n\nMarcus Dallas won best actor. Dallas thanked his family.")
        #expect(found.filter { $0.text == "Dallas" }.allSatisfy { $0.type == .person && $0.canonical == "Marcus Dallas" })
    }

    @Test func particleSurnameIsOneName() {
        let found = entities("Défense\n\nJean-Yves Le Drian était à Rome. Le Drian a ensuite rejoint Madrid.")
        let short = found.filter { $0.text == "Le Drian" }
        #expect(short.count == 1)
        #expect(short.first?.canonical == "Jean-Yves Le Drian")
        #expect(!found.contains { $0.text == "Drian" })
    }

    @Test func namesInBoilerplateLinesAreHighlightedToo() {
        let article = entityArticle("""
        Guerre en Ukraine

        Le président Volodymyr Zelensky a parlé à Kiev.

        Lire aussi : Zelensky reçu à Kiev par les alliés
        """)
        let found = EntityRecognizer().recognize(article)
        let boilerplate = article.paragraphs.filter { $0.role == .boilerplate }
        #expect(boilerplate.count == 1)
        #expect(found.contains { e in boilerplate[0].span.contains(e.span) && e.text == "Zelensky" && e.canonical == "Volodymyr Zelensky" })
    }

    @Test func aNameInCapitalsTakesTheNormalSpellingAsCanonical() {
        let found = entities("Sommet\n\nWASHINGTON (AP) — Le sommet de Washington a commencé mardi.")
        #expect(found.contains { $0.text == "WASHINGTON" && $0.type == .location && $0.canonical == "Washington" })
        #expect(found.contains { $0.text == "AP" && $0.type == .organisation })
    }

    @Test func aCompanysShortNameTakesItsFullName() {
        let found = entities("Earnings\n\nVelmora Inc. reported a loss on Tuesday. Velmora said demand had slowed.")
        #expect(found.contains { $0.text == "Velmora" && $0.type == .organisation && $0.canonical == "Velmora Inc." })
    }

    @Test func aRunEndingWithAKnownPersonIsThatPersonsFullName() {
        let found = entities("Sondage\n\nLes électeurs préfèrent Bright Harrowgate dans trois États. Mme Harrowgate a salué le résultat.")
        #expect(found.contains { $0.text == "Bright Harrowgate" && $0.type == .person })
        #expect(found.contains { $0.text == "Harrowgate" && $0.canonical == "Bright Harrowgate" })
    }
}
