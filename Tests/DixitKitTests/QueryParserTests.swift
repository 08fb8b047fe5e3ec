import Testing
@testable import DixitKit

@Suite struct QueryParserTests {
    private func parse(_ s: String) throws -> Query {
        try Query.parse(s).get()
    }

    private func error(_ s: String) -> QueryError? {
        if case .failure(let e) = Query.parse(s) { return e }
        return nil
    }

    @Test func fieldsAreParsedAndValuesFolded() throws {
        let q = try parse("speaker:Stoltenberg entity:OTAN type:per lang:FR kind:Direct")
        #expect(q.terms.map(\.field) == [.speaker, .entity, .type, .lang, .kind])
        #expect(q.terms[0].value == .text("stoltenberg"))
        #expect(q.terms[1].value == .text("otan"))
        #expect(q.terms[2].value == .entityType(.person))
        #expect(q.terms[3].value == .text("fr"))
        #expect(q.terms[4].value == .kind(.direct))
        #expect(q.terms.allSatisfy { !$0.negated })
    }

    @Test func accentsAndCaseAreFoldedInBareWords() throws {
        let q = try parse("États-Unis KREMLIN")
        #expect(q.terms.map(\.value) == [.text("etats-unis"), .text("kremlin")])
        #expect(q.terms.allSatisfy { $0.field == .text })
    }

    @Test func quotedPhrasesAndQuotedValues() throws {
        let q = try parse("« crimes de guerre » speaker:\"Julianne  Smith\" “fosses communes”")
        #expect(q.terms.count == 3)
        #expect(q.terms[0].value == .text("crimes de guerre"))
        #expect(q.terms[1].field == .speaker)
        #expect(q.terms[1].value == .text("julianne smith"))
        #expect(q.terms[2].value == .text("fosses communes"))
    }

    @Test func minusExcludes() throws {
        let q = try parse("-speaker:poutine -Kiev")
        #expect(q.terms.map(\.negated) == [true, true])
        #expect(q.terms[1].value == .text("kiev"))
        #expect(q.terms[1].range == 17..<22)
    }

    @Test func datesAndRanges() throws {
        let month = try parse("date:2022-04").terms[0].value
        #expect(month == .dateRange(from: ArticleDate(year: 2022, month: 4), to: ArticleDate(year: 2022, month: 4)))
        let range = try parse("date:2022-01..2022-06").terms[0].value
        #expect(range == .dateRange(from: ArticleDate(year: 2022, month: 1), to: ArticleDate(year: 2022, month: 6)))
        let open = try parse("date:..2021").terms[0].value
        #expect(open == .dateRange(from: nil, to: ArticleDate(year: 2021)))
    }

    @Test func emptyQueryMatchesEverything() throws {
        #expect(try parse("   ").isEmpty)
        #expect(try parse("").isEmpty)
    }

    @Test func wordsWithColonsThatAreNotFieldsStayWords() throws {
        let q = try parse("12:30 https://example.org")
        #expect(q.terms.map(\.field) == [.text, .text])
    }

    @Test func errorsCarryMessageAndPosition() {
        let unknown = error("otan speeker:smith")
        #expect(unknown?.position == 5)
        #expect(unknown?.message.contains("speeker") == true)

        let unclosed = error("entity:OTAN \"crimes de")
        #expect(unclosed?.position == 12)
        #expect(unclosed?.message.contains("never closed") == true)

        #expect(error("type:ANIMAL")?.position == 5)
        #expect(error("kind:loud")?.message.contains("direct, partial or indirect") == true)
        #expect(error("date:2022-13")?.position == 5)
        #expect(error("date:2022-06..2022-01")?.message.contains("before") == true)
        #expect(error("date:2022-01..soon")?.position == 14)
        #expect(error("speaker:")?.message.contains("needs a value") == true)
        #expect(error("otan - ")?.position == 5)
        #expect(error("\"\"")?.message.contains("empty") == true)
    }

    @Test func arbitraryInputNeverTraps() {
        let samples = ["\"", "-", "--", ":", "a:", ":b", "date:..", "date:-", "«", "» «", "speaker:\"", "-\"x\"",
                       "type:", "\u{0}\u{1B}[31m", "date:2022-01-01..", "date:9999-99", "🙂:x", "é:x"]
        for s in samples {
            switch Query.parse(s) {
            case .success(let q): #expect(q.source == s)
            case .failure(let e): #expect(e.position >= 0 && e.position <= s.count)
            }
        }
    }

    @Test func randomQueriesParseOrFailWithAPositionInside() {
        // A fixed linear congruential sequence over the characters that matter to the parser.
        let alphabet = Array("speakr:entiydglnwcf-\"'«»“”„.. 0123456789-é東🙂\t")
        var seed: UInt64 = 42
        for _ in 0..<3000 {
            var s = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59)
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                s.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            switch Query.parse(s) {
            case .success(let q):
                for t in q.terms { #expect(t.range.lowerBound >= 0 && t.range.upperBound <= s.count) }
            case .failure(let e):
                #expect(e.position >= 0 && e.position <= s.count, "\(s): \(e)")
            }
        }
    }
}
