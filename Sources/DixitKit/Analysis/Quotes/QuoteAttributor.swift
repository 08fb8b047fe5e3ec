/// Who said a quote, as found next to it.
struct Attribution: Sendable {
    var speaker: String?
    var mention: Span?
    var cue: Span?
    var gender: SpeakerGender = .unknown
    /// Found from a cue or a colon next to the quote (not inherited from a neighbour).
    var explicit = false
    /// Found in the quote's own sentence (a cue, or the subject of the sentence holding a fragment).
    var grounded = false
}

/// Finds the cue and the speaker of one quotation: after the quote (`», a-t-il déclaré`,
/// `," said Smith`, `" — X`), before it (`X a déclaré : « …`, `X a déclaré que … "…"`, `X : « …`),
/// or through `selon X` / `according to X` in the same sentence.
struct QuoteAttributor {
    let doc: QuoteDocument
    let cues: SpeechCueFinder
    let phrases: SpeakerPhraseFinder
    var resolver: SpeakerResolver

    init(doc: QuoteDocument, lexicon: QuoteLexicon, entities: [Entity]) {
        self.doc = doc
        cues = SpeechCueFinder(doc: doc, lexicon: lexicon)
        phrases = SpeakerPhraseFinder(doc: doc, lexicon: lexicon)
        resolver = SpeakerResolver(doc: doc, lexicon: lexicon, entities: entities)
    }

    /// Index of the first token starting at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static let dashes = FoldedSet(.quoteAttributorDashes, ["\u{2014}", "\u{2013}", "-"])

    /// The attribution of the quote `q` (tokens `openTok` and `closeTok` are its marks).
    mutating func attribute(_ q: MarkedQuote, openTok: Int, closeTok: Int?, region: Int, bounds: Range<Int>) -> Attribution? {
        let toks = doc.tokens
        // After the quote, in the same sentence, before any other quote.
        var afterCue: (SpeechCue, Int)?
        var dash: Attribution?
        if let c = closeTok {
            let sentenceEnd = min(bounds.upperBound, doc.sentences[toks[c].sentence].upperBound)
            var k = c + 1
            var words = 0
            if k < sentenceEnd, toks[k].isIn(.quoteAttributorDashes), k + 1 < sentenceEnd,
               let p0 = phrases.after(k + 1, upper: sentenceEnd - 1, region: region), p0.kind == .name || p0.kind == .description,
               case let p = personAfterRole(p0, upper: sentenceEnd - 1) ?? p0,
               let r = resolver.resolve(p) {
                dash = Attribution(speaker: r.speaker, mention: p.mention, cue: toks[k].span, gender: r.gender, explicit: true)
            }
            var crossed = false
            while k < sentenceEnd, words < 30 {
                if toks[k].region != region {
                    // Another quote: only a sentence-final attribution after a comma may lie beyond it.
                    crossed = true
                    k += 1
                    continue
                }
                if toks[k].isWord { words += 1 }
                // A subordinate clause after the quote has its own subject (`"deliver" before the administration would agree`).
                if !crossed, toks[k].isIn(.quoteAttributorSubordinators) { crossed = true }
                if let cue = cues.cue(at: k), !cue.isNegated {
                    if !crossed || precededByComma(cue) { afterCue = (cue, crossed ? 99 : words) }
                    break
                }
                k += 1
            }
            if let dash, afterCue == nil || afterCue!.1 > 3 { return dash }
        }
        // Passive: `un propos qualifié de « … » par la ministre X`, `described as "…" by X`.
        if let c = closeTok, c + 2 < min(bounds.upperBound, doc.sentences[toks[c].sentence].upperBound) {
            var k = c + 1
            if toks[k].folds(",") { k += 1 }
            if toks[k].foldsAny(["par", "by"]), toks[k].region == region,
               let v = (max(bounds.lowerBound, openTok - 5)..<openTok).first(where: { toks[$0].verb != nil }),
               isPassiveVerb(v, before: openTok),
               let p = phrases.after(k + 1, upper: min(bounds.upperBound, doc.sentences[toks[c].sentence].upperBound) - 1, region: region),
               p.kind == .name || p.kind == .description, let r = resolver.resolve(p) {
                return Attribution(speaker: r.speaker, mention: p.mention, cue: toks[k].span, gender: r.gender, explicit: true)
            }
        }
        // `X a demandé : « … »` — a cue right before a colon introducing the quote comes first,
        // unless the attribution sits right after the quote.
        if openTok - 2 >= bounds.lowerBound, toks[openTok - 1].folds(":"), afterCue.map({ $0.1 > 2 }) ?? true {
            var k = openTok - 2
            while k >= max(bounds.lowerBound, openTok - 6), toks[k].region == region {
                if let cue = cues.cue(at: k), !cue.isNegated, !cue.isAccording {
                    if let a = attribution(of: cue, lower: max(bounds.lowerBound, doc.sentences[toks[openTok].sentence].lowerBound), upper: openTok - 2, region: region) { return a }
                    break
                }
                k -= 1
            }
        }
        // Right after the quote, or closing the sentence after a comma (`…, a annoncé X.`).
        if let (cue, distance) = afterCue, !cue.isAccording || !hasCueBefore(openTok: openTok, region: region, bounds: bounds),
           distance <= 5 || cue.invertedPronoun != nil || (!cue.isParticiple && precededByComma(cue)),
           let a = attribution(of: cue, lower: closeTok! + 1, upper: min(bounds.upperBound, doc.sentences[toks[closeTok!].sentence].upperBound) - 1, region: region) {
            return a
        }
        // Before the quote, in the same sentence.
        let sentenceStart = max(bounds.lowerBound, doc.sentences[toks[openTok].sentence].lowerBound)
        var k = openTok - 1
        var colon = false
        if k >= sentenceStart, toks[k].folds(":") { colon = true }
        while k >= sentenceStart {
            if toks[k].region == region, let cue = cues.cue(at: k), !cue.isNegated,
               !cues.isPostQuoteOnly(cue) || openTok - cue.tokens.upperBound <= 4
                || (openTok - cue.tokens.upperBound <= 16 && openTok > 0 && toks[openTok - 1].foldsAny(["de", "d'", "comme", "as"])) {
                // `X a déclaré que Y et Z avaient convenu que « … »`: the outer verb is the attribution.
                var outer = cue
                var m = cue.tokens.lowerBound - 1
                var sawThat = false
                while m >= sentenceStart {
                    // Not across coordinated clauses: `X a déclaré que …, tandis que Y a affirmé que « … »`.
                    if m > sentenceStart, toks[m - 1].folds(",") || toks[m - 1].folds(";"),
                       toks[m].foldsAny(["tandis", "alors", "while", "whereas"]) { break }
                    if toks[m].isIn(.indirectSpeechFinderThatWords),
                       !(m > 0 && toks[m - 1].isIn(.indirectSpeechFinderConjunctionHeads)) { sawThat = true }
                    if sawThat, toks[m].region == region, let c = cues.cue(at: m), !c.isNegated, !c.isAccording, c.tokens.upperBound < m + 1,
                       (c.tokens.upperBound + 1..<cue.tokens.lowerBound).contains(where: { toks[$0].isIn(.indirectSpeechFinderThatWords)
                           && !toks[$0 - 1].isIn(.indirectSpeechFinderConjunctionHeads) }) {
                        outer = c
                        sawThat = false
                    }
                    m -= 1
                }
                if outer.tokens != cue.tokens, let a = attribution(of: outer, lower: sentenceStart, upper: outer.tokens.upperBound + 8 < openTok ? outer.tokens.upperBound + 8 : openTok - 1, region: region) { return a }
                let upper = openTok - 1
                if let a = attribution(of: cue, lower: sentenceStart, upper: upper, region: region) { return a }
            }
            k -= 1
        }
        if colon, openTok - 2 >= sentenceStart, openTok - 1 - sentenceStart <= 10,
           let run = phrases.nameRun(startingAt: sentenceStart, upper: openTok - 2), run.upperBound + 1 < openTok - 1,
           toks[run.upperBound + 1].foldsAny(["a", "to"]), let name = phrases.strippingTitles(run) {
            // Headline style `X à Y : « … »`: X speaks to Y.
            let p = SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
            if let r = resolver.resolve(p) {
                return Attribution(speaker: r.speaker, mention: p.mention, cue: toks[openTok - 1].span, gender: r.gender, explicit: true)
            }
        }
        if colon, openTok - 2 >= sentenceStart, openTok - 1 - sentenceStart <= 10,
           let p = phrases.before(openTok - 2, lower: sentenceStart, region: region), p.kind != .firstPerson,
           let r = resolver.resolve(p) {
            return Attribution(speaker: r.speaker, mention: p.mention, cue: toks[openTok - 1].span, gender: r.gender, explicit: true)
        }
        // `Le chef de l'État a « salué … »`: the verb is inside the quote; its subject is before the mark.
        var a = openTok - 1
        while a >= sentenceStart, toks[a].foldsAny(["egalement", "aussi", "encore", "also", "deja", "ensuite"]) { a -= 1 }
        if a > sentenceStart, toks[a].region == region, doc.isAuxiliary(a),
           doc.scalars[toks[a].span.start] != "\u{E0}",
           let p = phrases.before(a - 1, lower: sentenceStart, region: region), p.kind != .firstPerson,
           let r = resolver.resolve(p) {
            return Attribution(speaker: r.speaker, mention: p.mention, cue: toks[a].span, gender: r.gender, explicit: true)
        }
        if let (cue, _) = afterCue, let c = closeTok,
           let a = attribution(of: cue, lower: c + 1, upper: min(bounds.upperBound, doc.sentences[toks[c].sentence].upperBound) - 1, region: region) {
            return a
        }
        return nil
    }

    /// `— Riverside captain Ella Stone`: a body, a role word, then a person; the person speaks.
    func personAfterRole(_ p: SpeakerPhrase, upper: Int) -> SpeakerPhrase? {
        let toks = doc.tokens
        var j = p.tokens.upperBound + 1
        var role = false
        while j <= upper, j - p.tokens.upperBound <= 3, toks[j].kind == .word, !toks[j].isCapitalised {
            if toks[j].title != nil { role = true }
            j += 1
        }
        guard role, let run = phrases.nameRun(startingAt: j, upper: upper), let name = phrases.strippingTitles(run) else { return nil }
        return SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
    }

    /// `qualifié de « … » par`, `described as "…" by`: a participle used passively, not an active verb
    /// (`a dénoncé`, `has called`) nor one with a clause of its own (`said it was "…" by the ruling`).
    func isPassiveVerb(_ v: Int, before openTok: Int) -> Bool {
        let toks = doc.tokens
        if v > 0, toks[v - 1].foldsAny(["a", "ont", "avait", "avaient", "has", "have", "had"]), !doc.isGraveA(v - 1) { return false }
        for j in (v + 1)..<openTok where toks[j].isIn(.quoteWordsMasculinePronouns) || toks[j].isIn(.quoteWordsFemininePronouns)
            || toks[j].isIn(.quoteWordsPluralPronouns) || toks[j].foldsAny(["it", "we", "i", "you", "nous", "on"]) || doc.isFiniteAuxiliary(j) {
            return false
        }
        return true
    }

    static let subordinators = FoldedSet(.quoteAttributorSubordinators, [
        "before", "after", "when", "while", "because", "if", "unless", "until", "although", "since", "as",
        "avant", "apres", "quand", "lorsque", "pendant", "parce", "puisque", "si", "bien", "tandis", "alors", "pour", "afin", "que", "qu'", "qui", "who", "which", "that",
    ])
    static let finiteAuxiliaries = FoldedSet(.quoteAttributorFiniteAuxiliaries, [
        "a", "ont", "avait", "avaient", "aura", "aurait", "est", "sont", "etait", "etaient", "sera", "serait", "va", "vont",
        "doit", "devait", "devrait", "peut", "pourrait", "veut", "voulait", "has", "had", "have", "is", "was", "were", "are",
        "will", "would", "could", "should", "can", "may", "might", "did", "does", "s'est", "se", "s'",
    ])

    /// `…, a déclaré X`: only auxiliaries and adverbs between a comma and the verb.
    func precededByComma(_ cue: SpeechCue) -> Bool {
        var j = cue.tokens.lowerBound - 1
        while j >= 0, doc.isAuxiliary(j) || doc.tokens[j].isIn(.quoteWordsAuxiliaryChain)
                || doc.tokens[j].foldsAny(["pour", "sa", "son", "part", "cote", "de", "leur"]) {
            j -= 1
        }
        return j >= 0 && doc.tokens[j].folds(",")
    }

    /// Whether a verb of speech (not `selon`) comes before the quote in its sentence.
    func hasCueBefore(openTok: Int, region: Int, bounds: Range<Int>) -> Bool {
        let start = max(bounds.lowerBound, doc.sentences[doc.tokens[openTok].sentence].lowerBound)
        var k = openTok - 1
        while k >= start {
            if doc.tokens[k].region == region, let c = cues.cue(at: k), !c.isNegated, !c.isAccording { return true }
            k -= 1
        }
        return false
    }

    /// The speaker of a cue: its inverted pronoun, the subject before it, or the subject after it.
    mutating func attribution(of cue: SpeechCue, lower: Int, upper: Int, region: Int) -> Attribution? {
        let toks = doc.tokens
        let cueSpan = cue.span(in: doc)
        if cue.isAccording {
            let j = cue.tokens.upperBound + 1
            guard j <= upper || j < toks.count else { return nil }
            if j < toks.count, toks[j].foldsAny(["lui", "elle", "eux", "elles"]) {
                let g: SpeakerGender = toks[j].folds("lui") ? .masculine : toks[j].folds("elle") ? .feminine : .plural
                let p = SpeakerPhrase(kind: .pronoun, tokens: j...j, mention: toks[j].span, gender: g)
                guard let r = resolver.resolve(p) else { return nil }
                return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
            }
            let sentenceEnd = doc.sentences[toks[cue.tokens.upperBound].sentence].upperBound - 1
            guard let p = phrases.after(j, upper: max(upper, sentenceEnd), region: region), let r = resolver.resolve(p) else { return nil }
            return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
        }
        if cue.isPassive {
            // `a été annoncé par le ministre`: the agent speaks; without one, nobody is named.
            var j = cue.tokens.upperBound + 1
            while j <= upper, j - cue.tokens.upperBound <= 3, !toks[j].foldsAny(["par", "by"]) { j += 1 }
            guard j < upper, toks[j].foldsAny(["par", "by"]), let p = phrases.after(j + 1, upper: upper, region: region),
                  p.kind == .name || p.kind == .description, let r = resolver.resolve(p) else { return nil }
            return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
        }
        if let pr = cue.invertedPronoun {
            let p = SpeakerPhrase(kind: .pronoun, tokens: cue.tokens.lowerBound...cue.tokens.lowerBound, mention: pr, gender: cue.pronounGender)
            if cue.pronounGender == .unknown && doc.fold(cue.tokens.lowerBound).hasSuffix("-on") {
                // `insiste-t-on à l'Élysée`: the place speaks for its people.
                let j = cue.tokens.upperBound + 1
                guard j < toks.count, toks[j].foldsAny(["a", "au", "aux", "chez", "dans"]),
                      let p = phrases.after(j + 1, upper: min(toks.count - 1, j + 8), region: region),
                      let r = resolver.resolve(p) else { return nil }
                return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
            }
            guard let r = resolver.resolve(p) else { return Attribution(mention: pr, cue: cueSpan, explicit: true) }
            return Attribution(speaker: r.speaker, mention: pr, cue: cueSpan, gender: r.gender, explicit: true)
        }
        // `… après avoir averti les alliés`: a French infinitive group has no subject of its own nearby.
        if !doc.english, toks[cue.tokens.lowerBound].foldsAny(["avoir", "etre"])
            || (cue.tokens.lowerBound > lower && toks[cue.tokens.lowerBound - 1].foldsAny(["avoir", "etre", "pour", "afin"])) {
            guard var a = sentenceSubject(of: cue.tokens.lowerBound, region: region, bounds: doc.sentences[toks[cue.tokens.lowerBound].sentence])
            else { return nil }
            a.cue = cueSpan
            a.explicit = true
            return a
        }
        // `X has tried to suggest that …`, `X veut dire que …`: an infinitive takes the clause's subject.
        if cue.tokens.lowerBound > lower, toks[cue.tokens.lowerBound - 1].folds("to"), doc.english,
           var a = sentenceSubject(of: cue.tokens.lowerBound, region: region, bounds: doc.sentences[toks[cue.tokens.lowerBound].sentence]) {
            a.cue = cueSpan
            a.explicit = true
            return a
        }
        if cue.isParticiple {
            // `…, ajoutant « … »`, `saying "…"`: the main clause's speaker.
            let sentenceStart = doc.sentences[toks[cue.tokens.lowerBound].sentence].lowerBound
            var k = cue.tokens.lowerBound - 1
            while k >= sentenceStart {
                if toks[k].region == region, let c = cues.cue(at: k), !c.isNegated, !c.isParticiple {
                    return attribution(of: c, lower: sentenceStart, upper: cue.tokens.lowerBound - 1, region: region).map {
                        var a = $0; a.cue = cueSpan; return a
                    }
                }
                k -= 1
            }
            if let a = sentenceSubject(of: cue.tokens.lowerBound, region: region, bounds: doc.sentences[toks[cue.tokens.lowerBound].sentence]) {
                var a = a
                a.cue = cueSpan
                a.explicit = true
                return a
            }
            // The sentence's subject: a name or pronoun opening it.
            var s0 = sentenceStart
            while s0 < cue.tokens.lowerBound, toks[s0].kind == .punctuation || toks[s0].foldsAny(["but", "mais", "and", "et", "yet"]) { s0 += 1 }
            if s0 < cue.tokens.lowerBound {
                var opening: SpeakerPhrase?
                if let g = phrases.pronounGender(token: s0) {
                    opening = SpeakerPhrase(kind: .pronoun, tokens: s0...s0, mention: toks[s0].span, gender: g)
                } else if let run = phrases.nameRun(startingAt: s0, upper: cue.tokens.lowerBound - 1), let name = phrases.strippingTitles(run),
                          run.upperBound + 1 < toks.count, toks[run.upperBound + 1].kind != .possessive {
                    opening = SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown)
                }
                if let p = opening, let r = resolver.resolve(p) {
                    return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
                }
            }
            if cue.tokens.lowerBound - 1 >= sentenceStart,
               let p = phrases.before(cue.tokens.lowerBound - 1, lower: sentenceStart, region: region), p.kind != .firstPerson,
               let r = resolver.resolve(p) {
                return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
            }
            return nil
        }
        // `X n'a pas confirmé … mais a souligné que`, `… et la qualifie de`: the verbs share the clause's subject.
        var c0 = cue.tokens.lowerBound - 1
        while c0 > lower, toks[c0].foldsAny(["la", "le", "les", "l'", "lui", "leur", "se", "s'", "y", "en"]) { c0 -= 1 }
        if c0 >= lower, toks[c0].foldsAny(["mais", "et", "but", "and", "puis", "then"]),
           var a = sentenceSubject(of: cue.tokens.lowerBound, region: region, bounds: doc.sentences[toks[cue.tokens.lowerBound].sentence]) {
            a.cue = cueSpan
            a.explicit = true
            return a
        }
        if cue.tokens.lowerBound - 1 >= lower,
           let p = phrases.before(cue.tokens.lowerBound - 1, lower: lower, region: region) {
            if p.kind == .firstPerson { return nil }
            if let r = resolver.resolve(p) {
                return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
            }
            if p.kind == .pronoun { return Attribution(mention: p.mention, cue: cueSpan, explicit: true) }
        }
        if cue.tokens.upperBound + 1 <= upper,
           let p = phrases.after(cue.tokens.upperBound + 1, upper: upper, region: region), p.kind != .firstPerson,
           let r = resolver.resolve(p) {
            return Attribution(speaker: r.speaker, mention: p.mention, cue: cueSpan, gender: r.gender, explicit: true)
        }
        return nil
    }
}
