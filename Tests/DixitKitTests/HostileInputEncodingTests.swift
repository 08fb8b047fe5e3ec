import Foundation
import Testing
@testable import DixitKit

/// Bytes that are not the UTF-8 they claim to be: each file loads with U+FFFD
/// (or its real encoding) and a warning, or is refused with a message naming it.
@Suite struct HostileInputEncodingTests {
    static let before = "La ministre a déclaré jeudi à Lyon : « Nous tiendrons "
    static let after = " jusqu'au bout », selon l'AFP."

    /// Every kind of malformed UTF-8, between valid French text with accents.
    static let malformed: [(String, [UInt8])] = [
        ("overlong slash (2 bytes)", [0xC0, 0xAF]),
        ("overlong slash (3 bytes)", [0xE0, 0x80, 0xAF]),
        ("overlong slash (4 bytes)", [0xF0, 0x80, 0x80, 0xAF]),
        ("overlong NUL", [0xC0, 0x80]),
        ("high surrogate U+D800", [0xED, 0xA0, 0x80]),
        ("low surrogate U+DFFF", [0xED, 0xBF, 0xBF]),
        ("surrogate pair in CESU-8", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
        ("truncated 2-byte sequence", [0xC3]),
        ("truncated 3-byte sequence", [0xE2, 0x82]),
        ("truncated 4-byte sequence", [0xF0, 0x9F, 0x98]),
        ("stray continuation byte", [0x80]),
        ("run of continuation bytes", [0x80, 0xBF, 0x9F, 0xA0]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("5-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("6-byte form", [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80]),
        ("bytes never in UTF-8", [0xFE, 0xFF, 0xC1, 0xF5]),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedUTF8IsReplacedAndReported(_ index: Int) throws {
        let (kind, bad) = Self.malformed[index]
        let bytes = Array(Self.before.utf8) + bad + Array(Self.after.utf8)
        let a = try analyseBytes(bytes).get()
        let text = a.article.text.string
        #expect(text.hasPrefix(Self.before), "\(kind): text before the bad bytes kept")
        #expect(text.hasSuffix(Self.after), "\(kind): text after the bad bytes kept")
        let middle = text.unicodeScalars.dropFirst(Self.before.unicodeScalars.count).dropLast(Self.after.unicodeScalars.count)
        #expect(!middle.isEmpty && middle.allSatisfy { $0 == "\u{FFFD}" }, "\(kind): bad bytes become U+FFFD")
        #expect(middle.count <= bad.count, "\(kind): at most one U+FFFD a byte")
        #expect(a.article.encoding == .utf8WithReplacements, "\(kind)")
        #expect(a.article.warnings.contains { $0.contains("not valid UTF-8") }, "\(kind): a warning says so")
        expectWellFormed(a)
    }

    @Test func malformedUTF8AtTheVeryEndAndStart() throws {
        for bytes: [UInt8] in [[0xE2], [0xF0, 0x9F], Array("Fin".utf8) + [0xF0, 0x9F, 0x98], [0x80] + Array("Début".utf8)] {
            let a = try analyseBytes(bytes).get()
            // A lone E2 or F0 9F may well be Windows-1252 (`â`, `ðŸ`): either reading, with a warning.
            #expect(a.article.text.scalars.contains("\u{FFFD}") || a.article.encoding == .windows1252)
            #expect(a.article.warnings.count == 1)
            expectWellFormed(a)
        }
    }

    @Test func warningNamesTheFileThroughTheCorpusLoader() throws {
        let dir = ScratchDirectory()
        let bad = dir.write("mauvais.txt", Array(Self.before.utf8) + [0xED, 0xA0, 0x80] + Array(Self.after.utf8))
        let good = dir.write("bon.txt", Self.before + Self.after)
        let out = CorpusLoader().load([dir.path])
        #expect(out.articles.count == 2)
        #expect(out.problems.contains { $0.path == bad && $0.severity == .warning && $0.description.contains("mauvais.txt") })
        #expect(!out.problems.contains { $0.path == good })
    }

    @Test func windows1252FrenchIsDecodedAsSuch() throws {
        // « L'été, “chaud” – 5 € » in Windows-1252.
        let bytes: [UInt8] = Array("L'".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(", ".utf8) + [0x93]
            + Array("chaud".utf8) + [0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0xAB, 0xA0, 0x6F, 0x6B, 0xA0, 0xBB]
        let a = try analyseBytes(bytes).get()
        #expect(a.article.text.string == "L'été, “chaud” – 5 € «\u{A0}ok\u{A0}»")
        #expect(a.article.encoding == .windows1252)
        #expect(a.article.warnings == ["not valid UTF-8; decoded as Windows-1252"])
        expectWellFormed(a)
    }

    @Test func windows1252UndefinedBytesFallBackToReplacement() throws {
        // 0x81 has no Windows-1252 meaning: not plausibly that encoding.
        let a = try analyseBytes(Array("caf".utf8) + [0xE9, 0x81] + Array(" noir".utf8)).get()
        #expect(a.article.encoding == .utf8WithReplacements)
        #expect(a.article.text.string == "caf\u{FFFD}\u{FFFD} noir")
    }

    static let utf16Text = "« Nous ne céderons pas », a dit Olena Kovalenko à Kyiv. 👩‍💻 ok\r\nDeuxième paragraphe."

    static func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in s.utf16 { out += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return out
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) throws {
        let a = try analyseBytes(Self.utf16(Self.utf16Text, bigEndian: bigEndian)).get()
        #expect(a.article.text.string == Self.utf16Text)
        #expect(a.article.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(a.article.paragraphs.count == 2)
        #expect(a.article.warnings.count == 1 && a.article.warnings[0].contains("UTF-16"))
        expectWellFormed(a)
    }

    @Test func utf16WithOddLengthAndLoneSurrogate() throws {
        // A lone high surrogate in the middle and half a code unit at the end.
        var bytes = Self.utf16("Avant ", bigEndian: false) + [0x00, 0xD8] + Array(Self.utf16(" après", bigEndian: false).dropFirst(2))
        bytes.append(0x41)
        let a = try analyseBytes(bytes).get()
        #expect(a.article.text.string == "Avant \u{FFFD} après")
        #expect(a.article.warnings[0].contains("bad unit"))
        expectWellFormed(a)
    }

    @Test func nulBytesAreRefusedWithTheFileNamed() {
        let bytes = Array("Le texte commence bien".utf8) + [0, 0, 0x13, 0] + Array("puis du binaire".utf8)
        let r = ArticleLoader().parse(path: "corpus/image.txt", bytes: bytes)
        guard case .failure(let p) = r else { Issue.record("a file with NUL bytes was accepted"); return }
        #expect(p.path == "corpus/image.txt" && p.description.hasPrefix("corpus/image.txt: "))
        #expect(p.message.contains("NUL"))
        #expect(p.severity == .error)
    }

    @Test func utf16WithoutByteOrderMarkIsRefusedNotMisread() {
        // Without a BOM, UTF-16 is NUL bytes every other byte: refused, never garbled text.
        let bytes = Array(Self.utf16("Bonjour", bigEndian: false).dropFirst(2))
        #expect(throws: TextDecoder.Failure.binary) { try TextDecoder.decode(bytes) }
    }

    @Test func byteOrderMarkOnlyAndControlsOnlyFilesLoad() throws {
        for bytes: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x1B, 0x07, 0x0C, 0x7F], [0x0D, 0x0D, 0x0A, 0x0B]] {
            let a = try analyseBytes(bytes).get()
            #expect(a.article.bodyParagraphs.isEmpty)
            #expect(a.quotes.isEmpty && a.entities.isEmpty)
            expectWellFormed(a)
        }
    }

    @Test func everySingleByteValueAloneLoadsOrIsRefused() {
        for b in 0...255 {
            switch analyseBytes([UInt8(b)], path: "one-byte") {
            case .success(let a): expectWellFormed(a)
            case .failure(let p): #expect(b == 0 && p.path == "one-byte")
            }
        }
    }
}
