import Testing
@testable import DixitKit

/// Rules added after scoring invented articles (`eval/own`): names no lexicon
/// holds, found from the words around them. Sentences written for these tests.
@Suite struct EntityGeneralisationTests {
    @Test func unknownTownAfterDeIsAPlace() {
        let t = types("""
        Santé

        Les urgences de Montbrison ont fermé deux nuits. Un bus a été retrouvé près de Saint-Flour, et la crue a touché les quais de l'Allagnon.
        """)
        #expect(t["Montbrison"] == .location)
        #expect(t["Saint-Flour"] == .location)
        #expect(t["Allagnon"] == .location)
    }

    @Test func unknownDepartementAfterDansLeIsAPlace() {
        let t = types("Agriculture\n\nLa grêle a détruit les vignes dans le Haut-Vivarais, selon la chambre d'agriculture.")
        #expect(t["Haut-Vivarais"] == .location)
    }

    @Test func deAfterAVerbOrABrandIsNoPlace() {
        let t = types("Médias\n\nIl parle de Kerouzec sans le nommer, a-t-il ajouté sur l'antenne de TVNews.")
        #expect(t["Kerouzec"] == nil)
        #expect(t["TVNews"] != .location)
    }

    @Test func factoryDeTownIsAPlaceNotACompany() {
        let t = types("Industrie\n\nLe groupe ferme son usine de Plouvorn, où travaillent 240 salariés.")
        #expect(t["Plouvorn"] == .location)
    }

    @Test func geographicWordsAtEitherEndMakeAPlace() {
        let t = types("""
        Weather

        Floodwater reached the River Tamar overnight, and ships rounding the Cape of Storms were delayed.
        Residents of Maple Avenue and fishermen on the Banda Sea were told to stay home.
        """)
        #expect(t["River Tamar"] == .location)
        #expect(t["Cape of Storms"] == .location)
        #expect(t["Maple Avenue"] == .location)
        #expect(t["Banda Sea"] == .location)
    }

    @Test func compassWordBeforeAKnownPlaceStaysInTheName() {
        let e = entities("Science\n\nThe glacier in West Antarctica lost more ice than expected, researchers said.")
        #expect(e.contains { $0.text == "West Antarctica" && $0.type == .location })
    }

    @Test func organisationTailsAndAnalystContext() {
        let t = types("""
        Markets

        Shares in Tromsø Shipping rose after Halden Capital took a stake, said Ola Berg, an analyst at Fjordbank.
        The Highland Survey said the Royal Geology Society had helped.
        """)
        #expect(t["Tromsø Shipping"] == .organisation)
        #expect(t["Halden Capital"] == .organisation)
        #expect(t["Fjordbank"] == .organisation)
        #expect(t["Royal Geology Society"] == .organisation)
    }

    @Test func nationalityBeforeASurveyStaysInsideTheName() {
        let e = entities("Science\n\nScientists at the British Glacial Survey said the shelf was cracking.")
        #expect(e.contains { $0.text == "British Glacial Survey" && $0.type == .organisation })
    }

    @Test func organisationNounBeforeAName() {
        let t = types("Housing\n\nHousing charity Roofline welcomed the ruling, and consultancy Seaplot said rates would rise.")
        #expect(t["Roofline"] == .organisation)
        #expect(t["Seaplot"] == .organisation)
    }

    @Test func bourseDeParisIsOneOrganisation() {
        let e = entities("Marchés\n\nLe titre cédait 4 % à la Bourse de Paris, dans un marché calme.")
        #expect(e.contains { $0.text == "Bourse de Paris" && $0.type == .organisation })
        #expect(!e.contains { $0.text == "Paris" })
    }

    @Test func lowercaseUniversiteHeadsAnOrganisation() {
        let e = entities("Recherche\n\nDes chercheurs de l'université de Haute-Alsace ont publié l'étude.")
        #expect(e.contains { $0.text == "université de Haute-Alsace" && $0.type == .organisation })
    }

    @Test func namedStadiumIsAPlace() {
        let t = types("Rugby\n\nLe club s'est imposé au stade Pierre-Lacaze devant 9 000 spectateurs.")
        #expect(t["Pierre-Lacaze"] == .location)
    }

    @Test func streetsAndElidedIslandHeads() {
        let e = entities("Commerce\n\nLes boutiques de la rue Vautrin ferment, comme celles de la presqu'île de Kermorvan.")
        #expect(e.contains { $0.text == "rue Vautrin" && $0.type == .location })
        #expect(e.contains { $0.text == "Kermorvan" && $0.type == .location })
        #expect(!e.contains { $0.text.hasPrefix("île") })
    }

    @Test func sentenceInitialAgeCompoundIsNotPartOfTheName() {
        let e = entities("Football\n\nNineteen-year-old Maelle Tordoff scored twice. Tordoff said she would remember it.")
        #expect(e.contains { $0.text == "Maelle Tordoff" && $0.type == .person })
        #expect(!e.contains { $0.text.hasPrefix("Nineteen") })
    }

    @Test func datelineInCapitalsFindsTheSameNameWrittenNormally() {
        let e = entities("""
        Vote au conseil

        PLOUGASNOU – Le conseil municipal de Plougasnou a voté lundi le budget. Les élus de Plougasnou ont débattu quatre heures.
        """)
        let normal = e.filter { $0.text == "Plougasnou" }
        #expect(normal.count == 2)
        #expect(normal.allSatisfy { $0.type == .location })
        #expect(e.first { $0.text == "PLOUGASNOU" }?.canonical == "Plougasnou")
    }

    @Test func weaklyTypedRunEndingWithAKnownPersonIsThatPerson() {
        let t = types("Sport\n\nLa jeune Paris Okafor a marqué deux fois. « Je suis heureuse », a déclaré Mme Okafor.")
        #expect(t["Paris Okafor"] == .person)
    }

    @Test func datelineStateAbbreviationIsAPlace() {
        let t = types("Vote\n\nSALEM, Ore. (AP) — Lawmakers passed the budget on Tuesday.")
        #expect(t["SALEM"] == .location)
        #expect(t["Ore"] == .location || t["Ore."] == .location)
    }

    @Test func aNameThatSaysItIsABody() {
        let t = types("Court\n\nThe judge said Brackenfield Homes had failed tenants. Brackenfield Homes said it would appeal.")
        #expect(t["Brackenfield Homes"] == .organisation)
    }

    @Test func nearBeforeANameMakesAPlaceEvenBeforeASpeechVerb() {
        let t = types("Schools\n\nA teacher whose school stands near Pine Hollow, said the cuts would hurt.")
        #expect(t["Pine Hollow"] == .location)
    }

    @Test func laboratoryBeforeANameMakesAnOrganisation() {
        let t = types("Science\n\nLes analyses ont été faites au laboratoire Géo-Ressources de Nancy.")
        #expect(t["Géo-Ressources"] == .organisation)
    }
}
