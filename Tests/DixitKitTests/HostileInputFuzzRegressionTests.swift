import Foundation
import Testing
@testable import DixitKit

/// Inputs the fuzzer (Fuzz/run.sh) found, kept as literals so they are checked
/// on every `swift test`. Each note says what went wrong.
@Suite struct HostileInputFuzzRegressionTests {
    /// The export as a reader of the contract decodes it.
    struct Document: Decodable {
        struct Item: Decodable { var start: Int; var end: Int; var text: String }
        struct Art: Decodable { var title: String; var entities: [Item]; var quotes: [Item] }
        var version: Int
        var articles: [Art]
    }

    static func expectExportRoundTrips(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = try analyseBytes(bytes).get()
        expectWellFormed(a, sourceLocation: sourceLocation)
        let json = ExportFormat.documentJSON([a])
        let doc = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        let art = try #require(doc.articles.first)
        #expect(Array(art.title.unicodeScalars) == Array(a.article.titleText.unicodeScalars), sourceLocation: sourceLocation)
        for item in art.entities + art.quotes {
            #expect(Array(item.text.unicodeScalars) == Array(a.article.text[Span(item.start, item.end)].unicodeScalars),
                    sourceLocation: sourceLocation)
        }
    }

    /// crash-cd0b500e: UTF-16BE with U+0000, U+FEFF and U+FFFF inside the title.
    /// dixit was right; Foundation's JSONSerialization drops U+FEFF when reading back,
    /// so the harness now decodes with JSONDecoder. Kept: the title must survive export.
    @Test func utf16TitleWithNulByteOrderMarkAndNoncharacters() throws {
        try Self.expectExportRoundTrips([
            0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x72, 0x75, 0x04, 0x00, 0x26, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x72, 0x75, 0x04, 0x00, 0x26, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x6D, 0x20, 0x26, 0x4C, 0xC3, 0xA0, 0x20, 0x45, 0x24, 0x55, 0x72, 0xEF, 0xEF, 0xEF,
            0xEF, 0xEF, 0xEF, 0xEF, 0xEF, 0xEF, 0xEF, 0xEF,
        ])
        let a = try analyseBytes([0xFE, 0xFF, 0x00, 0x41, 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x42]).get()
        #expect(a.article.titleText == "A\u{0}\u{FEFF}B")
    }

    /// crash-e49bc0c2: the same, with a long run of NULs in the middle of the title.
    @Test func utf16TitleWithRunOfNuls() throws {
        var bytes: [UInt8] = [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xF2, 0x00, 0x00, 0x7D, 0x00, 0xC3, 0xA0, 0x20, 0x45, 0x55]
        bytes += [UInt8](repeating: 0, count: 50)
        bytes += [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xF2, 0x00, 0x00, 0x7D, 0x00, 0xC3, 0xA0, 0x72]
        try Self.expectExportRoundTrips(bytes)
    }

    /// Found while writing HostileInputShapeTests: a line of 100,000 quote marks took
    /// minutes in Boilerplate (trailing punctuation trimmed one `dropLast()` at a time).
    @Test func lineOfQuoteMarksIsBoilerplateCheckedOnce() {
        let line = "Facebook" + String(repeating: "«", count: 100_000)
        #expect(line.trimmingTrailingPunctuation == "Facebook")
        #expect(!Boilerplate.isBoilerplate("Facebook" + String(repeating: "!", count: 400) + " et la suite du texte"))
        #expect(Boilerplate.isBoilerplate("Facebook !"))
        #expect(Boilerplate.isBoilerplate("Lire aussi " + String(repeating: "«", count: 100_000)))
    }
}
