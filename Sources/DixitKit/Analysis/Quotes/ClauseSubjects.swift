/// Speakers found from the clause around a quote rather than from a verb of speech next to it:
/// the subject of the sentence holding a quoted fragment (`le Kremlin a qualifié … d'« insultes »`),
/// and the next sentence's speaker for a verbless list of quoted words.
extension QuoteAttributor {
    /// The subject opening the sentence of token `k` (a name, a pronoun or a short noun phrase
    /// followed by a verb), for a quoted fragment inside it: `le Kremlin a qualifié … d'« insultes »`.
    mutating func sentenceSubject(of k: Int, region: Int, bounds: Range<Int>) -> Attribution? {
        let toks = doc.tokens
        let sentence = doc.sentences[toks[k].sentence]
        let start = max(sentence.lowerBound, bounds.lowerBound)
        if let a = clauseSubject(from: start, before: k, region: region) { return a }
        // After an opening subordinate clause or adverbial: try the clause after each comma, nearest the quote first
        // (`Alors que …, comme … « Neom », Emmanuel Macron a voulu défendre la « … »`).
        var c = k - 1
        var tries = 0
        while c > start, tries < 4 {
            if doc.isPunctuation(c, ","), toks[c].region == region {
                tries += 1
                if let a = clauseSubject(from: c + 1, before: k, region: region, strict: true) { return a }
            }
            c -= 1
        }
        return nil
    }

    /// The subject of the clause starting at `s0`, if a verb follows it before `k`.
    mutating func clauseSubject(from s00: Int, before k: Int, region: Int, strict: Bool = false) -> Attribution? {
        let toks = doc.tokens
        var s0 = s00
        while s0 < k, toks[s0].kind == .punctuation || toks[s0].foldsAny(["but", "mais", "and", "et", "yet", "or", "pourtant", "cependant", "ainsi"]) { s0 += 1 }
        // A later coordinated clause has its own subject: `X a dit …, et un porte-parole a parlé d'une « ligne rouge »`.
        var j = k - 1
        while j > s0 + 1 {
            // (Only words can be these: punctuation, as in a long run of quote marks, leaves at once.)
            if toks[j].region == region, toks[j].kind == .word, doc.isPunctuation(j - 1, ",") || doc.isPunctuation(j - 1, ";"),
               toks[j].foldsAny(["et", "mais", "and", "but", "tandis", "while", "alors"]) {
                if toks[j].folds("alors") || toks[j].folds("tandis") { j += 1 }   // `alors que`, `tandis que`
                s0 = j + 1
                break
            }
            j -= 1
        }
        guard s0 < k else { return nil }
        // Skip an opening adverbial (`De son côté,`, `On Monday,`, `Du côté russe,`) or participial clause
        // (`Réagissant à l'annonce …,`, `Speaking to reporters,`).
        var c = s0
        let t0 = toks[s0]
        let participial = doc.foldHasSuffix(s0, "ant") || doc.foldHasSuffix(s0, "ing") || t0.verb != nil
            || t0.isIn(.speakerPhraseFinderPrepositions)
            || t0.foldsAny(["de", "du", "apres", "avant", "alors", "si", "if", "as", "when", "while", "lorsque", "quand"])
        let limit = participial ? 30 : 6
        while c < k, c - s0 <= limit, !doc.isPunctuation(c, ",") || toks[c].region != region { c += 1 }
        if c < k, doc.isPunctuation(c, ","), participial || !phrases.isNameToken(s0) {
            s0 = c + 1
        }
        while s0 < k, toks[s0].kind == .punctuation || toks[s0].foldsAny(["but", "mais", "and", "et", "yet", "or", "pourtant", "cependant"]) { s0 += 1 }
        guard s0 < k, toks[s0].region == region else { return nil }
        var phrase: SpeakerPhrase?
        var after = s0 + 1
        // Impersonal `il` (`Il y a deux semaines`, `il faut`, `il s'agit`) is nobody.
        if toks[s0].foldsAny(["il", "it"]), s0 + 1 < k, toks[s0 + 1].foldsAny(["y", "faut", "fallait", "s'", "semble", "semblait", "parait", "reste", "is", "was", "seems"]) {
            return nil
        }
        if let g = phrases.pronounGender(token: s0) {
            phrase = SpeakerPhrase(kind: .pronoun, tokens: s0...s0, mention: toks[s0].span, gender: g)
        } else if let (n0, g) = phrases.skippingHonorific(s0, upper: k - 1), let run = phrases.nameRun(startingAt: n0, upper: k - 1) {
            phrase = SpeakerPhrase(kind: .name, tokens: run, mention: phrases.span(run), gender: g)
            after = run.upperBound + 1
        } else if let run = phrases.nameRun(startingAt: s0, upper: k - 1), let name = phrases.strippingTitles(run) {
            if run.upperBound + 1 < toks.count, toks[run.upperBound + 1].kind == .possessive { return nil }
            phrase = SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
            after = run.upperBound + 1
        } else if toks[s0].isIn(.quoteWordsDeterminers), !toks[s0].isIn(.speakerPhraseFinderPossessives) {
            var e = s0 + 1
            while e < k, e - s0 < 7, toks[e].isWord, !doc.isFiniteAuxiliary(e),
                  toks[e].verb == nil || toks[e - 1].isIn(.quoteWordsDeterminers) { e += 1 }
            guard e > s0 + 1 else { return nil }
            phrase = phrases.before(e - 1, lower: s0, region: region)
            after = e
        }
        guard var p = phrase, p.kind != .firstPerson, after < k else { return nil }
        // A verb must follow the subject (skipping an apposition between commas, which may hold the name).
        var v = after
        if toks[v].folds(",") {
            v += 1
            if let run = phrases.nameRun(startingAt: v, upper: k - 1), run.upperBound + 1 < k, toks[run.upperBound + 1].folds(","),
               p.kind == .description, let name = phrases.strippingTitles(run) {
                p = SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
            }
            while v < k, v - after < 12, !toks[v].folds(",") { v += 1 }
            v += 1
        }
        while v < k, toks[v].foldsAny(["les", "lui", "leur", "l'", "se", "s'", "y", "en", "nous", "vous", "me", "him", "her", "them"]) { v += 1 }
        while v < k, toks[v].isIn(.quoteWordsAuxiliaryChain) && !doc.isFiniteAuxiliary(v) { v += 1 }
        let weakName = (p.kind == .name && p.tokens.count == 1 && toks[p.tokens.lowerBound].firstName == nil
            && resolver.fullestPerson(doc.fold(p.tokens.lowerBound)) == nil) || strict
        let plainWord = v < k && toks[v].isWord && !toks[v].isCapitalised && !toks[v].isIn(.quoteWordsDeterminers)
            && !toks[v].isIn(.speakerPhraseFinderComplementWords)
        // A lower-case word followed by a determiner or `que` is a verb with its object (`Berlin conteste le projet`).
        let verbWithObject = plainWord && v + 1 < k && (toks[v + 1].isIn(.quoteWordsDeterminers)
            || toks[v + 1].isIn(.indirectSpeechFinderThatWords)) && !toks[v].isIn(.speakerPhraseFinderPossessives)
        guard v < k, doc.isFiniteAuxiliary(v) || toks[v].verb != nil
                || (plainWord && p.kind != .description && !weakName) || (verbWithObject && p.kind == .name) else { return nil }
        guard let r = resolver.resolve(p) else { return nil }
        return Attribution(speaker: r.speaker, mention: p.mention, cue: nil, gender: r.gender, explicit: false, grounded: true)
    }

    /// For quotes in a sentence without a verb (a list of quoted words), the attribution that opens
    /// the next sentence of the paragraph.
    mutating func nextSentenceAttribution(after k: Int, region: Int) -> Attribution? {
        let toks = doc.tokens
        let sentence = doc.sentences[toks[k].sentence]
        // The quote's own sentence must have no verb outside quotes.
        for j in sentence where toks[j].region == region && toks[j].isWord {
            if doc.isFiniteAuxiliary(j) || toks[j].verb != nil { return nil }
        }
        let si = toks[k].sentence + 1
        guard si < doc.sentences.count else { return nil }
        let next = doc.sentences[si]
        guard !next.isEmpty, toks[next.lowerBound].paragraph == toks[k].paragraph else { return nil }
        for j in next where toks[j].region == -1 {
            if let c = cues.cue(at: j), !c.isNegated, !c.isAccording,
               var a = attribution(of: c, lower: next.lowerBound, upper: next.upperBound - 1, region: -1) {
                a.explicit = false
                a.grounded = true
                return a
            }
        }
        return nil
    }

    /// For a quote opening its paragraph: the attribution of a previous paragraph that ends with a colon
    /// (`Le ministre a ensuite déclaré :` / `“…”`).
    mutating func colonIntroduction(before openTok: Int) -> Attribution? {
        let toks = doc.tokens
        let p = toks[openTok].paragraph
        guard p > 0, doc.paragraphTokens[p].lowerBound == openTok else { return nil }
        let prev = doc.paragraphTokens[p - 1]
        guard prev.count > 2, toks[prev.upperBound - 1].folds(":") else { return nil }
        let sentence = doc.sentences[toks[prev.upperBound - 1].sentence]
        var k = prev.upperBound - 2
        while k >= sentence.lowerBound {
            if toks[k].region == -1, let c = cues.cue(at: k), !c.isNegated,
               let a = attribution(of: c, lower: sentence.lowerBound, upper: prev.upperBound - 2, region: -1) {
                return a
            }
            k -= 1
        }
        // `Réponse du ministre :` — a short phrase naming the speaker.
        if prev.upperBound - 1 - sentence.lowerBound <= 8,
           let np = phrases.before(prev.upperBound - 2, lower: sentence.lowerBound, region: -1), np.kind == .name || np.kind == .description,
           let r = resolver.resolve(np) {
            return Attribution(speaker: r.speaker, mention: np.mention, cue: toks[prev.upperBound - 1].span, gender: r.gender, explicit: true)
        }
        return nil
    }

    /// A quote paragraph followed by a short line naming someone (`Pavel Loginov, ancien président.`):
    /// the line credits the quote.
    mutating func creditLine(after openTok: Int) -> Attribution? {
        let toks = doc.tokens
        let p = toks[openTok].paragraph
        guard p + 1 < doc.paragraphTokens.count else { return nil }
        let next = doc.paragraphTokens[p + 1]
        guard !next.isEmpty, next.count <= 14 else { return nil }
        var s = next.lowerBound
        while s < next.upperBound, toks[s].kind == .punctuation { s += 1 }
        guard s < next.upperBound, let run = phrases.nameRun(startingAt: s, upper: next.upperBound - 1),
              let name = phrases.strippingTitles(run), run.upperBound + 1 < next.upperBound,
              [",", ".", "\u{2014}", "("].contains(doc.fold(run.upperBound + 1)),
              toks[name.lowerBound].firstName != nil else { return nil }
        // No verb in the line: it is a credit, not a new sentence about the person.
        for k in next where doc.isFiniteAuxiliary(k) || cues.cue(at: k) != nil { return nil }
        let np = SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
        guard let r = resolver.resolve(np) else { return nil }
        return Attribution(speaker: r.speaker, mention: np.mention, cue: nil, gender: r.gender, explicit: true)
    }
}
