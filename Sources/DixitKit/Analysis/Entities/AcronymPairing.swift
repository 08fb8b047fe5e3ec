/// Pairs an acronym with the name it abbreviates when the text writes them
/// together: `Organisation mondiale de la météorologie (OMM)`, `WGA (Writers
/// Guild of America)`. When the name runs in lowercase words the run finder did not
/// take whole, the acronym's letters find its start.
struct AcronymPairing {
    let view: TokenView
    let lexicon: EntityLexicon

    static let skipped: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "of", "the", "and", "for", "pour", "en", "a",
        "aux", "au", "on", "in", "sur", "&",
    ]

    func pair(_ candidates: inout [EntityCandidate], paragraph: Int) {
        // Most paragraphs hold no one-word bracket (`(OMS)`): nothing to pair, nothing to allocate.
        var bracketed = false
        var b = 1
        while b + 2 < view.count {
            if view.isPunct(b, "("), view.isPunct(b + 2, ")") { bracketed = true; break }
            b += 1
        }
        guard bracketed else { return }
        // Which candidate covers each token: every step below is linear in the paragraph.
        var owner = [Int](repeating: -1, count: view.count)
        for (n, c) in candidates.enumerated() { for k in c.tokens where k < view.count { owner[k] = n } }
        var dropped = Set<Int>()
        var added: [EntityCandidate] = []
        var k = 0
        while k + 2 < view.count {
            defer { k += 1 }
            guard k >= 1, view.isPunct(k, "("), view.isPunct(k + 2, ")"), view.isAllCaps(k + 1) else { continue }
            let acronym = k + 1
            let letters = Array(view.fold(acronym).unicodeScalars.filter { $0.isLetter })
            guard letters.count >= 2, let start = expansionStart(endingBefore: k, letters: letters) else { continue }
            let longSpan = Span(view.span(start).start, view.span(k - 1).end)
            let exact = owner[start] >= 0 && candidates[owner[start]].tokens == start..<k ? owner[start] : -1
            let type: EntityType = exact >= 0 && candidates[exact].strength >= .strong ? (candidates[exact].type ?? .organisation)
                : (lexicon.names[view.key(start..<k)] == .place ? .location : .organisation)
            // The long form replaces whatever smaller pieces were found inside it.
            for t in start..<k where owner[t] >= 0 { dropped.insert(owner[t]) }
            let short = text(acronym..<(acronym + 1)), long = text(start..<k)
            added.append(EntityCandidate(paragraph: paragraph, tokens: start..<k, span: longSpan,
                                         type: type, strength: .strong, pairedWith: short))
            if owner[acronym] >= 0 {
                let i = owner[acronym]
                candidates[i].type = type
                candidates[i].strength = .strong
                candidates[i].pairedWith = long
            } else {
                added.append(EntityCandidate(paragraph: paragraph, tokens: acronym..<(acronym + 1),
                                             span: view.span(acronym), type: type, strength: .strong, pairedWith: long))
            }
        }
        guard !added.isEmpty else { return }
        candidates = candidates.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) + added
        candidates.sort { $0.span.start < $1.span.start }
    }

    /// Where the words whose initials spell `letters` begin, reading back from `end`.
    func expansionStart(endingBefore end: Int, letters: [Unicode.Scalar]) -> Int? {
        var li = letters.count - 1
        var k = end - 1
        var start: Int?
        var words = 0
        while k >= 0, li >= 0, words < 14 {
            words += 1
            if view.kind(k) == .punctuation && !view.isPunct(k, "&") { return nil }
            if view.has(k, .acronymSkipped) || view.kind(k) == .elision || view.kind(k) == .possessive { k -= 1; continue }
            // A hyphenated word gives one initial per part (`Haut-Commissariat`).
            let parts = view.fold(k).split(separator: "-").map { $0.unicodeScalars.first! }
            for p in parts.reversed() {
                guard li >= 0, p == letters[li] else { return nil }
                li -= 1
            }
            start = k
            k -= 1
        }
        guard li < 0, let s = start, view.isCapitalised(s) else { return nil }
        return s
    }

    func text(_ r: Range<Int>) -> String {
        ScalarText.string(view.scalars, view.span(r.lowerBound).start..<view.span(r.upperBound - 1).end)
    }
}
