import Testing
@testable import DixitKit

@Suite struct StructureParserTests {
    @Test func seed000HasTheDateHeaderAndTitle() throws {
        let a = try TestSupport.loadSeed(TestSupport.seed000)
        #expect(a.date?.iso == "2022-09")
        #expect(a.titleText.hasPrefix("Le chef du bloc, Jens Stoltenberg, affirme"))
        #expect(a.titleText.hasSuffix("soutien pour l’Ukraine"))
        #expect(a.language == "fr")
        let roles = a.paragraphs.map(\.role)
        #expect(roles.first == .dateline && roles.dropFirst().first == .title)
        // 10 lines of text after the title; one of them is a "Lire la suite" link.
        #expect(a.bodyParagraphs.count == 9)
        let boiler = a.paragraphs.filter { $0.role == .boilerplate }.map { a.text[$0.span] }
        #expect(boiler.count == 1)
        #expect(boiler.first?.hasPrefix("Lire la suite Une solution pacifique") == true)
    }

    @Test func seed004HasTheTruncatedTitleDateAndFooter() throws {
        let a = try TestSupport.loadSeed(TestSupport.seed004)
        #expect(a.titleText == "Les alliés de l'OTAN se préparent à réarmer Kiev ; peur de nouvelles atrocités\"")
        #expect(a.paragraphs.first?.role == .titleFragment)
        #expect(a.text[a.paragraphs[0].span] == "Les alliés de l")
        #expect(a.date == ArticleDate(year: 2022, month: 4, day: 5, hour: 16, minute: 43))
        #expect(a.paragraphs.contains { $0.role == .dateline && a.text[$0.span] == "Mardi 05 Avril 2022 16:43" })
        #expect(a.bodyParagraphs.count == 16)
        let boiler = a.paragraphs.filter { $0.role == .boilerplate }.map { a.text[$0.span] }
        #expect(boiler.count == 2)
        #expect(boiler[0] == "Afficher Plus")
        #expect(boiler[1].hasPrefix("© 2020"))
        #expect(a.analysedParagraphs.allSatisfy { $0.role == .title || $0.role == .body })
    }

    @Test func everyParagraphSpanIsTrimmedText() throws {
        for name in [TestSupport.seed000, TestSupport.seed004] {
            let a = try TestSupport.loadSeed(name)
            for p in a.paragraphs {
                let s = a.text[p.span]
                #expect(!s.isEmpty)
                #expect(s.first?.isWhitespace == false && s.last?.isWhitespace == false)
            }
        }
    }

    @Test(arguments: [
        ("Mardi 05 Avril 2022 16:43", "2022-04-05T16:43"),
        ("5 avril 2022", "2022-04-05"),
        ("1er mars 2021 à 9h05", "2021-03-01T09:05"),
        ("April 5, 2022", "2022-04-05"),
        ("Tuesday, April 5, 2022 4:43 PM", "2022-04-05T04:43"),
        ("5 April 2022", "2022-04-05"),
        ("2022-04-05", "2022-04-05"),
        ("2022-04-05T16:43:00Z", "2022-04-05T16:43"),
        ("Publié le 12 DÉCEMBRE 2021", "2021-12-12"),
        ("septembre 2022", "2022-09"),
    ])
    func datesInNewsFormats(line: String, iso: String) {
        #expect(DateParser.firstDate(in: line)?.iso == iso)
        #expect(DateParser.isDateLine(line))
    }

    /// Lines of Latin letters are read scalar by scalar, others character by character: both
    /// read a date line the same way.
    @Test func latinAndOtherLinesGiveTheSameDate() {
        let latin = "Publié le 12 décembre 2021 · 16h43"  // every scalar below U+0300
        let other = "Publié le 12 décembre 2021 — 16h43"  // an em dash: read by characters
        #expect(DateParser.firstDate(in: latin)?.iso == "2021-12-12T16:43")
        #expect(DateParser.firstDate(in: other) == DateParser.firstDate(in: latin))
        #expect(DateParser.isDateLine(latin) && DateParser.isDateLine(other))
        // The same line with its accents decomposed (NFD).
        let decomposed = "Publie\u{301} le 12 de\u{301}cembre 2021 · 16h43"
        #expect(DateParser.firstDate(in: decomposed) == DateParser.firstDate(in: latin))
        #expect(DateParser.isDateLine(decomposed))
        #expect(!DateParser.isDateLine("Publié le 12 décembre 2021 par la rédaction · ¼ d'heure"))
        // No four digits in a row, no year: no date.
        #expect(DateParser.firstDate(in: "Le 12 décembre à 16h43") == nil)
        #expect(DateParser.firstDate(in: "Mis à jour le 2/3/21") == nil)
    }

    @Test func sentencesWithDatesAreNotDateLines() {
        #expect(!DateParser.isDateLine("La Russie a envoyé des troupes en Ukraine le 24 février 2022."))
        #expect(DateParser.firstDate(in: "Mardi, la ministre a parlé") == nil)
    }

    @Test func bylineAndDateLinesAfterTheTitle() {
        let a = TestSupport.article("Grève générale en vue\n\nPar Marie Dupont et Jean Martin\n\n5 avril 2022\n\nLes syndicats appellent à manifester.\n\nLire aussi : la réforme des retraites\n")
        #expect(a.bylineText == "Marie Dupont et Jean Martin")
        #expect(a.date?.iso == "2022-04-05")
        #expect(a.bodyParagraphs.count == 1)
        #expect(a.paragraphs.last?.role == .boilerplate)

        let en = TestSupport.article("Strike looms\nBy Jane Doe\nApril 5, 2022\nUnions called for a walkout on Tuesday, the union said.\nRead more: pensions\nShare this article\n")
        #expect(en.bylineText == "Jane Doe")
        #expect(en.language == "en")
        #expect(en.bodyParagraphs.count == 1)
        #expect(en.paragraphs.filter { $0.role == .boilerplate }.count == 2)
    }

    @Test func crlfAndCRLineEndingsKeepOffsets() {
        let crlf = TestSupport.article("Titre\r\n\r\nPremier paragraphe.\r\nSecond paragraphe.\r\n")
        #expect(crlf.titleText == "Titre")
        #expect(crlf.bodyParagraphs.map { crlf.text[$0.span] } == ["Premier paragraphe.", "Second paragraphe."])
        #expect(crlf.bodyParagraphs[0].span.start == 9)   // T-i-t-r-e-\r-\n-\r-\n
        let cr = TestSupport.article("Titre\rCorps.\r")
        #expect(cr.titleText == "Titre" && cr.bodyParagraphs.count == 1)
    }

    @Test func emptyFileIsAnArticleWithNoBody() throws {
        let r = ArticleLoader().parse(path: "empty.txt", bytes: [])
        let a = try r.get()
        #expect(a.title == nil && a.paragraphs.isEmpty && a.text.isEmpty)
        let blank = try ArticleLoader().parse(path: "blank.txt", bytes: Array("\n \r\n\t\n".utf8)).get()
        #expect(blank.paragraphs.isEmpty)
    }

    @Test func englishArticleLanguage() {
        let a = TestSupport.article("Allies prepare to rearm Kyiv\n\nNATO's chief said on Tuesday that he feared more atrocities in Ukraine, as the allies were getting ready to rearm the country.")
        #expect(a.language == "en")
    }

    @Test func subheadingsBetweenParagraphsAreHeadings() {
        let a = TestSupport.article("""
        Le sommet de l'Otan s'ouvre à Madrid

        Les dirigeants de l'Alliance se retrouvent mardi pour deux jours de discussions.

        Une unité de façade

        La Turquie a levé son veto, a annoncé la présidence finlandaise.

        Il a dit qu'il était « très satisfait. »

        Le sommet se termine jeudi.
        """)
        let roles = a.paragraphs.map { (a.text[$0.span], $0.role) }
        #expect(roles.contains { $0 == ("Une unité de façade", .heading) })
        // A sentence that ends inside its closing quote mark is not a heading.
        #expect(roles.contains { $0 == ("Il a dit qu'il était « très satisfait. »", .body) })
        #expect(a.analysedParagraphs.contains { $0.role == .heading })
    }

    @Test func linksCaptionsAndCreditsAreBoilerplate() {
        for line in ["[Read: Why the strike spread to the ports]", "Map: Where the fighting is",
                     "Jane Roe in Paris contributed to this report.", "Lire aussi : Le gouvernement recule",
                     "© 2024 Le Quotidien. Tous droits réservés", "Share this article"] {
            #expect(Boilerplate.isBoilerplate(line), "\(line)")
        }
        for line in ["The map of the region shows the front line.", "Partager le pouvoir est difficile, a-t-il estimé devant les députés de la majorité."] {
            #expect(!Boilerplate.isBoilerplate(line), "\(line)")
        }
    }
}
