import Testing
@testable import DixitKit

/// Finding and pairing quote marks.
@Suite struct QuoteMarkTests {
    @Test func guillemetsWithNoBreakSpacesInside() {
        let q = QuoteTestSupport.quotes(["Titre", "« Nous tiendrons\u{202F}», a déclaré le maire.", "«\u{00A0}Rien n’est joué\u{00A0}», a-t-il ajouté."])
        #expect(q.quote("Nous tiendrons")?.text == "Nous tiendrons")
        #expect(q.quote("Rien")?.text == "Rien n’est joué")
    }

    @Test func curlyLowAndSingleGuillemets() {
        let q = QuoteTestSupport.quotes(["Titre", "Le ministre a parlé d’une “faute grave”, puis d’un „choix“ et d’une ‹ erreur ›."])
        #expect(q.quote("faute grave")?.text == "faute grave")
        #expect(q.quote("choix")?.text == "choix")
        #expect(q.quote("erreur")?.text == "erreur")
    }

    @Test func straightQuotesPairWithinAParagraphAndRestartAtTheNext() {
        let q = QuoteTestSupport.quotes(["Titre",
            "Le maire a dénoncé \"une provocation\" et \"un mensonge",
            "\"Nous ne céderons pas\", a-t-il affirmé."])
        #expect(q.quote("provocation")?.text == "une provocation")
        // The unclosed mark runs to the end of its paragraph only.
        #expect(q.quote("un mensonge")?.text == "un mensonge")
        #expect(q.quote("Nous ne céderons pas")?.text == "Nous ne céderons pas")
    }

    @Test func strayClosingMarkStartsNothing() {
        let q = QuoteTestSupport.quotes(["Les alliés se préparent à réarmer Kiev ; peur de nouvelles atrocités\"", "Le texte ne cite personne."])
        #expect(q.filter { $0.kind != .indirect }.isEmpty)
    }

    @Test func nestedQuotesAreSeparateQuotes() {
        let q = QuoteTestSupport.quotes(["Title",
            "“I heard the president ask, ‘Is he going to do it?’ and then hang up,” Holmes testified."], language: "en")
        #expect(q.quote("I heard the president")?.speaker == "Holmes")
        #expect(q.contains { $0.text == "Is he going to do it?" })
    }

    @Test func guillemetsInsideCurlyQuotes() {
        let q = QuoteTestSupport.quotes(["Titre", "« Il m’a dit “jamais” et il est parti », raconte Marie Dupont."])
        #expect(q.quote("Il m’a dit")?.speaker == "Marie Dupont")
        #expect(q.contains { $0.text == "jamais" })
    }

    @Test func scannerReportsUnclosedMarks() {
        let text = ScalarText("« Ouvert sans fin")
        var out: [MarkedQuote] = []
        QuoteMarkScanner.scan(text, paragraph: Span(0, text.count), paragraphIndex: 0, english: false, into: &out)
        #expect(out.count == 1)
        #expect(out.first?.closeMark == nil)
        #expect(text[out[0].content] == "Ouvert sans fin")
    }
}
