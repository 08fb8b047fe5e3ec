/// Runs of capitalised words that make a name (`Jens Stoltenberg`, `Ursula von der Leyen`,
/// `D. Trump`, `Lt. Col. Mark Ellis`), their titles, and whether they are a complement.
extension SpeakerPhraseFinder {
    /// The run of capitalised words (with inner particles) ending at `j`, within `lower...`.
    func nameRun(endingAt j: Int, lower: Int) -> ClosedRange<Int>? {
        guard j >= lower, isNameToken(j) else { return nil }
        var i = j
        while i - 1 >= lower {
            let p = doc.tokens[i - 1]
            if p.paragraph != doc.tokens[j].paragraph { break }
            if isNameToken(i - 1) || (p.kind == .number && i - 1 > lower && isNameToken(i - 2)) { i -= 1; continue }
            if p.isCapitalised, SpeakerPhraseFinder.capitalisedParticles.contains(p), i - 2 >= lower, isNameToken(i - 2),
               doc.tokens[i - 2].firstName != nil || isNameToken(i - 3 >= lower ? i - 3 : i - 2) { i -= 2; continue }
            // Initials: `D. Trump`, `Donald J. Trump`.
            if p.folds("."), i - 2 >= lower, isInitial(i - 2) || (isNameToken(i - 2) && doc.tokens[i - 2].title != nil) { i -= 2; continue }
            // Several particles: `Ursula von der Leyen`.
            if p.folds("der") || p.folds("den"), i - 3 >= lower, doc.tokens[i - 2].foldsAny(["von", "van"]), isNameToken(i - 3) {
                i -= 3
                continue
            }
            if QuoteWords.nameParticles.contains(p), !p.isCapitalised, i - 2 >= lower, isNameToken(i - 2),
               !p.folds("de") || !doc.tokens[i - 2].folds("president") {
                // `Charles de Gaulle`, but not `le ministre des Affaires étrangères`: a particle joins two names only.
                if p.folds("de") || p.folds("du") || p.folds("d'") || p.folds("la") || p.folds("le") {
                    // Require the word before the particle to look like a first name or to be part of a person name.
                    if doc.tokens[i - 2].firstName == nil { break }
                }
                i -= 2
                continue
            }
            break
        }
        return i...j
    }

    /// The run of capitalised words starting at `j`, within `...upper`.
    func nameRun(startingAt j: Int, upper: Int) -> ClosedRange<Int>? {
        guard j <= upper, isNameToken(j) else { return nil }
        var i = j
        while i + 1 <= upper {
            let n = doc.tokens[i + 1]
            if n.paragraph != doc.tokens[j].paragraph { break }
            if isNameToken(i + 1) { i += 1; continue }
            // `Marine Le Pen`, `Ursula Von der Leyen`: a capitalised particle between two names.
            if n.isCapitalised, SpeakerPhraseFinder.capitalisedParticles.contains(n), i + 2 <= upper, isNameToken(i + 2),
               doc.tokens[i + 2].paragraph == n.paragraph { i += 2; continue }
            if n.folds("."), isInitial(i) || doc.tokens[i].title != nil, i + 2 <= upper, isNameToken(i + 2) { i += 2; continue }
            if n.foldsAny(["von", "van"]), i + 3 <= upper, doc.tokens[i + 2].foldsAny(["der", "den"]), isNameToken(i + 3) {
                i += 3
                continue
            }
            if QuoteWords.nameParticles.contains(n), !n.isCapitalised, i + 2 <= upper, isNameToken(i + 2),
               n.foldsAny(["von", "van", "der", "den", "bin", "ben", "al", "el", "da", "di", "dos", "del", "ibn", "abu"])
                || doc.tokens[i].firstName != nil {
                i += 2
                continue
            }
            break
        }
        return j...i
    }

    /// Drops leading titles and roles from a run of capitalised words
    /// (`Président Emmanuel Macron`, `Secretary of State Antony Blinken` → the name).
    /// Returns nil when only titles remain.
    func strippingTitles(_ r: ClosedRange<Int>) -> ClosedRange<Int>? {
        var start = r.lowerBound
        for k in r where doc.tokens[k].title != nil { start = k + 1 }
        if start > r.upperBound { return nil }
        if start > r.lowerBound || r.count > 2 {
            if let fn = (start...r.upperBound).first(where: { doc.tokens[$0].firstName != nil }),
               fn < r.upperBound {
                start = fn
            }
        }
        while start <= r.upperBound, !isNameToken(start) { start += 1 }
        return start <= r.upperBound ? start...r.upperBound : nil
    }

    /// Whether the run of capitalised words at `r` is a complement (`du Kremlin`, `of the ministry`).
    func isComplement(_ r: ClosedRange<Int>, lower: Int) -> Bool {
        var p = r.lowerBound - 1
        guard p >= lower else { return false }
        if doc.tokens[p].isIn(.quoteWordsDefiniteArticles) { p -= 1 }
        guard p >= lower else { return false }
        return doc.tokens[p].isIn(.speakerPhraseFinderComplementWords)
    }
}
