import Testing
@testable import DixitKit

@Suite struct TextDecoderTests {
    @Test func utf8WithBOMKeepsTheBOMSoOffsetsMatchPython() throws {
        let r = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Été\nTexte".utf8))
        #expect(r.encoding == .utf8 && r.warning == nil)
        #expect(r.text[0] == "\u{FEFF}")
        let a = StructureParser.parse(path: "bom.txt", text: r.text)
        #expect(a.titleText == "Été")
    }

    @Test func windows1252FrenchIsDecoded() throws {
        // "L'été à Noël « oui »" in Windows-1252, with a curly apostrophe (0x92).
        let bytes: [UInt8] = [0x4C, 0x92, 0xE9, 0x74, 0xE9, 0x20, 0xE0, 0x20, 0x4E, 0x6F, 0xEB, 0x6C, 0x20, 0xAB, 0x20, 0x6F, 0x75, 0x69, 0x20, 0xBB]
        let r = try TextDecoder.decode(bytes)
        #expect(r.encoding == .windows1252)
        #expect(r.text.string == "L’été à Noël « oui »")
        #expect(r.warning?.contains("Windows-1252") == true)
    }

    @Test func invalidUTF8MixedWithValidGetsReplacementCharacters() throws {
        let bytes = Array("Déjà ".utf8) + [0xFF, 0xC3] + Array(" vu".utf8)
        let r = try TextDecoder.decode(bytes)
        #expect(r.encoding == .utf8WithReplacements)
        #expect(r.text.string == "Déjà \u{FFFD}\u{FFFD} vu")
        #expect(r.warning?.contains("2 bad bytes") == true)
    }

    @Test func overlongAndSurrogateSequencesAreInvalid() throws {
        // C0 AF is an overlong '/', ED A0 80 a UTF-16 surrogate: never valid UTF-8.
        let r = try TextDecoder.decode(Array("é".utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80])
        #expect(r.encoding == .utf8WithReplacements)
        #expect(!r.text.scalars.contains("/"))
        #expect(r.text.scalars.filter { $0 == "\u{FFFD}" }.count == 5)
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: TextDecoder.Failure.binary) { try TextDecoder.decode([0x41, 0x00, 0x42]) }
    }

    @Test func utf16WithBOM() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        for u in "Noël «oui»".utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let r = try TextDecoder.decode(le)
        #expect(r.encoding == .utf16LE)
        #expect(r.text.string == "Noël «oui»")
        var be: [UInt8] = [0xFE, 0xFF]
        for u in "😀 ok".utf16 { be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try TextDecoder.decode(be).text.string == "😀 ok")
    }

    @Test func loaderNamesTheFileInProblems() {
        let r = ArticleLoader().parse(path: "photos/cat.jpg", bytes: [0xFF, 0xD8, 0x00, 0x10])
        guard case .failure(let p) = r else { Issue.record("binary accepted"); return }
        #expect(p.description.hasPrefix("photos/cat.jpg: binary"))
    }
}
