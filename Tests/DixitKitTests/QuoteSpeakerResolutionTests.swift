import Testing
@testable import DixitKit

/// Harder attributions: offices standing for named people, subjects over mere mentions,
/// passive agents, subheadings, and quoted words that are not quotations.
@Suite struct QuoteSpeakerResolutionTests {
    @Test func officeDescriptionStandsForTheNamedHolder() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le président Emmanuel Lambert a reçu son homologue à Paris.",
            "Le chef de l’État a insisté sur « l’importance du dialogue »."])
        #expect(q.quote("l’importance du dialogue")?.speaker == "Emmanuel Lambert")
    }

    @Test func sharedRoleWordsPickTheRightPerson() {
        let q = QuoteTestSupport.quotes(["Titre",
            "La ministre française de l’Énergie, Claire Roux, a ouvert la réunion.",
            "La ministre espagnole de l’Environnement, Elena Ortiz, a protesté.",
            "« On ne nous a pas consultés », a dénoncé la ministre espagnole."])
        #expect(q.quote("On ne nous a pas consultés")?.speaker == "Elena Ortiz")
    }

    @Test func pronounPrefersTheSubjectOverAMention() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le sénateur Paul Martin a comparé Victor Lenoir à « un pompier pyromane ».",
            "« Il faut des actes », a-t-il ajouté."])
        #expect(q.quote("Il faut des actes")?.speaker == "Paul Martin")
    }

    @Test func passiveAgentIsTheSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "La réforme a été adoptée, un texte qualifié d’« inacceptable » par la ministre Lucie Perrin."])
        #expect(q.quote("inacceptable")?.speaker == "Lucie Perrin")
    }

    @Test func fragmentTakesItsSentenceSubject() {
        let q = QuoteTestSupport.quotes(["Titre",
            "De son côté, le syndicat Force unie a jugé la proposition « très insuffisante » et appelé à la grève."])
        #expect(q.quote("très insuffisante")?.speaker == "le syndicat Force unie")
    }

    @Test func subheadingQuoteTakesTheSpeakerOfTheWordsItRepeats() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Une ligne rouge »",
            "Le porte-parole du ministère, Marc Aubert, a qualifié le projet de « ligne rouge » pour son pays."])
        #expect(q.quote("Une ligne rouge")?.speaker == "Marc Aubert")
    }

    @Test func reversedAndMixedMarksPair() {
        let q = QuoteTestSupport.quotes(["Titre", "Le journal Le Matin a qualifié la visite de ” terrain miné “. Il écrit : ” Pour quels buts ? “."])
        #expect(q.contains { $0.text == "terrain miné" })
        #expect(q.contains { $0.text == "Pour quels buts ?" })
        let e = QuoteTestSupport.quotes(["Title", "\"We asked, on whose authority?” said Hill."], language: "en")
        #expect(e.quote("on whose authority")?.text == "We asked, on whose authority?")
        #expect(e.quote("on whose authority")?.speaker == "Hill")
    }

    @Test func titleCaseAndRepeatedTermsAreNotQuotations() {
        let q = QuoteTestSupport.quotes(["Title",
            "The film “Silent River” won two awards, ahead of “The Long Night Home”.",
            "The so-called “green deal” was signed. Critics of the “green deal” were absent."], language: "en")
        #expect(q.quote("Silent River") == nil)
        #expect(q.quote("Long Night") == nil)
        #expect(q.quote("green deal") == nil)
    }

    @Test func englishAbbreviatedRanksAndNamedAppositions() {
        let q = QuoteTestSupport.quotes(["Title",
            "Lt. Col. Mark Ellis told lawmakers it was his “duty” to report the call.",
            "“He was in charge,” said another witness in the inquiry, former adviser Fiona Grant."], language: "en")
        #expect(q.quote("duty")?.speaker == "Mark Ellis")
        #expect(q.quote("He was in charge")?.speaker == "Fiona Grant")
    }
}

/// Quotes whose speaker is found outside their own clause.
@Suite struct QuoteOutsideClauseTests {
    @Test func verblessListTakesTheNextSentencesSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Un « massacre », une « honte »… Au lendemain de l’attaque, les syndicats ont exprimé leur colère."])
        #expect(q.quote("massacre")?.speaker == "les syndicats")
        #expect(q.quote("honte")?.speaker == "les syndicats")
    }

    @Test func quotedNameAsSubject() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Dans un éditorial, le « Daily Tribune » affirme que les tarifs sont « une erreur »."])
        #expect(q.quote("une erreur")?.speaker == "Daily Tribune")
        #expect(q.quote("Daily Tribune") == nil)
    }
}

/// Documents that "say" things speak for whoever issued them.
@Suite struct QuoteDocumentSpeakerTests {
    @Test func statementSpeaksForItsIssuer() {
        let q = QuoteTestSupport.quotes(["Title",
            "Three sailors were injured, the Navy said in a statement on Friday.",
            "\"The incident is under review,\" the statement said."], language: "en")
        #expect(q.quote("under review")?.speaker == "the Navy")
    }

    @Test func possessorOfALetterSpeaks() {
        let q = QuoteTestSupport.quotes(["Title",
            "The Greens’ letter to the mayor said: \"The plan must be withdrawn.\"",
            "\"It ignores the residents,\" the letter added."], language: "en")
        #expect(q.quote("must be withdrawn")?.speaker == "Greens")
        #expect(q.quote("ignores the residents")?.speaker == "Greens")
    }
}

/// A body described by its kind (`le think tank`, `the company`) is the latest named body that spoke.
@Suite struct QuoteOrganisationDescriptionTests {
    @Test func describedBodyIsTheLatestNamedBody() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Les digues ne tiendront pas face à la montée des eaux, prévient l’institut Climatix.",
            "Le think tank estime que « chaque année perdue coûte cher »."])
        #expect(q.quote("chaque année perdue")?.speaker?.contains("Climatix") == true)
    }
}

/// French clause structure around verbs of speech.
@Suite struct QuoteFrenchClauseTests {
    @Test func objectPronounBeforeTheVerb() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le ministre a répondu, alors que Berlin conteste le projet et le qualifie de « dangereux »."])
        #expect(q.quote("dangereux")?.speaker == "Berlin")
    }

    @Test func coordinatedSubject() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Une longue liste d’économistes et d’historiens ont dénoncé « une manipulation »."])
        #expect(q.quote("une manipulation")?.speaker == "Une longue liste d’économistes et d’historiens")
    }

    @Test func impersonalIlIsNobody() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le président Marc Lenoir a parlé mardi.",
            "Il y a deux semaines, le chef de l’État avait parlé de « trahison »."])
        #expect(q.quote("trahison")?.speaker == "Marc Lenoir")
    }
}

/// A headline quote's speaker is given in the article.
@Suite struct QuoteHeadlineTests {
    @Test func headlineQuoteTakesTheSpeakerOfTheWordsItRepeats() {
        let q = QuoteTestSupport.quotes(["Mayor ‘will not resign’ as pressure grows",
            "Mayor Tom Hale will not resign, a spokeswoman said on Monday.",
            "“He will not resign,” said the spokeswoman, Ann Ford."], language: "en")
        #expect(q.quote("will not resign")?.speaker != nil)
        #expect(q.first { $0.text == "will not resign" }?.speaker == "Ann Ford")
    }
}

/// A paragraph ending with a colon introduces the quote that opens the next one.
@Suite struct QuoteColonIntroductionTests {
    @Test func colonAtTheEndOfThePreviousParagraph() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Nous gagnerons », a dit le capitaine Paul Roy.",
            "La ministre des Sports, Anne Vidal, a ensuite déclaré :",
            "« Le stade sera prêt en juin. »"])
        #expect(q.quote("Le stade sera prêt")?.speaker == "Anne Vidal")
        // The apposition before the verb is no reported speech.
        #expect(q.indirect("La ministre des Sports") == nil)
    }

    @Test func longQuoteParagraphContinuesThePreviousSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Le budget est tenu », a déclaré le maire, Luc Perrin.",
            "« Nous avons réduit les dépenses de fonctionnement de dix pour cent et nous continuerons à investir dans les écoles. »",
            "De leur côté, les syndicats ont annoncé une grève."])
        #expect(q.quote("Nous avons réduit")?.speaker == "Luc Perrin")
    }
}

@Suite struct QuoteAccordingToDocumentTests {
    @Test func statementFromABody() {
        let q = QuoteTestSupport.quotes(["Title",
            "\"We regret the delay,\" according to a statement from the Transport Ministry."], language: "en")
        #expect(q.quote("We regret the delay")?.speaker == "Transport Ministry")
    }
}

@Suite struct QuoteAdjunctsAfterVerbTests {
    @Test func adjunctsBetweenVerbAndSpeaker() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Nous ne lâcherons rien », estime pour sa part Claire Dumas, la secrétaire générale du syndicat.",
            "« Le dossier avance », explique au Figaro le directeur de l’usine, Marc Olivier."])
        #expect(q.quote("Nous ne lâcherons rien")?.speaker == "Claire Dumas")
        #expect(q.quote("Le dossier avance")?.speaker == "Marc Olivier")
    }

    @Test func bodyDescriptionNeedsAKnownBody() {
        let q = QuoteTestSupport.quotes(["Title",
            "\"We are not giving up,\" Smith said on Tuesday.",
            "The company said in a statement that \"jobs are safe.\""], language: "en")
        #expect(q.quote("jobs are safe")?.speaker != "Smith")
    }
}

@Suite struct QuoteEntityOrganisationTests {
    @Test func theCompanyIsTheOrganisationNamedBefore() {
        let a = QuoteTestSupport.article(["Title",
            "Shares of Norvex Systems fell 8% on Monday.",
            "\"We expect a better quarter,\" the company said."], language: "en")
        let s = a.text.string
        let start = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex,
                                              to: s.unicodeScalars.firstIndex(of: "N")!)
        let e = Entity(span: Span(start, start + 14), text: "Norvex Systems", type: .organisation, canonical: "Norvex Systems")
        #expect(a.text[e.span] == "Norvex Systems")
        let q = QuoteExtractor().extract(a, entities: [e])
        #expect(q.quote("better quarter")?.speaker == "Norvex Systems")
    }
}

@Suite struct QuotePluralSpeakerTests {
    @Test func pluralPronounsAndBarePluralRoles() {
        let q = QuoteTestSupport.quotes(["Title",
            "Union leaders met the governor on Friday. \"We will strike on Monday,\" they said.",
            "\"He did not resist,\" police said."], language: "en")
        #expect(q.quote("We will strike")?.speaker == "Union leaders")
        #expect(q.quote("He did not resist")?.speaker == "police")
        let f = QuoteTestSupport.quotes(["Titre",
            "Les syndicats ont rencontré le ministre. « Nous ferons grève lundi », ont-ils annoncé."])
        #expect(f.quote("Nous ferons grève")?.speaker == "Les syndicats")
    }
}

@Suite struct QuoteCreditLineTests {
    @Test func creditLineAfterAQuoteParagraph() {
        let q = QuoteTestSupport.quotes(["Titre",
            "La ministre a quitté la salle.",
            "« Pour nous, cette région fait partie du pays, et pour toujours",
            "Sophie Marchal, ancienne présidente du Sénat. »"])
        #expect(q.quote("cette région fait partie")?.speaker == "Sophie Marchal")
    }
}
