import Foundation
import Testing
@testable import DixitKit

/// The byte search that filtering uses answers as `String.contains` does.
struct QueryTextSearchTests {
    /// Every word and two-word run of the seeds, plus words absent from them.
    static func needles(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var out = Set(words)
        for i in words.indices.dropLast() where i % 3 == 0 { out.insert(words[i] + " " + words[i + 1]) }
        out.formUnion(["zzqx", "otan", "o", "e", "stoltenberg kremlin", "«", "️", "🇫", "a\u{301}"])
        return out.sorted()
    }

    @Test func seedsAnswerAsContains() throws {
        for name in [TestSupport.seed000, TestSupport.seed004] {
            let hay = QueryText.normalize(try TestSupport.loadSeed(name).text.string)
            let needles = Self.needles(hay)
            #expect(needles.count > 100)
            for n in needles { #expect(hay.queryContains(n) == hay.contains(n), "\(n)") }
            // Pieces of words, cut at every byte length, found as contains finds them.
            for n in needles.prefix(200) where n.count > 3 {
                let piece = String(n.dropFirst().dropLast())
                #expect(hay.queryContains(piece) == hay.contains(piece), "\(piece)")
            }
        }
    }

    @Test func matchesInsideACharacterDoNotCount() {
        // "e" followed by a combining accent is one character: a match must take whole characters.
        let hay = "cafe\u{301} cre\u{300}me"
        #expect(hay.queryContains("caf") && hay.queryContains("cafe\u{301}") && hay.queryContains("me"))
        #expect(hay.queryContains("cafe\u{301} cre\u{300}"))
        #expect(!hay.queryContains("cafe") && !hay.queryContains("cre") && !hay.queryContains("\u{301}"))
        let flags = "drapeaux 🇫🇷🇩🇪 et ❤️ ici"
        #expect(flags.queryContains("🇫🇷") && flags.queryContains("🇩🇪 et") && flags.queryContains("❤️"))
        #expect(!flags.queryContains("🇷🇩") && !flags.queryContains("❤") && !flags.queryContains("x 🇫"))
        // Ends of the text, repeats, and the empty needle (not found, as with `contains`).
        #expect(!"abc".queryContains("") && !"".queryContains("a") && !"ab".queryContains("abc"))
        #expect("abcabd".queryContains("abd") && "abc".queryContains("abc") && "xabc".queryContains("c"))
        // The rare byte searched for first sits anywhere in the needle, near either end of the text.
        #expect("zeeez".queryContains("ez") && "zeeez".queryContains("ze") && "eeeeq".queryContains("eeq"))
        #expect(!"qeee".queryContains("eq") && !"eeeq".queryContains("qe") && "qe".queryContains("qe"))
    }
}
