import Foundation
import Testing
@testable import DixitKit

/// The compact forms of `ScalarText` that keep a loaded corpus small.
@Suite struct CacheScalarTextTests {
    static let samples = [
        "",
        "Plain ASCII, said the spokesman.",
        "« Déjà vu », a déclaré l’ancien ministre — sans œillères… 2,3 %\u{202F}!",
        "Ελληνικά και 中文 – «Ça» \u{FEFF}",
        "Émoji 👩‍💻 hors du plan de base, et « guillemets ».",
    ]

    @Test func compactedTextsReadTheSameScalarByScalar() {
        for s in Self.samples {
            let full = ScalarText(s)
            let small = full.compacted()
            #expect(small.count == full.count)
            #expect(small == full)
            #expect(small.hashValue == full.hashValue)
            #expect(small.scalars == full.scalars)
            #expect(small.string == s)
            for i in 0..<full.count { #expect(small[i] == full[i]) }
            for a in stride(from: 0, through: full.count, by: 3) {
                for b in stride(from: a, through: full.count, by: 5) {
                    #expect(small[Span(a, b)] == full[Span(a, b)])
                }
            }
            #expect(small.trimmed(Span(0, full.count)) == full.trimmed(Span(0, full.count)))
        }
    }

    @Test func frenchNewsTakesOneByteAScalar() {
        let text = ScalarText(String(repeating: "« Nous irons jusqu’au bout », a affirmé Sophie Binet à l’Assemblée — 12 %.\n", count: 50)).compacted()
        #expect(text.isCompact)
        #expect(text.storageBytes <= text.count + 4 * 128)
    }

    @Test func manyDistinctScalarsFallBackToTwoBytesOrFour() {
        let cjk = ScalarText(String((0x4E00..<0x4E00 + 300).map { Character(Unicode.Scalar($0)!) })).compacted()
        #expect(cjk.isCompact)
        #expect(cjk.storageBytes == cjk.count * 2)
        #expect(cjk[299] == Unicode.Scalar(0x4E00 + 299)!)
        let wide = ScalarText(String((0x1F600..<0x1F600 + 60).map { Character(Unicode.Scalar($0)!) }) + String((0x4E00..<0x4E00 + 100).map { Character(Unicode.Scalar($0)!) })).compacted()
        #expect(wide[0] == "😀")
        #expect(wide[Span(58, 62)] == "\u{1F63A}\u{1F63B}一丁")
    }

    @Test func spansPastTheEndAreClampedInEveryForm() {
        let t = ScalarText("« Oui »").compacted()
        #expect(t[Span(2, 99)] == "Oui »")
        #expect(t[Span(50, 60)] == "")
    }

    @Test func oneStepUTF8DecodingAgreesWithTheDecoder() throws {
        var inputs: [[UInt8]] = Self.samples.map { Array($0.utf8) }
        inputs.append([0xEF, 0xBB, 0xBF] + Array("Avec BOM « oui »".utf8))
        inputs.append(Array("mauvais \u{FFFD}".utf8) + [0xC3])         // truncated sequence
        inputs.append(Array("caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65]) // Windows-1252
        inputs.append([0xFF, 0xFE, 0x41, 0x00])                          // UTF-16LE BOM
        inputs.append([0x41, 0x00, 0x42])                                // NUL: binary
        inputs.append([0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80])              // overlong, surrogate
        inputs.append(Array(String((0x4E00..<0x4E00 + 200).map { Character(Unicode.Scalar($0)!) }).utf8))
        var taken = 0
        for bytes in inputs {
            let reference = try? TextDecoder.decode(bytes)
            if let fast = ScalarText.compactUTF8(bytes) {
                taken += 1
                #expect(reference?.encoding == .utf8)
                #expect(fast == reference?.text)
                #expect(fast.string == reference?.text.string)
            } else {
                // Declined only where the decoder does more than plain UTF-8, or the text is wide.
                #expect(reference == nil || reference?.encoding != .utf8 || reference!.text.compacted().storageBytes >= 2 * reference!.text.count)
            }
        }
        #expect(taken == Self.samples.count + 1)   // the samples and the BOM one; not the CJK one (wide)
    }
}

@Suite struct CacheCompactAnalysisTests {
    @Test func analysingACompactedArticleGivesTheSameResult() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let loader = ArticleLoader(), analyzer = Analyzer()
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() {
            guard case .success(let article) = loader.load(seeds.appendingPathComponent(name).path) else { continue }
            var compact = article
            compact.text = article.text.compacted()
            #expect(compact.text.isCompact)
            let a = analyzer.analyze(article), b = analyzer.analyze(compact)
            #expect(a.entities == b.entities)
            #expect(a.quotes == b.quotes)
            #expect(b.article.text.isCompact)
            #expect(!a.quotes.isEmpty)
            checked += 1
        }
        #expect(checked == 2)
    }
}
