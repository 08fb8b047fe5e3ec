import Foundation
import Testing
@testable import DixitKit

/// The fast language guesser counts exactly what the straightforward one did.
@Suite struct ScaleLanguageGuesserTests {
    /// The original algorithm: a String per word, lowercased, looked up in the lists.
    static func reference(_ text: ScalarText, sample: Int = 20_000) -> (fr: Int, en: Int) {
        var fr = 0, en = 0
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let w = String(word).lowercased()
            if LanguageGuesser.french.contains(w) { fr += 1 }
            if LanguageGuesser.english.contains(w) { en += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for i in 0..<min(text.count, sample) {
            let s = text[i]
            if s.properties.isAlphabetic { word.append(s) } else { flush() }
        }
        flush()
        return (fr, en)
    }

    static let passages = [
        "Le chef de l’OTAN a été clair : « Nous ne céderons pas », a-t-il déclaré ÉTÉ comme hiver.",
        "THE minister said that the plan WAS ready, and that it had been approved by the cabinet.",
        "Ça a ÉTÉ dit par LES élus, said the mayor; Ünïcödé wörds, straße, ǅemal et İstanbul.",
        "mixed: leS dAns thE été2022 été-là l’été",
        "",
        "a",
    ]

    @Test func countsAsTheReferenceDoes() {
        var texts = Self.passages.map { ScalarText($0) }
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] {
            if let s = try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8) { texts.append(ScalarText(s)) }
        }
        #expect(texts.count >= Self.passages.count + 2)
        for t in texts {
            let r = Self.reference(t)
            #expect(LanguageGuesser.counts(t, sample: 20_000) == r)
            #expect(LanguageGuesser.guess(t.compacted()) == LanguageGuesser.guess(t))
            // Every cut of the sample too (words split at the end of the sample).
            for cut in stride(from: 0, to: min(t.count, 400), by: 7) {
                let rc = Self.reference(t, sample: cut)
                #expect(LanguageGuesser.counts(t, sample: cut) == rc)
            }
        }
        #expect(LanguageGuesser.guess(ScalarText(Self.passages[0])) == "fr")
        #expect(LanguageGuesser.guess(ScalarText(Self.passages[1])) == "en")
    }
}
