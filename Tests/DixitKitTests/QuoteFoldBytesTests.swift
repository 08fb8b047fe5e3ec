import Foundation
import Testing
@testable import DixitKit

/// The quote rules test folded words on bytes kept in the token or folded in place, without making
/// strings: every such test must answer exactly as the string test it replaces.
@Suite struct QuoteFoldBytesTests {
    /// News sentences with the words the tests look at, in plain, accented, ligatured and decomposed forms.
    static let article = QuoteTestSupport.article([
        "Le ministre n’a pas répondu, a-t-il déclaré en marchant",
        "Elle disait qu’ils ne reculeraient pas ; l’œuvre, expliquait-elle, restait inachevée, don’t you know.",
        "The senator hadn't announced anything, officials said, adding that the Straße plan was re\u{301}vised.",
        "Les dirigeants s’étaient engagés, selon Mme Lefèvre, à présenter les comptes à l’Assemblée nationale.",
    ])

    @Test func suffixAndPrefixTestsAgreeWithStrings() {
        let doc = QuoteDocument(article: Self.article)
        let suffixes: [StaticString] = ["ed", "ait", "aient", "s", "n't", "ant", "ing", "x", "-il", "e"]
        let prefixes: [StaticString] = ["n'", "n", "re", "l'", "qu'", "ex"]
        var matchedSuffixes = 0, matchedPrefixes = 0
        for k in doc.tokens.indices {
            let fold = doc.fold(k)
            for s in suffixes {
                #expect(doc.foldHasSuffix(k, s) == fold.hasSuffix(s.description), "\(fold) ends with \(s)")
                if doc.foldHasSuffix(k, s) { matchedSuffixes += 1 }
            }
            for p in prefixes {
                #expect(doc.foldHasPrefix(k, p) == fold.hasPrefix(p.description), "\(fold) starts with \(p)")
                if doc.foldHasPrefix(k, p) { matchedPrefixes += 1 }
            }
        }
        #expect(matchedSuffixes >= 10)
        #expect(matchedPrefixes >= 3)
    }

    @Test func foldOfEachTokenIsItsTextFolded() {
        let doc = QuoteDocument(article: Self.article)
        for k in doc.tokens.indices where doc.tokens[k].kind != .punctuation {
            #expect(doc.fold(k) == TextFolding.fold(doc.text[doc.tokens[k].span]), "\(doc.text[doc.tokens[k].span])")
        }
        // Words the vocabulary lacks are folded from the text too.
        #expect(doc.tokens.indices.contains { doc.tokens[$0].word < 0 && doc.fold($0) == "lefevre" })
        #expect(doc.tokens.indices.contains { doc.fold($0) == "oeuvre" })
    }

    /// Name word ids made from a token's folded bytes are the ids its folded string gets.
    @Test func tokenWordIDsAgreeWithStringIDs() {
        let doc = QuoteDocument(article: Self.article)
        var fromTokens = WordIDs(), fromStrings = WordIDs()
        for k in doc.tokens.indices {
            #expect(fromTokens.id(token: k, in: doc) == fromStrings.id(doc.fold(k)))
        }
        // Again, now that every word is known: the same ids, found by string too.
        for k in doc.tokens.indices.reversed() {
            let id = fromTokens.id(token: k, in: doc)
            #expect(id == fromStrings.id(doc.fold(k)))
            #expect(fromTokens[doc.fold(k)] == id)
        }
        #expect(fromTokens.count == fromStrings.count)
        #expect(fromTokens.count > 40)
    }

    /// The subheading search compares bytes for plain ASCII text and asks Foundation otherwise.
    @Test func subheadingSearchAgreesWithFoundation() {
        let texts = ["nous ne reculerons pas devant les menaces", "the plan will not pass, he said",
                     "l'oeuvre reste inachevee", "e\u{301}te\u{301} chaud", "ligne\r\nsuivante", "", "a"]
        let words = ["ne reculerons pas", "pas", "menaces", "plan will", "not pass, he said.", "oeuvre", "\u{E9}t\u{E9}",
                     "e\u{301}", "\n", "", "a", "nous ne reculerons pas devant les menaces et"]
        var found = 0
        for t in texts {
            for w in words {
                #expect(QuoteExtractor.contains(t, w) == t.contains(w), "\(t) holds \(w)")
                if t.contains(w) { found += 1 }
            }
        }
        #expect(found >= 6)
    }
}
