/// The words that name a speaker next to a cue.
struct SpeakerPhrase: Sendable {
    enum Kind: Sendable { case name, description, pronoun, firstPerson }
    var kind: Kind
    /// Tokens of the mention (for a pronoun inside an inverted verb, the verb token).
    var tokens: ClosedRange<Int>
    var mention: Span
    var gender: SpeakerGender
}

/// Finds the subject of a cue: a name (`Jens Stoltenberg`, `le chancelier allemand Olaf Scholz`),
/// a description (`un responsable américain`, `a spokeswoman for the ministry`) or a pronoun,
/// before the verb (`X a déclaré`) or after it (`a déclaré X`, `said X`).
struct SpeakerPhraseFinder: Sendable {
    let doc: QuoteDocument
    let lexicon: QuoteLexicon

    // MARK: - Token classes

    func isNameToken(_ k: Int) -> Bool {
        // Fields read in place: no copy of the token (and its string) for every word tested.
        guard doc.tokens[k].isCapitalised, doc.tokens[k].kind == .word else { return false }
        return doc.tokens[k].info.classes & SpeakerPhraseFinder.notNameBits == 0
    }

    /// Capitalised words that do not start or join a name.
    private static let notNameBits = QuoteWords.determiners.bit | SpeakerPhraseFinder.capitalisedFunctionWords.bit
        | QuoteWords.calendarWords.bit

    /// A single capital letter (an initial).
    func isInitial(_ k: Int) -> Bool {
        doc.tokens[k].isCapitalised && doc.tokens[k].span.length == 1 && doc.tokens[k].kind == .word
    }

    static let capitalisedParticles = FoldedSet(.speakerPhraseFinderCapitalisedParticles, ["le", "la", "de", "du", "van", "von", "al", "el", "da", "di", "del", "della", "ben", "bin", "dos", "das", "ter", "ten"])

    /// After an honorific (`M.`, `Mme`, `Mr`): the index of the name and the honorific's gender.
    func skippingHonorific(_ j: Int, upper: Int) -> (Int, SpeakerGender)? {
        guard j <= upper, doc.tokens[j].isIn(.speakerPhraseFinderHonorifics), doc.tokens[j].isCapitalised else { return nil }
        var k = j + 1
        if k <= upper, doc.tokens[k].folds(".") { k += 1 }
        guard k <= upper, isNameToken(k) else { return nil }
        return (k, doc.tokens[j].title ?? .unknown)
    }

    static let honorifics = FoldedSet(.speakerPhraseFinderHonorifics, ["m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "pr"])
    static let possessives = FoldedSet(.speakerPhraseFinderPossessives, ["son", "sa", "ses", "leur", "leurs", "his", "her", "their", "its", "notre", "nos", "our", "votre", "vos", "mon", "ma", "mes", "my", "your"])

    static let capitalisedFunctionWords = FoldedSet(.speakerPhraseFinderCapitalisedFunctionWords, [
        "selon", "mais", "et", "pour", "dans", "en", "au", "aux", "a", "apres", "avant", "lors", "depuis", "si",
        "il", "elle", "ils", "elles", "on", "nous", "je", "j'", "c'", "ce", "cela", "ceci", "but", "and", "for",
        "in", "on", "at", "after", "before", "since", "if", "he", "she", "they", "we", "i", "it", "as", "when",
        "while", "according", "quand", "lorsque", "alors", "cependant", "pourtant", "ainsi", "however",
        "meanwhile", "also", "then", "que", "qui", "who", "what", "that", "there", "here", "with", "avec", "sans",
        "sur", "sous", "par", "by", "from", "de", "du", "des", "d'", "of", "to", "dont", "ou", "or", "yet",
        "still", "now", "so", "because", "car", "comme", "like", "mr", "mrs", "ms", "m", "mme",
    ])
    static let complementWords = FoldedSet(.speakerPhraseFinderComplementWords, ["de", "du", "des", "d'", "of", "for", "a", "au", "aux", "aupres", "pour", "chez", "at", "in", "en", "within", "sur", "contre", "avec", "with", "against", "to", "entre", "between", "par", "by", "from", "about", "on", "than", "like", "comme"])
    static let nounComplementWords = FoldedSet(.speakerPhraseFinderNounComplementWords, ["de", "du", "des", "d'", "of", "for", "aupres", "chez", "pour", "from"])
    static let prepositions = FoldedSet(.speakerPhraseFinderPrepositions, ["en", "a", "au", "aux", "dans", "devant", "depuis", "lors", "in", "at", "from", "during", "before", "to", "sur", "on", "pendant", "apres", "after", "via", "par", "aupres", "pour", "de"])
    static let relativeStarts = FoldedSet(.speakerPhraseFinderRelativeStarts, ["qui", "who", "which", "dont", "whose", "where", "ou", "que", "lequel", "laquelle", "auquel", "auxquels", "auxquelles", "whom", "including", "y"])

    /// `pronounGender` of token `k`'s fold, from the token's word classes.
    func pronounGender(token k: Int) -> SpeakerGender? {
        let t = doc.tokens[k]
        if t.isIn(.quoteWordsMasculinePronouns) { return .masculine }
        if t.isIn(.quoteWordsFemininePronouns) { return .feminine }
        if t.isIn(.quoteWordsPluralPronouns) { return .plural }
        return nil
    }

    func pronounGender(_ fold: String) -> SpeakerGender? {
        if QuoteWords.masculinePronouns.contains(fold) { return .masculine }
        if QuoteWords.femininePronouns.contains(fold) { return .feminine }
        if QuoteWords.pluralPronouns.contains(fold) { return .plural }
        return nil
    }

    // MARK: - Phrases

    /// A `’` / `'` used as a quote mark (inside a marked region's edge) rather than an apostrophe.
    func isQuoteMarkLike(_ k: Int) -> Bool {
        doc.markOffsets.contains(doc.tokens[k].span.start)
    }

    func isQuoteMark(_ k: Int) -> Bool {
        guard doc.tokens[k].kind == .punctuation else { return false }
        switch doc.scalars[doc.tokens[k].span.start].value {
        case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0x2039, 0x203A: return true
        default: return false
        }
    }

    /// Chunks of the clause between commas, right to left.
    private func isComma(_ k: Int) -> Bool {
        // A punctuation token is one scalar (its fold): compared as a scalar, not as a string.
        guard doc.tokens[k].kind == .punctuation else { return false }
        switch doc.scalars[doc.tokens[k].span.start] {
        case ",", "(", ")", "\u{2014}", "\u{2013}": return true
        default: return false
        }
    }

    /// The subject ending at token `j` (just before the verb group), looking no further left than `lower`.
    func before(_ j0: Int, lower: Int, region: Int) -> SpeakerPhrase? {
        var j = j0
        // A clitic object right before the verb (`Pékin la qualifie`).
        while j > lower, doc.tokens[j].isIn(.quoteWordsObjectPronouns), j0 - j < 2,
              !doc.tokens[j].isCapitalised { j -= 1 }
        // Skip the auxiliary chain and adverbs between subject and verb.
        while j >= lower, doc.tokens[j].region == region, doc.tokens[j].isIn(.quoteWordsAuxiliaryChain),
              !doc.tokens[j].isCapitalised || j == lower {
            j -= 1
        }
        guard j >= lower else { return nil }
        // `« MBS » souligne`, `le « Global Times » reconnaît`: a short capitalised name in quote marks.
        if isQuoteMark(j), doc.tokens[j].region == region, j - 1 >= lower, doc.tokens[j - 1].region != region {
            var s = j - 1
            while s - 1 >= lower, doc.tokens[s - 1].region == doc.tokens[j - 1].region { s -= 1 }
            let words = (s...(j - 1)).filter { doc.tokens[$0].isWord }
            if !words.isEmpty, words.count <= 4, words.allSatisfy({ doc.tokens[$0].isCapitalised }) {
                let r = words.first!...words.last!
                return SpeakerPhrase(kind: .name, tokens: r, mention: span(r), gender: .unknown)
            }
            return nil
        }
        guard doc.tokens[j].region == region else { return nil }
        let t = doc.tokens[j]
        // `…, lesquels ont estimé`: the relative pronoun stands for the phrase before it.
        if t.isIn(.quoteWordsRelativeSubjects), j - 1 >= lower {
            var k = j - 1
            if doc.tokens[k].folds(",") { k -= 1 }
            if k >= lower, doc.tokens[k].folds(")") {
                while k >= lower, !doc.tokens[k].folds("(") { k -= 1 }
                k -= 1
            }
            guard k >= lower, doc.tokens[k].isWord else { return nil }
            if let name = headName(in: max(lower, k - 8)...k) { return name }
            return descriptionLeft(endingAt: k, lower: lower)
        }
        if t.isWord {
            if (t.folds("dernier") || t.folds("derniere") || t.folds("latter")), j > lower,
               doc.tokens[j - 1].foldsAny(["ce", "cette", "the"]) {
                let g: SpeakerGender = t.folds("derniere") ? .feminine : t.folds("dernier") ? .masculine : .unknown
                return SpeakerPhrase(kind: .pronoun, tokens: (j - 1)...j, mention: span((j - 1)...j), gender: g)
            }
            if let g = pronounGender(token: j) { return SpeakerPhrase(kind: .pronoun, tokens: j...j, mention: t.span, gender: g) }
            if t.isIn(.quoteWordsFirstPerson) {
                return SpeakerPhrase(kind: .firstPerson, tokens: j...j, mention: t.span, gender: .unknown)
            }
        }
        // Walk chunks separated by commas from right to left.
        var chunkEnd = j
        var pendingDescription: SpeakerPhrase?
        var chunks = 0
        while chunkEnd >= lower, chunks < 4 {
            chunks += 1
            while chunkEnd >= lower, isComma(chunkEnd) { chunkEnd -= 1 }
            guard chunkEnd >= lower, doc.tokens[chunkEnd].region == region, !isQuoteMark(chunkEnd) else { break }
            var chunkStart = chunkEnd
            while chunkStart - 1 >= lower, !isComma(chunkStart - 1), doc.tokens[chunkStart - 1].region == region,
                  doc.tokens[chunkStart - 1].kind != .punctuation || doc.isPunctuation(chunkStart - 1, "-") || doc.isPunctuation(chunkStart - 1, ".")
                    || (doc.isPunctuation(chunkStart - 1, "'") && !isQuoteMarkLike(chunkStart - 1)) {
                chunkStart -= 1
            }
            // After a comma (`X, le chef de l'OTAN, a dit`) the chunk must be a short apposition,
            // not the end of a clause (`<clause>, a déclaré X`).
            let opening = doc.tokens[chunkStart]
            if opening.isIn(.speakerPhraseFinderRelativeStarts) || opening.folds("selon") || opening.folds("lors") {
                chunkEnd = chunkStart - 1
                continue
            }
            if chunks == 1, isComma(j) {
                let t0 = doc.tokens[chunkStart]
                let nounPhraseStart = t0.isIn(.quoteWordsDeterminers) || isNameToken(chunkStart)
                    || t0.title != nil || t0.kind == .number
                // …and enclosed in commas: a subject is not cut from its verb by a single comma.
                let enclosed = chunkStart - 1 >= lower && isComma(chunkStart - 1)
                if chunkEnd - chunkStart > 8 || !nounPhraseStart || !enclosed { return nil }
            }
            // Only the words just before the verb: a long chunk is a clause, keep its tail.
            let from = max(chunkStart, chunkEnd - 9)
            if let name = headName(in: from...chunkEnd) {
                return name
            }
            if pendingDescription != nil { break }
            if let d = descriptionLeft(endingAt: chunkEnd, lower: from) {
                if chunkEnd == j && !(chunkStart - 1 >= lower && isComma(chunkStart - 1)) { return d }
                pendingDescription = d
                chunkEnd = chunkStart - 1
                continue
            }
            if chunkEnd == j, let p = pronounGender(token: chunkEnd) {
                return SpeakerPhrase(kind: .pronoun, tokens: chunkEnd...chunkEnd, mention: doc.tokens[chunkEnd].span, gender: p)
            }
            // An adverbial chunk right before the verb (`mardi,` `in a statement,`): look further left.
            if chunkEnd - from > 4 { break }
            chunkEnd = chunkStart - 1
        }
        return pendingDescription
    }

    /// The name that ends the chunk (`…, Jens Stoltenberg`, `le président Emmanuel Macron`), unless it is a
    /// complement (`le porte-parole du Kremlin`). A capitalised word followed by other words is a modifier.
    private func headName(in r: ClosedRange<Int>) -> SpeakerPhrase? {
        var end = r.upperBound
        // `Smith (D-Calif.)`: a parenthesis after the name.
        if doc.tokens[end].folds(")"), let open = (r.lowerBound..<end).last(where: { doc.tokens[$0].folds("(") }), open > r.lowerBound {
            end = open - 1
        }
        guard let run = nameRun(endingAt: end, lower: r.lowerBound), !isComplement(run, lower: r.lowerBound),
              let name = strippingTitles(run) else { return nil }
        // In a phrase opening with a determiner, only a person's name is the head (`le président Emmanuel Macron`),
        // not a place or body ending it (`a teacher at Linden Park High School`).
        if run.lowerBound > r.lowerBound, doc.tokens[r.lowerBound].isIn(.quoteWordsDeterminers) || doc.tokens[r.lowerBound].title != nil,
           name.lowerBound == run.lowerBound, doc.tokens[name.lowerBound].firstName == nil,
           doc.tokens[run.lowerBound - 1].title == nil { return nil }
        // A lone sentence-initial capitalised word that is a common word (`Pourtant`, `Asked`) is no name.
        if name.count == 1, name.lowerBound == doc.sentences[doc.tokens[name.lowerBound].sentence].lowerBound,
           doc.tokens[name.lowerBound].verb != nil { return nil }
        return SpeakerPhrase(kind: .name, tokens: name, mention: span(name), gender: .unknown)
    }

    /// A noun phrase `det … noun` ending at `j`.
    private func descriptionLeft(endingAt j: Int, lower: Int) -> SpeakerPhrase? {
        let last = doc.tokens[j]
        guard last.isWord else { return nil }
        var k = j
        while k >= lower {
            let t = doc.tokens[k]
            if t.isIn(.quoteWordsDeterminers) && !(t.folds("a") && !doc.english) {
                // `le chef de l'État`: a determiner after `de` opens a complement; keep going left.
                if k - 1 >= lower, doc.tokens[k - 1].isIn(.speakerPhraseFinderComplementWords)
                    || ((t.folds("du") || t.folds("des")) && doc.tokens[k - 1].isWord && !doc.tokens[k - 1].isIn(.quoteWordsDeterminers)) {
                    k -= 1
                    continue
                }
                return description(k...j)
            }
            // `the Conservatives’ letter`, `Trump's lawyer`: a possessor inside the phrase.
            let possessive = t.kind == .possessive
                || (t.folds("'") && k > lower && doc.foldHasSuffix(k - 1, "s") && doc.tokens[k - 1].span.end == t.span.start)
            if !t.isWord && !t.folds("-") && !possessive { break }
            if doc.isFiniteAuxiliary(k) { break }
            // `une longue liste d'experts et d'universitaires`: a coordination inside the phrase goes on.
            if (t.folds("et") || t.folds("and")), k - 1 >= lower, doc.tokens[k - 1].isWord, j - k <= 6 { k -= 1; continue }
            if !t.isCapitalised,
               t.foldsAny(["que", "qu'", "qui", "that", "who", "et", "and", "mais", "but", "apres", "avant", "avoir", "etre", "sans", "after",
                           "before", "ou", "or"]) { break }
            k -= 1
        }
        // Bare plural roles: `officials said`, `analysts say`.
        if last.title != nil, k < j {
            return description((k + 1)...j)
        }
        // An apposition opening with its role: `chairman of the Combined Defence Staff`.
        if k + 1 <= j, doc.tokens[k + 1].title != nil, k < lower || isComma(k) {
            return description((k + 1)...j)
        }
        return nil
    }

    private func description(_ r: ClosedRange<Int>) -> SpeakerPhrase {
        var g: SpeakerGender = .unknown
        let t0 = doc.tokens[r.lowerBound]
        if t0.foldsAny(["le", "un", "ce", "cet", "his"]) {
            g = .masculine
        } else if t0.foldsAny(["la", "une", "cette", "her"]) {
            g = .feminine
        } else if t0.foldsAny(["les", "des", "ces", "plusieurs", "several", "their", "leurs", "deux", "trois", "two", "three", "many",
                               "some", "certains", "certaines"]) {
            g = .plural
        }
        if g == .unknown || g == .masculine {
            // The head's gender (`l'ambassadrice`, `la cheffe`), not a complement's (`le chef de la première…`).
            for k in r {
                if doc.tokens[k].isIn(.speakerPhraseFinderComplementWords) { break }
                if let tg = doc.tokens[k].title, tg != .unknown { g = tg; break }
            }
        }
        if doc.foldHasSuffix(r.upperBound, "s"), g == .unknown, doc.english { g = .plural }
        return SpeakerPhrase(kind: .description, tokens: r, mention: span(r), gender: g)
    }

    /// The subject placed after the verb group ending at `j0 - 1`, looking no further right than `upper`.
    func after(_ j0: Int, upper: Int, region: Int) -> SpeakerPhrase? {
        var j = j0
        while j <= upper, doc.tokens[j].region == region,
              doc.tokens[j].isIn(.quoteWordsAfterVerbSkip) || doc.tokens[j].kind == .number {
            j += 1
        }
        if j + 1 <= upper, doc.tokens[j].folds("un"), doc.tokens[j + 1].folds("peu") {
            j += 2
            while j <= upper, doc.tokens[j].isIn(.quoteWordsAfterVerbSkip) { j += 1 }
        }
        // Skip up to two prepositional phrases: `a insisté en Bavière le chef…`, `a déclaré à l'AFP le porte-parole`.
        var pps = 0
        while j <= upper, pps < 2, doc.tokens[j].isIn(.speakerPhraseFinderPrepositions), doc.tokens[j].region == region,
              !(doc.english && doc.tokens[j].folds("a")) {
            var k = j + 1
            var words = 0
            while k <= upper, words < 8, doc.tokens[k].isWord || doc.tokens[k].folds("-") {
                if words > 0, doc.tokens[k].isIn(.quoteWordsDeterminers), !doc.tokens[k].folds("a") || doc.english,
                   !doc.tokens[k - 1].isIn(.speakerPhraseFinderComplementWords), !doc.tokens[k - 1].folds("l'") { break }
                if words > 0, isNameToken(k), isNameToken(k - 1), doc.tokens[k].firstName != nil, doc.tokens[k - 1].firstName == nil { break }
                if words > 0, isNameToken(k), !isNameToken(k - 1), !doc.tokens[k - 1].foldsAny(["de", "d'", "du", "l'", "la", "le", "les", "des", "the"]) { break }
                k += 1
                words += 1
            }
            if k > upper || words == 0 || words >= 8 { return nil }
            j = k
            pps += 1
            while j <= upper, doc.tokens[j].isIn(.quoteWordsAfterVerbSkip) || doc.tokens[j].kind == .number { j += 1 }
        }
        guard j <= upper, doc.tokens[j].region == region else { return nil }
        // `a écrit M. Kowalczyk`
        var honorificGender: SpeakerGender = .unknown
        if doc.tokens[j].isIn(.speakerPhraseFinderHonorifics), doc.tokens[j].isCapitalised {
            honorificGender = doc.tokens[j].title ?? .unknown
            j += 1
            if j <= upper, doc.tokens[j].folds(".") { j += 1 }
            guard j <= upper, isNameToken(j) else { return nil }
        }
        let t = doc.tokens[j]
        if let g = pronounGender(token: j), doc.english { return SpeakerPhrase(kind: .pronoun, tokens: j...j, mention: t.span, gender: g) }
        if t.isIn(.speakerPhraseFinderPossessives), !(j + 1 <= upper && doc.tokens[j + 1].title != nil) {
            return nil
        }
        if isNameToken(j), let run = nameRun(startingAt: j, upper: upper) {
            if let name = strippingTitles(run) {
                return SpeakerPhrase(kind: .name, tokens: name, mention: span(name), gender: honorificGender)
            }
            // Only a title (`said President`): maybe a name follows.
        }
        guard t.isWord else { return nil }
        let isDet = t.isIn(.quoteWordsDeterminers)
        guard isDet || t.title != nil || t.isCapitalised else { return nil }
        // det + words up to a stopper; complements (`de`, `of`) continue the phrase.
        var e = j
        var k = j + 1
        while k <= upper, k - j < 12 {
            let n = doc.tokens[k]
            if n.region != region || (!n.isWord && !n.folds("-")) { break }
            // Complements of the noun continue the phrase (`le porte-parole du Kremlin`, `a spokeswoman for the
            // ministry`); other prepositions start an adjunct (`au cours d'une conférence`, `in a statement`).
            if QuoteWords.phraseStoppers.contains(n) || SpeakerPhraseFinder.complementWords.contains(n),
               !SpeakerPhraseFinder.nounComplementWords.contains(n), !n.isCapitalised {
                if !(doc.english && n.folds("a") && k > 0 && doc.tokens[k - 1].isIn(.speakerPhraseFinderNounComplementWords)) { break }
            }
            if n.verb != nil, !n.isCapitalised, !doc.tokens[k - 1].isIn(.quoteWordsDeterminers) { break }
            e = k
            k += 1
        }
        while e > j, doc.tokens[e].foldsAny(["de", "du", "des", "d'", "of", "for", "l'", "la", "le", "the", "a", "an"]) { e -= 1 }
        // A name ending the phrase is the speaker (`le chancelier allemand Olaf Scholz`), when it looks
        // like a person's (first name, or right after a title) rather than a modifier (`le réseau Weibo`).
        var m = j
        while m <= e {
            if isNameToken(m), let run = nameRun(startingAt: m, upper: e) {
                if run.upperBound == e, !isComplement(run, lower: j), let name = strippingTitles(run),
                   name.lowerBound > run.lowerBound || doc.tokens[name.lowerBound].firstName != nil
                    || (run.lowerBound > j && doc.tokens[run.lowerBound - 1].title != nil)
                    || (run.lowerBound > j + 1 && doc.tokens[run.lowerBound - 2].title != nil) {
                    return SpeakerPhrase(kind: .name, tokens: name, mention: span(name), gender: .unknown)
                }
                m = run.upperBound + 1
                continue
            }
            m += 1
        }
        // Apposition after the description: `a déclaré le chef de l'OTAN, Jens Stoltenberg`.
        if e + 2 <= upper, doc.tokens[e + 1].folds(","), isNameToken(e + 2), let run = nameRun(startingAt: e + 2, upper: upper),
           let name = strippingTitles(run) {
            let after = run.upperBound + 1
            if after > upper || [",", ".", ";", ")", "\u{2014}"].contains(doc.fold(after)) {
                return SpeakerPhrase(kind: .name, tokens: name, mention: span(name), gender: .unknown)
            }
        }
        guard isDet || t.title != nil, e > j || !isDet else { return nil }
        // `said another witness in the probe, former adviser Fiona Hill`: a named apposition further on.
        var c = e + 1
        while c <= upper, c - e <= 10, !doc.tokens[c].folds(","), doc.tokens[c].isWord || doc.tokens[c].folds("-") { c += 1 }
        if c < upper, doc.tokens[c].folds(",") {
            var m = c + 1
            while m <= upper, m - c <= 8, doc.tokens[m].isWord {
                if isNameToken(m), let run = nameRun(startingAt: m, upper: upper), let name = strippingTitles(run),
                   doc.tokens[name.lowerBound].firstName != nil,
                   run.upperBound == upper || doc.tokens[run.upperBound + 1].foldsAny([",", ".", ";", ")"]) {
                    return SpeakerPhrase(kind: .name, tokens: name, mention: span(name), gender: .unknown)
                }
                m += 1
            }
        }
        return description(j...e)
    }

    func span(_ r: ClosedRange<Int>) -> Span {
        Span(doc.tokens[r.lowerBound].span.start, doc.tokens[r.upperBound].span.end)
    }
}
