/// Tells French from English by counting frequent function words.
public enum LanguageGuesser {
    static let french: Set<String> = [
        "le", "la", "les", "des", "du", "et", "est", "une", "un", "que", "qui", "pour", "dans", "sur",
        "pas", "par", "au", "aux", "ce", "cette", "il", "elle", "ont", "sont", "avec", "mais", "selon", "été",
    ]
    static let english: Set<String> = [
        "the", "and", "of", "to", "is", "that", "was", "for", "on", "with", "are", "he", "she", "it",
        "said", "by", "from", "at", "have", "has", "his", "her", "they", "this", "be", "were", "an",
    ]

    /// `fr` or `en` (French when nothing decides: French news first).
    public static func guess(_ text: ScalarText, sample: Int = 20_000) -> String {
        var fr = 0, en = 0
        var word = String.UnicodeScalarView()
        let n = min(text.count, sample)
        func flush() {
            guard !word.isEmpty else { return }
            let w = String(word).lowercased()
            if french.contains(w) { fr += 1 }
            if english.contains(w) { en += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for i in 0..<n {
            let s = text[i]
            if s.properties.isAlphabetic { word.append(s) } else { flush() }
        }
        flush()
        return en > fr ? "en" : "fr"
    }
}
