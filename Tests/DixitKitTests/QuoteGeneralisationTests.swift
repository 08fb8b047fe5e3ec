import Testing
@testable import DixitKit

/// Rules written to generalise beyond the articles they were found on: each passage here is
/// invented, in the style of news copy.
@Suite struct QuoteGeneralisationTests {
    @Test func phraseAfterAQuoteIntroducedByAnActiveVerbIsNotAnAgent() {
        let q = QuoteTestSupport.quotes(["Titre",
            "The developer said it was \"deeply frustrated\" by the verdict on Tuesday."], language: "en")
        #expect(q.quote("deeply frustrated")?.speaker == "The developer")
    }

    @Test func passiveDescriptionStillNamesItsAgent() {
        let q = QuoteTestSupport.quotes(["Titre",
            "The plan was described as \"a reckless gamble\" by Senator Ruth Calloway."], language: "en")
        #expect(q.quote("a reckless gamble")?.speaker == "Ruth Calloway")
    }

    @Test func dashCreditWithBodyAndRoleGivesThePerson() {
        let q = QuoteTestSupport.quotes(["Titre",
            "\"The second half was the best we have played all season.\" — Riverside captain Ella Stone"], language: "en")
        #expect(q.quote("The second half")?.speaker == "Ella Stone")
    }

    @Test func quoteInterruptedByVerbAndNamedSpeakerThenNewSentenceIsSplit() {
        let q = QuoteTestSupport.quotes(["Titre",
            "« Il manque des lits, a insisté M. Paul Renaud. Les urgences débordent. »"])
        #expect(q.quote("Il manque des lits")?.speaker == "Paul Renaud")
        #expect(q.quote("Les urgences débordent")?.speaker == "Paul Renaud")
        #expect(q.allSatisfy { !$0.text.contains("insisté") })
    }
}
