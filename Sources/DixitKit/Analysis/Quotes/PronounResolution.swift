/// Pronouns (`il`, `elle`, `he`, `she`, `they`) resolved to the nearest earlier person or body
/// they agree with, preferring the subjects and speakers of the sentences before them.
extension SpeakerResolver {
    /// The nearest earlier person (or group, for a plural pronoun) that agrees with `gender`,
    /// preferring subjects and speakers to people merely mentioned (`il` after `X a qualifié Poutine de…` is X).
    func antecedent(before offset: Int, paragraph: Int, gender: SpeakerGender) -> (speaker: String, gender: SpeakerGender)? {
        var mentioned: Antecedent?
        var weak: Antecedent?
        var found: (speaker: String, gender: SpeakerGender)?
        antecedents.forEachBefore(offset, limit: SpeakerResolver.searchWindow) { a in
            if paragraph - a.paragraph > 4 { return false }
            let agrees: Bool
            if gender == .plural {
                agrees = a.gender == .plural || !a.isPerson
            } else {
                agrees = a.isPerson && (a.gender == gender || a.gender == .unknown || gender == .unknown)
            }
            guard agrees else { return true }
            if a.isWeak {
                if weak == nil { weak = a }
                return true
            }
            if a.isSubject {
                // A subject of unknown gender far back loses to a closer mention of the right gender.
                if a.gender == .unknown, gender != .unknown, let m = mentioned, m.gender == gender, m.paragraph == paragraph {
                    found = (speaker(of: m), m.gender)
                } else {
                    found = (speaker(of: a), a.gender)
                }
                return false
            }
            if mentioned == nil { mentioned = a }
            return true
        }
        if let found { return found }
        if let m = mentioned { return (speaker(of: m), m.gender) }
        if let w = weak { return (speaker(of: w), w.gender) }
        if gender == .plural { return pluralSubject(before: offset) }
        return nil
    }

    static let irregularPasts: Set<String> = [
        "met", "said", "told", "went", "came", "took", "gave", "made", "saw", "held", "led", "won", "lost", "left",
        "sent", "spent", "brought", "kept", "began", "ran", "found", "thought", "felt", "got", "put", "set", "stood",
        "wrote", "spoke", "have", "are", "were", "will", "would", "could", "say", "want", "need",
    ]

    /// `Union leaders met the governor. "…," they said.`: the plural phrase opening one of the two
    /// previous sentences, when nobody plural has spoken yet.
    func pluralSubject(before offset: Int) -> (speaker: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        var lo = 0, hi = toks.count
        while lo < hi { let mid = (lo + hi) / 2; if toks[mid].span.start < offset { lo = mid + 1 } else { hi = mid } }
        guard lo > 0 else { return nil }
        var si = toks[lo - 1].sentence
        var tried = 0
        while si >= 0, tried < 3 {
            let sentence = doc.sentences[si]
            var e = sentence.lowerBound
            while e < sentence.upperBound, e - sentence.lowerBound < 6, toks[e].isWord, toks[e].region == -1,
                  !doc.isFiniteAuxiliary(e), toks[e].verb == nil,
                  !SpeakerResolver.irregularPasts.contains(doc.fold(e)), !(doc.english && e > sentence.lowerBound && doc.foldHasSuffix(e, "ed")) {
                e += 1
            }
            if e > sentence.lowerBound, e < sentence.upperBound, e < lo,
               doc.isFiniteAuxiliary(e) || toks[e].verb != nil || SpeakerResolver.irregularPasts.contains(doc.fold(e))
                || doc.foldHasSuffix(e, "ed") {
                let last = doc.fold(e - 1)
                if last.hasSuffix("s") || last.hasSuffix("x") || last == "police" {
                    return (QuoteText.string(doc.text, Span(toks[sentence.lowerBound].span.start, toks[e - 1].span.end)), .plural)
                }
            }
            si -= 1
            tried += 1
        }
        return nil
    }

    /// A name opening its sentence and followed by a lower-case word that is no function word
    /// (`Boudreau gave his players…`): in news, the sentence's subject.
    static func opensSentenceBeforeVerb(_ run: ClosedRange<Int>, doc: QuoteDocument) -> Bool {
        let toks = doc.tokens
        let sentence = doc.sentences[toks[run.lowerBound].sentence]
        var s = sentence.lowerBound
        while s < run.lowerBound, toks[s].kind == .punctuation || toks[s].foldsAny(["but", "mais", "and", "et", "yet", "then", "puis"])
                || toks[s].isIn(.speakerPhraseFinderHonorifics) || toks[s].folds(".") { s += 1 }
        guard s == run.lowerBound, run.upperBound + 1 < sentence.upperBound else { return false }
        let n = toks[run.upperBound + 1]
        return n.kind == .word && !n.isCapitalised && !QuoteWords.determiners.contains(n)
            && !SpeakerPhraseFinder.complementWords.contains(n) && !QuoteWords.phraseStoppers.contains(n)
    }

    /// Whether a verb follows token `k` (after an apposition between commas): `X a dit`, `X, le chef, a dit`.
    static func isFollowedByVerb(_ k0: Int, doc: QuoteDocument, lexicon: QuoteLexicon) -> Bool {
        let toks = doc.tokens
        var k = k0
        guard k < toks.count else { return false }
        if doc.isPunctuation(k, ",") {
            var j = k + 1
            while j < toks.count, j - k < 14, !doc.isPunctuation(j, ","), !doc.isPunctuation(j, ".") { j += 1 }
            guard j < toks.count, doc.isPunctuation(j, ",") else { return false }
            k = j + 1
        }
        // `Nina Holt of Ferrand Analytics said`: a complement between name and verb.
        if toks[k].isIn(.quoteWordsNameComplementHeads) {
            var j = k + 1
            while j < toks.count, j - k <= 8, toks[j].isWord || doc.isPunctuation(j, "&") || doc.isPunctuation(j, ".") {
                if doc.isFiniteAuxiliary(j) || toks[j].verb != nil { return true }
                j += 1
            }
            return false
        }
        while k < toks.count, toks[k].isIn(.quoteWordsAuxiliaryChain) && !doc.isFiniteAuxiliary(k) { k += 1 }
        var clitic = false
        while k < toks.count, toks[k].isIn(.quoteWordsCliticsBeforeVerb) { k += 1; clitic = true }
        guard k < toks.count else { return false }
        let t = toks[k]
        if doc.isFiniteAuxiliary(k) || t.verb != nil { return true }
        guard t.kind == .word, !t.isCapitalised, !t.isIn(.quoteWordsDeterminers),
              !t.isIn(.speakerPhraseFinderComplementWords) else { return false }
        // After a clitic (`se faisait`), or with a verb ending (`announced`, `faisait`), it is a verb.
        return clitic || (doc.english ? doc.foldHasSuffix(k, "ed") : (doc.foldHasSuffix(k, "ait") || doc.foldHasSuffix(k, "aient")))
    }
}
