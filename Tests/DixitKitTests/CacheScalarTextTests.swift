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
}
