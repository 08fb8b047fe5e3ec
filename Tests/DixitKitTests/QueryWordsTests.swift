import Testing
@testable import DixitKit

/// The corpus index folds and splits texts straight from their scalars: the words
/// must be those of the normalised text split at its spaces (the reference).
@Suite struct QueryWordsTests {
    static func reference(_ s: String) -> [String] {
        QueryText.normalize(s).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    static func split(_ s: String) -> [String] {
        let splitter = QueryWords()
        var out: [String] = []
        splitter.forEachWord(of: s) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    static func split(_ text: ScalarText) -> [String] {
        let splitter = QueryWords()
        var out: [String] = []
        splitter.forEachWord(of: text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    static let samples = [
        "Grève à la SNCF : « Nous irons jusqu’au bout », prévient Sophie Béranger.",
        "L’Œuvre\u{00A0}: 12\u{202F}% des Français, selon l'Insee.\r\nDeuxième\tparagraphe\u{2028}suite",
        "  espaces   en\u{2003}tête et fin  ",
        "Straße, ÆSIR, cœur ; naïve café — « ¨ » ´ ¸ ˜",
        "Ukraine 🇺🇦 says \u{201C}no\u{201D}\u{200B}deal 👩🏽‍⚕️ e\u{0301}te\u{0301}",
        "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ, Ελλάδα ΑΘΗΝΑ, Москва, 東京\u{3000}都",
        "",
        "\u{FEFF}BOM\u{0085}NEL\u{000B}VT\u{000C}FF",
    ]

    @Test func wordsAreThoseOfTheNormalisedText() {
        for s in Self.samples {
            #expect(Self.split(s) == Self.reference(s), "\(s)")
            // Compacted texts (one or two bytes a scalar) give the same words.
            #expect(Self.split(ScalarText(s).compacted()) == Self.reference(s), "\(s)")
        }
    }

    @Test func namesAreNormalisedAsQueriesAre() {
        // Entity names are interned from the article's scalars, normalised on the way.
        let splitter = QueryWords()
        for s in Self.samples + ["  Élise\u{00A0}\u{00A0}Martin ", "OTAN", "Jean-Yves Le Drian", "\n"] {
            let scalars = Array(s.unicodeScalars)
            let got = scalars.withUnsafeBufferPointer { splitter.normalized($0) { String(decoding: $0, as: UTF8.self) } }
            #expect(got == QueryText.normalize(s), "\(s)")
        }
    }

    @Test func foldedWordsLoseCaseAndAccentsButKeepPunctuation() {
        #expect(Self.split("Élise MARTIN, l’État.") == ["elise", "martin,", "l'etat."])
        #expect(Self.split("a\u{00A0}b\nc") == ["a", "b", "c"])
    }
}
