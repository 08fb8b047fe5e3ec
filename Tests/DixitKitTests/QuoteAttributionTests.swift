import Testing
@testable import DixitKit

/// Cues and speakers, French and English, on passages written like news.
@Suite struct QuoteAttributionTests {
    // MARK: - French cues

    @Test func invertedAuxiliaryWithPronoun() {
        let q = QuoteTestSupport.quotes(["Titre",
            "La ministre de la Santé, Claire Martin, a visité l’hôpital mardi.",
            "« Nous manquons de lits », a-t-elle déclaré devant la presse."])
        let quote = q.quote("Nous manquons de lits")
        #expect(quote?.speaker == "Claire Martin")
        #expect(quote?.speakerMention?.text == "elle")
        #expect(quote?.cue?.text == "a-t-elle déclaré")
        #expect(quote?.kind == .direct)
    }

    @Test func invertedVerbAndNamedSubjectAfterIt() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« La réforme sera votée », déclare-t-il. « Le calendrier est tenu », a assuré Paul Girard.",
            "« Rien n’est décidé », dit le porte-parole du gouvernement."])
        #expect(q.quote("Le calendrier")?.speaker == "Paul Girard")
        #expect(q.quote("Rien n’est décidé")?.speaker == "le porte-parole du gouvernement")
        #expect(q.quote("Rien n’est décidé")?.cue?.text == "dit")
    }

    @Test func subjectBeforeVerbAfterTheQuote() {
        let q = QuoteTestSupport.quotes(["Titre", "« Le vote est illégal », Jean Moreau a ajouté sur Twitter."])
        #expect(q.quote("Le vote est illégal")?.speaker == "Jean Moreau")
        #expect(q.quote("Le vote est illégal")?.cue?.text == "a ajouté")
    }

    @Test func colonAfterVerbAndBareColon() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le maire de Lyon, Grégory Durand, a déclaré : « Les travaux commenceront en mai. »",
            "Sophie Lambert : « Je ne me représenterai pas. »"])
        #expect(q.quote("Les travaux")?.speaker == "Grégory Durand")
        #expect(q.quote("Je ne me représenterai pas")?.speaker == "Sophie Lambert")
    }

    @Test func selonLuiAndDashAttribution() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le sénateur Marc Petit a quitté la séance. Selon lui, le texte est « un recul historique ».",
            "« Il faut tenir bon » — Lucie Bernard"])
        #expect(q.quote("un recul historique")?.speaker == "Marc Petit")
        #expect(q.quote("Il faut tenir bon")?.speaker == "Lucie Bernard")
    }

    @Test func reflexiveAndOtherSpeechVerbs() {
        let q = QuoteTestSupport.quotes(["Titre",
            "La présidente de la région, Anne Roux, s’est félicitée d’« un accord historique ».",
            "« Ce n’est qu’un début », a prévenu le syndicat.",
            "« Je reconnais mon erreur », a reconnu le directeur, Pierre Lefort."])
        #expect(q.quote("un accord historique")?.speaker == "Anne Roux")
        #expect(q.quote("Ce n’est qu’un début")?.speaker == "le syndicat")
        #expect(q.quote("Je reconnais mon erreur")?.speaker == "Pierre Lefort")
    }

    @Test func negatedCueIsNoAttribution() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le ministre, Luc Garnier, a ouvert le débat.",
            "Le rapport n’a pas dit que « tout va bien », a souligné Emma Blanc."])
        #expect(q.quote("tout va bien")?.speaker == "Emma Blanc")
    }

    @Test func firstPersonIsNoSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "L’économiste Hugo Marchand a présenté son étude.",
            "J’ai dit « non » à la direction, confie un salarié."])
        #expect(q.quote("non")?.speaker != "J")
        #expect(q.quote("non")?.speaker == "un salarié")
    }

    @Test func interruptedQuoteIsTwoQuotesOfOneSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le capitaine, Thomas Roche, est confiant.",
            "« Nous allons gagner, a-t-il dit, et vite. »"])
        let first = q.quote("Nous allons gagner")
        let second = q.quote("et vite")
        #expect(first?.text == "Nous allons gagner,")
        #expect(second?.text == "et vite.")
        #expect(first?.speaker == "Thomas Roche")
        #expect(second?.speaker == "Thomas Roche")
    }

    @Test func frenchContinuationParagraphs() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le maire, Julien Faure, a expliqué : « Nous avons attendu trop longtemps.",
            "« Les habitants méritent mieux. »"])
        #expect(q.quote("attendu")?.speaker == "Julien Faure")
        #expect(q.quote("Les habitants méritent mieux")?.speaker == "Julien Faure")
    }

    @Test func quoteWithoutCueContinuesThePreviousSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Le budget est prêt », a affirmé la ministre Nadia Benali. « Il sera présenté jeudi. »"])
        #expect(q.quote("Il sera présenté jeudi")?.speaker == "Nadia Benali")
    }

    // MARK: - Speakers

    @Test func pronounAgreesInGenderWithItsAntecedent() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le secrétaire général, Karl Jensen, a rencontré l’ambassadrice Julie Moreau.",
            "« Nous fournirons des armes », a déclaré Karl Jensen.",
            "« Je ne détaillerai pas la liste », a-t-elle déclaré."])
        #expect(q.quote("Je ne détaillerai pas")?.speaker == "Julie Moreau")
        #expect(q.quote("Nous fournirons")?.speaker == "Karl Jensen")
    }

    @Test func fullestNameWithinTheArticle() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Jean-Pierre Lemaire, le patron du groupe, a présenté ses résultats.",
            "« Nous avons doublé nos ventes », a déclaré Lemaire."])
        #expect(q.quote("doublé")?.speaker == "Jean-Pierre Lemaire")
        #expect(q.quote("doublé")?.speakerMention?.text == "Lemaire")
    }

    @Test func entitiesGiveTheCanonicalName() {
        let a = QuoteTestSupport.article(["Titre", "« Le marché est saturé », a estimé Vasquez."])
        let s = a.text.string
        let start = s.unicodeScalars.count - "Vasquez.".unicodeScalars.count
        let e = Entity(span: Span(start, start + 7), text: "Vasquez", type: .person, canonical: "Elena Vasquez")
        let q = QuoteExtractor().extract(a, entities: [e])
        #expect(q.quote("saturé")?.speaker == "Elena Vasquez")
    }

    @Test func organisationAndDescriptionSpeakers() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Aucune négociation n’est prévue », a indiqué le Kremlin.",
            "« Les livraisons continueront », a précisé un responsable américain."])
        #expect(q.quote("Aucune négociation")?.speaker == "le Kremlin")
        #expect(q.quote("Les livraisons")?.speaker == "un responsable américain")
    }

    @Test func titlesOfWorksAreNotQuotes() {
        let q = QuoteTestSupport.quotes(["Titre", "L’armée a lancé l’opération « Bouclier du Nord » et diffusé le film « La Longue Nuit »."])
        #expect(q.quote("Bouclier") == nil)
        #expect(q.quote("Longue Nuit") == nil)
    }

    // MARK: - English

    @Test func englishCuesBeforeAndAfter() {
        let q = QuoteTestSupport.quotes(["Title",
            "“We will not back down,” said Senator Mary Collins. “This is our fight,” Collins said.",
            "“The deal is done,” a spokeswoman for the ministry said.",
            "Governor Tom Reed told reporters: “Schools will reopen on Monday.”"], language: "en")
        #expect(q.quote("We will not back down")?.speaker == "Mary Collins")
        #expect(q.quote("This is our fight")?.speaker == "Mary Collins")
        #expect(q.quote("The deal is done")?.speaker == "a spokeswoman for the ministry")
        #expect(q.quote("Schools will reopen")?.speaker == "Tom Reed")
    }

    @Test func englishPronounsAndContinuation() {
        let q = QuoteTestSupport.quotes(["Title",
            "Coach Anna Brooks watched the game from the bench.",
            "“We played well,” she said. “We have to keep going.",
            "“The season is long.”"], language: "en")
        #expect(q.quote("We played well")?.speaker == "Anna Brooks")
        #expect(q.quote("keep going")?.speaker == "Anna Brooks")
        #expect(q.quote("The season is long")?.speaker == "Anna Brooks")
    }

    // MARK: - Indirect speech

    @Test func indirectSpeechFrench() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le ministre, Paul Girard, a déclaré mardi que la réforme serait votée avant l’été, alors que l’opposition proteste.",
            "Selon le syndicat, la grève sera reconduite jeudi.",
            "Les négociations reprendront lundi, a indiqué la direction."])
        #expect(q.indirect("la réforme serait votée avant l’été")?.speaker == "Paul Girard")
        #expect(q.indirect("la réforme")?.text.contains("opposition") == false)
        #expect(q.indirect("la grève sera reconduite")?.speaker == "le syndicat")
        #expect(q.indirect("Les négociations reprendront")?.speaker == "la direction")
    }

    @Test func indirectSpeechEnglish() {
        let q = QuoteTestSupport.quotes(["Title",
            "Mayor Linda Park said on Tuesday that the budget would be balanced.",
            "According to the police, two people were arrested."], language: "en")
        #expect(q.indirect("the budget would be balanced")?.speaker == "Linda Park")
        #expect(q.indirect("two people were arrested")?.speaker == "the police")
    }
}
