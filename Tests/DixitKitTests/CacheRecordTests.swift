import Testing
@testable import DixitKit

@Suite struct CacheRecordTests {
    /// An article with hand-placed entities and quotes, whatever the extractors find today.
    static func sample() -> AnalyzedArticle {
        let raw = """
            Grève : « Nous irons jusqu’au bout », prévient la CGT

            Par Léa Martin

            « Nous irons jusqu’au bout », a déclaré mardi Sophie Binet, la secrétaire générale de la CGT. Elle a ajouté que le mouvement serait « reconductible ».
            """
        let text = ScalarText(raw)
        var article = StructureParser.parse(path: "greve.txt", text: text)
        article.warnings = ["not valid UTF-8: 1 bad byte replaced by U+FFFD"]
        func span(of needle: String, after: Int = 0) -> Span {
            let scalars = Array(needle.unicodeScalars)
            for i in after...(text.count - scalars.count) where Array(text.scalars[i..<(i + scalars.count)]) == scalars {
                return Span(i, i + scalars.count)
            }
            fatalError("\(needle) not in sample")
        }
        let binet = span(of: "Sophie Binet")
        let cgt = span(of: "CGT", after: binet.end)
        let elle = span(of: "Elle")
        let q1 = span(of: "Nous irons jusqu’au bout", after: 60)
        let q2 = span(of: "reconductible")
        let entities = [
            Entity(span: binet, text: text[binet], type: .person, canonical: "Sophie Binet"),
            Entity(span: cgt, text: text[cgt], type: .organisation, canonical: "CGT"),
        ]
        let quotes = [
            Quote(span: q1, text: text[q1], kind: .direct, speaker: "Sophie Binet",
                  speakerMention: Mention(span: binet, text: text[binet]),
                  cue: Mention(span: span(of: "a déclaré"), text: "a déclaré")),
            Quote(span: q2, text: text[q2], kind: .partial, speaker: "Sophie Binet",
                  speakerMention: Mention(span: elle, text: "Elle"), cue: nil),
        ]
        return AnalyzedArticle(article: article, entities: entities, quotes: quotes)
    }

    @Test func recordRoundTripsEverythingButPathAndText() throws {
        let a = Self.sample()
        let record = AnalysisRecord.encode(a)
        let back = try AnalysisRecord.decode(record, path: "elsewhere/greve.txt", text: a.article.text)
        #expect(back.entities == a.entities)
        #expect(back.quotes == a.quotes)
        #expect(back.article.paragraphs == a.article.paragraphs)
        #expect(back.article.title == a.article.title)
        #expect(back.article.byline == a.article.byline)
        #expect(back.article.date == a.article.date)
        #expect(back.article.warnings == a.article.warnings)
        #expect(back.article.language == a.article.language)
        #expect(back.article.path == "elsewhere/greve.txt")
        var renamed = a
        renamed.article.path = "elsewhere/greve.txt"
        #expect(ExportFormat.articleJSON(back) == ExportFormat.articleJSON(renamed))
        #expect(a.quotes.count == 2 && a.entities.count == 2)
    }

    @Test func recordKeepsDatesAtTheirPrecision() throws {
        var a = Self.sample()
        for date in [ArticleDate(year: 2022, month: 9), ArticleDate(year: 2022, month: 4, day: 5, hour: 16, minute: 43), ArticleDate(year: 1999)] {
            a.article.date = date
            let back = try AnalysisRecord.decode(AnalysisRecord.encode(a), path: "x", text: a.article.text)
            #expect(back.article.date == date)
            #expect(back.article.date?.iso == date.iso)
        }
    }

    @Test func everyTruncationOfARecordIsRejected() {
        let a = Self.sample()
        let record = AnalysisRecord.encode(a)
        for n in 0..<record.count {
            #expect(throws: AnalysisRecord.DecodingError.self) {
                _ = try AnalysisRecord.decode(Array(record.prefix(n)), path: "x", text: a.article.text)
            }
        }
    }

    @Test func aRecordForAnotherTextIsRejected() {
        let a = Self.sample()
        let record = AnalysisRecord.encode(a)
        let shorter = ScalarText(String(a.article.text.string.dropLast(10)))
        #expect(throws: AnalysisRecord.DecodingError.self) {
            _ = try AnalysisRecord.decode(record, path: "x", text: shorter)
        }
    }

    @Test func damagedBytesNeverGiveOffsetsOutsideTheText() {
        let a = Self.sample()
        let record = AnalysisRecord.encode(a)
        let count = a.article.text.count
        var rejected = 0
        for i in 0..<record.count {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = record
                damaged[i] ^= flip
                guard let back = try? AnalysisRecord.decode(damaged, path: "x", text: a.article.text) else { rejected += 1; continue }
                let spans = back.article.paragraphs.map(\.span) + back.entities.map(\.span) + back.quotes.map(\.span)
                #expect(spans.allSatisfy { $0.start >= 0 && $0.end <= count })
            }
        }
        #expect(rejected > 0)
    }

    @Test func contentHashIsXXH64() {
        #expect(ContentHash.xxh64([]) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.xxh64(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        // Longer than one 32-byte stripe, with multi-byte scalars.
        #expect(ContentHash.xxh64(Array("Le chef du bloc, Jens Stoltenberg, a déclaré mardi que l’alliance resterait unie.".utf8)) == 0xDB8A_588F_83EA_6CA1)
    }

    @Test func spanTextsAreNotStoredAndComeBackSharedWithTheArticle() throws {
        let a = Self.sample()
        let record = AnalysisRecord.encode(a)
        let bytes = record.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        // The quotes' and mentions' own words are read from the text, not stored.
        #expect(!bytes.contains("Nous irons jusqu’au bout"))
        #expect(!bytes.contains("reconductible"))
        #expect(bytes.contains("Sophie Binet"))   // the speaker's and canonical name
        let back = try AnalysisRecord.decode(record, path: "greve.txt", text: a.article.text.compacted())
        #expect(back.quotes.allSatisfy { $0.textIsShared })
        #expect(back.entities.allSatisfy { $0.textIsShared })
        #expect(back.quotes == a.quotes && back.entities == a.entities)
        // A quote text that is not its span's words is kept, and comes back as it was.
        var edited = a
        edited.quotes[0].text = "Nous irons jusqu’au bout !"
        let again = try AnalysisRecord.decode(AnalysisRecord.encode(edited), path: "greve.txt", text: a.article.text)
        #expect(again.quotes[0].text == "Nous irons jusqu’au bout !" && !again.quotes[0].textIsShared)
        #expect(again.quotes == edited.quotes)
    }

    @Test func aRecordOfTheFirstLayoutIsAMiss() {
        // Layout 1 stored every text; its records must never be read as layout 2's.
        var record = AnalysisRecord.encode(Self.sample())
        #expect(AnalysisRecord.layoutVersion == 2 && record[0] == 2)
        record[0] = 1
        #expect(throws: AnalysisRecord.DecodingError.self) {
            try AnalysisRecord.decode(record, path: "greve.txt", text: Self.sample().article.text)
        }
        #expect(AnalyserFingerprint.compute().contains("record 2"))
    }
}
