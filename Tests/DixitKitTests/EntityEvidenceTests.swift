import Testing
@testable import DixitKit

/// Each kind of evidence the recognizer uses, on sentences written like news.
@Suite struct EntityEvidenceTests {
    @Test func titleBeforeAnUnknownNameMakesAPerson() {
        let t = types("Procès\n\nSelon Mme Kowalczyk, le dossier est vide. M. Abernathy n'a pas répondu.")
        #expect(t["Kowalczyk"] == .person)
        #expect(t["Abernathy"] == .person)
    }

    @Test func appositionMakesAPerson() {
        let t = types("Sommet\n\nLe porte-parole du gouvernement, Okonkwo Adebayor, a démenti toute rupture.")
        #expect(t["Okonkwo Adebayor"] == .person)
    }

    @Test func speechCueMakesAPerson() {
        let t = types("Climat\n\nLe texte est insuffisant, a déclaré Zaporozhets lors d'un point presse. « Nous irons plus loin », a dit Kvitova.")
        #expect(t["Zaporozhets"] == .person)
        #expect(t["Kvitova"] == .person)
    }

    @Test func prepositionBeforeMakesAPlace() {
        let t = types("Inondations\n\nLes secours sont arrivés à Ouarzazate dans la nuit, après des pluies en Tchoukotka.")
        #expect(t["Ouarzazate"] == .location)
        #expect(t["Tchoukotka"] == .location)
    }

    @Test func organisationKeywordsMakeAnOrganisation() {
        let t = types("""
        Marchés

        La Banque centrale du Zambèze a relevé son taux, et Acme Holdings Inc. a suspendu sa cotation.
        Le Parti populaire libéral a quitté la coalition, selon l'Université de Lausanne.
        """)
        #expect(t["Acme Holdings Inc."] == .organisation)
        #expect(t["Parti populaire libéral"] == .organisation)
        #expect(t["Université de Lausanne"] == .organisation)
    }

    @Test func commonNounBeforeTypesTheName() {
        let t = types("Élections\n\nLe parti Vallora a dénoncé le scrutin, relayé par l'agence Novapress et la région de Kasserak.")
        #expect(t["Vallora"] == .organisation)
        #expect(t["Novapress"] == .organisation)
        #expect(t["Kasserak"] == .location)
    }

    @Test func acronymsAreOrganisations() {
        let t = types("Grève\n\nLa CGT et FO appellent à manifester, a annoncé l'AFP.")
        #expect(t["CGT"] == .organisation)
        #expect(t["FO"] == .organisation)
        #expect(t["AFP"] == .organisation)
    }

    @Test func lexiconsKnowCountriesAndCapitalsInBothLanguages() {
        let t = types("Diplomatie\n\nL'Allemagne et la Suède ont reçu Moscou, tandis que Washington et Pékin se parlent. Germany and Sweden also met.")
        for name in ["Allemagne", "Suède", "Moscou", "Washington", "Pékin", "Germany", "Sweden"] {
            #expect(t[name] == .location, "\(name)")
        }
    }

    @Test func firstNamesMakeAPerson() {
        let t = types("Football\n\nUne rencontre entre Kylian Ebongue et Margaux Tessier-Lavigne est prévue.")
        #expect(t["Kylian Ebongue"] == .person)
        #expect(t["Margaux Tessier-Lavigne"] == .person)
    }

    @Test func sentenceInitialCommonWordsMonthsAndWeekdaysAreNotEntities() {
        let t = types("""
        Agenda

        Mardi, les députés ont voté. Lire aussi notre analyse.
        Afficher le programme de Juillet. On Tuesday, lawmakers met in March.
        """)
        for word in ["Mardi", "Lire", "Afficher", "Juillet", "On", "Tuesday", "March", "Les"] {
            #expect(t[word] == nil, "\(word)")
        }
    }

    @Test func titleCaseHeadlinesOnlyKeepKnownNames() {
        let found = entities("Drama Scores Historic Upset At Awards In Oslo\n\nThe film won in Oslo on Sunday.")
        #expect(!found.contains { $0.text.contains("Scores") || $0.text.contains("Historic") })
        #expect(found.filter { $0.text == "Oslo" }.count == 2)
    }
}

/// Evidence that needs a little more context.
@Suite struct EntityContextEvidenceTests {
    @Test func ageAppositionMakesAPerson() {
        let t = types("Procès\n\nL'accusé, Tiberiu Vranceanu, 45 ans, a nié. Quarles, 61, declined to comment.")
        #expect(t["Tiberiu Vranceanu"] == .person)
        #expect(t["Quarles"] == .person)
    }

    @Test func titlesOfWorksInQuotesAreNotPeople() {
        let t = types("Awards\n\nThe film “Silent Harbour Nights” won, and Greta Lindqvist praised the cast.")
        #expect(t["Silent Harbour Nights"] == nil)
        #expect(t["Greta Lindqvist"] == .person)
    }

    @Test func aQuotationAroundTheSentenceIsNotATitle() {
        // The marks before and after face the wrong way for a title: `…,’ adding that President X will, quote, ‘…`.
        let t = types("Talks\n\n‘He will do it,’ he said, adding that President Okafor will, quote, ‘do an interview.’")
        #expect(t["Okafor"] == .person)
    }

    @Test func nameGluedToAnAdjectiveKeepsItsName() {
        let found = entities("Vote\n\nThe GOP-led chamber passed the bill on Monday.")
        #expect(found.contains { $0.text == "GOP" && $0.type == .organisation })
    }

    @Test func relativesAndFirstNamesAloneAreTheirPeople() {
        let found = entities("""
        Kenya

        Daniel Okafor and his wife Grace Okafor left Nairobi; on Monday Grace was seen in Singapore, while Chipo Okafor stayed.
        """)
        #expect(found.contains { $0.text == "Grace" && $0.type == .person && $0.canonical == "Grace Okafor" })
        #expect(found.contains { $0.text == "Chipo Okafor" && $0.type == .person })
        #expect(found.contains { $0.text == "Nairobi" && $0.type == .location })
    }
}

/// English capitalisation after `the` inside a sentence.
@Suite struct EntityDefiniteArticleTests {
    @Test func capitalisedCommonWordAfterTheIsABodyOrAPlace() {
        let t = types("Budget\n\nThe bill passed the Assembly on Monday and now goes to the Senate, a vote the West watched closely.")
        #expect(t["Assembly"] == .organisation)
        #expect(t["Senate"] == .organisation)
        #expect(t["West"] == .location)
    }

    @Test func lowercaseAfterTheIsNoName() {
        let found = entities("Budget\n\nThe bill passed the assembly on Monday, the senate said.")
        #expect(!found.contains { $0.text.lowercased() == "assembly" || $0.text.lowercased() == "senate" })
    }
}

@Suite struct EntityCompanyContextTests {
    @Test func wordsOnlyACompanyHasMakeAnOrganisation() {
        let t = types("Marchés\n\nLe PDG de Valtronix a démissionné. Zentrova's shares fell 4% after Zentrova's board met.")
        #expect(t["Valtronix"] == .organisation)
        #expect(t["Zentrova"] == .organisation)
    }
}

@Suite struct EntityHeadingTests {
    @Test func personInATitleCaseHeadingStopsAtCommonWords() {
        let found = entities("Joe Biden Signs Historic Climate Bill In Denver\n\nThe law was signed on Tuesday.")
        #expect(found.contains { $0.text == "Joe Biden" && $0.type == .person })
        #expect(found.contains { $0.text == "Denver" && $0.type == .location })
        #expect(!found.contains { $0.text.contains("Signs") || $0.text.contains("Climate") })
    }
}
