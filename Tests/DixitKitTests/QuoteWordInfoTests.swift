import Testing
@testable import DixitKit

/// The per-token lexicon facts (`QToken.info`, looked up once per article) must say exactly what
/// the string look-ups they replace say: same word classes, verbs of speech, titles and first names.
@Suite struct QuoteWordInfoTests {
    static let passages: [(String, [String])] = [
        ("fr", ["Le gouvernement « n’a pas l’intention de céder », selon Mme Durand",
                "La ministre de l’Intérieur, Claire Durand, a-t-elle déclaré mardi que le texte serait retiré ?",
                "« Nous ne reculerons pas », a toutefois ajouté le porte-parole, d’après qui l’accord reste possible.",
                "Pour le syndicat, c’est « une provocation » : son secrétaire général, Marc Lenoir, a fait savoir qu’il s’y opposerait."]),
        ("en", ["Senator Warns of \u{201C}Dire Consequences\u{201D}",
                "\u{201C}We will not back down,\u{201D} Gov. Ellen Park said on Tuesday, according to a statement.",
                "The company, which has denied the claims, told reporters it was \u{2014} in its words \u{2014} \u{201C}surprised.\u{201D}",
                "Dr. Omar Haddad, a spokesman for the ministry, said they would never comment."]),
    ]

    @Test func punctuationTestsAgreeWithFolds() {
        let article = QuoteTestSupport.article(["Le plan \u{2018}vert\u{2019} \u{2010} disent-ils \u{2010} est prêt\u{2026}",
            "« Non », a répondu (en riant) la maire \u{2014} qui l’a écrit \u{2013} hier. 'Yes,' he said!"])
        let doc = QuoteDocument(article: article)
        var matched = 0
        for k in doc.tokens.indices {
            for c: Unicode.Scalar in [",", "'", "-", ".", "(", ")", "\u{2014}", "\u{2013}", "\u{2026}", "!", "\u{AB}"] {
                let expected = doc.tokens[k].kind == .punctuation && doc.fold(k) == String(c)
                #expect(doc.isPunctuation(k, c) == expected, "token \(doc.fold(k)) and \(c)")
                if expected { matched += 1 }
            }
        }
        // Curly apostrophes and Unicode hyphens fold to `'` and `-`: the passage holds both.
        #expect(doc.tokens.indices.contains { doc.isPunctuation($0, "'") && doc.text[doc.tokens[$0].span] == "\u{2019}" })
        #expect(doc.tokens.indices.contains { doc.isPunctuation($0, "-") && doc.text[doc.tokens[$0].span] == "\u{2010}" })
        #expect(matched >= 10)
    }

    /// `folds` compares bytes kept in the token instead of strings; it must still answer as `==` does,
    /// including for a scalar Unicode holds equal to ASCII (the Greek question mark is `;`), for
    /// literals of 9 to 12 bytes and for words longer than any literal.
    @Test func foldShortcutAgreesWithStringEquality() {
        let article = QuoteTestSupport.article(["« Non », a répondu la maire \u{2014} « jamais » ; elle l’a écrit\u{037E} hier. Straße über Zoë.",
            "\u{201C}Yes,\u{201D} he said \u{2013} at 5 p.m. (Paris), according to a statement by the administration, yesterday; "
                + "Cependant, l’intervention était également anticonstitutionnelle, dit-il."])
        let doc = QuoteDocument(article: article)
        let literals: [StaticString] = [";", ",", ".", "-", "(", ")", "'", "a", "la", "elle", "non", "jamais", "strasse", "uber", "zoe",
                                        "yes", "he", "said", "according", "statement", "yesterday", "cependant", "egalement",
                                        "intervention", "administrati", "dit-il", "p.m"]
        var nonASCII = 0
        var matched = Set<String>()
        for k in doc.tokens.indices {
            let t = doc.tokens[k]
            if t.foldIsNotASCII { nonASCII += 1 }
            for l in literals {
                #expect(t.folds(l) == (doc.fold(k) == l.description), "token \(doc.fold(k)) and \(l)")
                if t.folds(l) { matched.insert(l.description) }
            }
            #expect(t.foldsAny(literals) == literals.contains { doc.fold(k) == $0.description }, "token \(doc.fold(k))")
            // The fold is the text folded as a whole.
            #expect(doc.fold(k) == TextFolding.fold(doc.text[t.span]) || t.kind == .punctuation, "token \(doc.text[t.span])")
        }
        #expect(matched.isSuperset(of: ["according", "statement", "yesterday", "cependant", "egalement", "intervention", "dit-il"]))
        #expect(!matched.contains("administrati"))
        #expect(nonASCII >= 4)   // « » — “ ” –
        #expect(doc.tokens.contains { $0.folds(";") && doc.text[$0.span] == "\u{037E}" })
        #expect(QToken.cannotEqualASCII(Array("\u{AB}".utf8)))
        #expect(!QToken.cannotEqualASCII(Array("\u{212A}".utf8)))
        #expect(!QToken.cannotEqualASCII(Array("strasse".utf8)))
    }

    @Test func wordClassBitsMatchTheirSets() {
        for c in QuoteWordClass.allCases {
            #expect(c.set.bit == 1 << UInt64(c.rawValue), "class \(c) is mapped to another class's set")
            #expect(!c.set.words.isEmpty)
        }
        #expect(QuoteWordClass.allCases.count <= 64)
    }

    @Test func tokenInfoAgreesWithStringLookups() {
        let lexicon = QuoteLexicon.shared
        var checked = 0
        for (language, paragraphs) in Self.passages {
            let doc = QuoteDocument(article: QuoteTestSupport.article(paragraphs, language: language))
            #expect(doc.tokens.count > 50)
            for t in doc.tokens {
                let fold = doc.fold(doc.tokens.firstIndex { $0.span == t.span }!)
                for c in QuoteWordClass.allCases {
                    #expect(c.set.contains(t) == c.set.contains(fold), "\(fold) in \(c)")
                }
                #expect((t.verb == nil) == (lexicon.speechVerbs[fold] == nil), "\(fold) as a verb")
                #expect(t.title == lexicon.titles[fold], "\(fold) as a title")
                #expect(t.firstName == lexicon.firstNames[fold], "\(fold) as a first name")
                checked += 1
            }
        }
        // The passages hold words of each kind the look-ups find.
        let docs = Self.passages.map { QuoteDocument(article: QuoteTestSupport.article($0.1, language: $0.0)) }
        let tokens = docs.flatMap(\.tokens)
        #expect(tokens.contains { $0.verb != nil })
        #expect(tokens.contains { $0.title != nil })
        #expect(tokens.contains { $0.firstName != nil })
        #expect(tokens.contains { QuoteWords.determiners.contains($0) })
        #expect(checked == tokens.count)
    }
}

/// The token the quote rules walk stays small (see `QToken`).
@Suite struct QuoteTokenLayoutTests {
    @Test func tokenFitsSixtyFourBytes() {
        #expect(MemoryLayout<QToken>.stride <= 64)
    }
}

/// The ids of a name's words: first-sight order, through the table's growth.
@Suite struct QuoteWordIDsTests {
    @Test func idsInFirstSightOrderThroughGrowth() {
        // The folded words of a long article's names, many repeated.
        let surnames = (0..<300).map { "nom\($0)" } + ["durand", "leyen", "o'brien", "saint-exupery", "von"]
        var ids = WordIDs()
        for (i, w) in surnames.enumerated() { #expect(ids.id(w) == i) }
        for (i, w) in surnames.enumerated().reversed() {
            #expect(ids.id(w) == i)
            #expect(ids[w] == i)
        }
        #expect(ids.count == surnames.count)
        #expect(ids["dupont"] == nil)
        #expect(ids["nom3000"] == nil)
    }
}
