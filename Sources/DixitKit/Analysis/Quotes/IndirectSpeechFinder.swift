/// Finds reported speech (quotes of kind `indirect`): the clause after `X a déclaré que` /
/// `X said (that)`, the clause `selon X` / `d'après X` / `according to X` attaches to, and
/// `<clause>, a déclaré X.` / `<clause>, X said.` Only with a source named in the same sentence.
///
/// Running over every cue in text order also records the speakers it finds, so that a later
/// pronoun (`a-t-elle poursuivi`) can refer to them.
struct IndirectSpeechFinder {
    let doc: QuoteDocument
    var attributor: QuoteAttributor

    /// English verbs that take a content clause without `that` (`he said the plan failed`).
    static let bareClauseVerbs = FoldedSet(.indirectSpeechFinderBareClauseVerbs, [
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "insisted", "insists",
        "argued", "argues", "claimed", "acknowledged", "acknowledges", "predicted", "noted", "stressed",
        "explained", "believes", "believed", "wrote", "writes", "tweeted", "suggested", "suggests", "conceded",
        "admitted", "admits", "announced", "confirmed", "estimated", "estimates", "recalled", "testified",
        "saying", "adding", "noting", "insisting", "arguing", "claiming", "warning", "suggesting", "telling", "say",
        "believe", "think", "thinks", "thought", "hopes", "fears", "feared",
    ])
    static let clauseCutters = FoldedSet(.indirectSpeechFinderClauseCutters, ["alors", "tandis", "while", "whereas", "but", "mais", "although", "though", "car", "because", "since", "puisque"])
    static let thatWords = FoldedSet(.indirectSpeechFinderThatWords, ["que", "qu'", "that"])
    static let bareInfinitives = FoldedSet(.indirectSpeechFinderBareInfinitives, ["avoir", "etre", "vouloir", "pouvoir", "devoir", "ne", "n'"])
    static let conjunctionHeads = FoldedSet(.indirectSpeechFinderConjunctionHeads, ["bien", "alors", "tandis", "avant", "apres", "pour", "sans", "parce", "afin", "des", "ainsi", "so", "such", "now", "given", "except", "provided", "plutot", "moins", "plus", "pendant", "depuis", "jusqu'a", "encore"])
    static let adverbialOpeners = FoldedSet(.indirectSpeechFinderAdverbialOpeners, ["lors", "du", "de", "avec", "pour", "dans", "en", "ainsi", "apres", "avant", "selon", "au", "aux", "a", "on", "in", "after", "with", "for", "during", "since", "depuis", "par", "sur", "face", "malgre", "despite", "although"])
    static let subordinators = FoldedSet(.indirectSpeechFinderSubordinators, ["lorsque", "quand", "si", "s'", "puisque", "comme", "when", "if", "although", "though", "because", "since", "while", "as", "once", "after", "before", "apres", "avant", "bien", "alors", "tandis"])

    mutating func find() -> [Quote] {
        var out: [Quote] = []
        let toks = doc.tokens
        let cues = attributor.cues
        for sentence in doc.sentences {
            var k = sentence.lowerBound
            var lastCueEnd = -1
            while k < sentence.upperBound {
                defer { k += 1 }
                guard k > lastCueEnd, toks[k].region == -1, let cue = cues.cue(at: k), !cue.isNegated else { continue }
                lastCueEnd = cue.tokens.upperBound
                let upper = sentence.upperBound - 1
                guard let a = attributor.attribution(of: cue, lower: sentence.lowerBound, upper: upper, region: -1),
                      a.mention != nil else { continue }
                guard let content = contentSpan(of: cue, sentence: sentence, attribution: a) else { continue }
                out.append(QuoteText.quote(doc, content, kind: .indirect, speaker: a.speaker, speakerMention: a.mention, cue: a.cue))
            }
        }
        return out
    }

    /// The reported clause of a cue, or nil when the sentence has none.
    private func contentSpan(of cue: SpeechCue, sentence: Range<Int>, attribution a: Attribution) -> Span? {
        let toks = doc.tokens
        let last = sentence.upperBound - 1
        let mention = a.mention!
        if cue.isAccording {
            // `Selon X, <clause>.` or `<clause>, selon X.`
            var k = cue.tokens.upperBound + 1
            while k <= last, toks[k].span.end <= mention.end { k += 1 }
            if cue.tokens.lowerBound <= sentence.lowerBound + 1 {
                while k <= last, !toks[k].folds(",") { k += 1 }
                return clause(from: k + 1, to: last)
            }
            if cue.tokens.lowerBound - 1 > sentence.lowerBound, toks[cue.tokens.lowerBound - 1].folds(",") {
                // `Cela durera, selon lui, tant que …`: enclosed in commas, it attaches to the whole sentence.
                if k <= last, toks[k].folds(","), last - k > 3 {
                    return clause(from: sentence.lowerBound, to: last)
                }
                return clause(from: sentence.lowerBound, to: cue.tokens.lowerBound - 2)
            }
            return nil
        }
        // `X a déclaré (mardi) (aux journalistes) que <clause>`.
        var j = cue.tokens.upperBound + 1
        var gap = 0
        while j <= last, gap < 8, toks[j].region == -1 {
            if toks[j].isIn(.indirectSpeechFinderThatWords) {
                // `bien que`, `alors que`, `avant que`: a conjunction, not a reported clause.
                if j > 0, toks[j - 1].isIn(.indirectSpeechFinderConjunctionHeads) { return nil }
                return clause(from: j + 1, to: last)
            }
            if !toks[j].isWord && !toks[j].folds(",") { break }
            if j > cue.tokens.upperBound + 1, toks[j].span.start < mention.end, toks[j].span.end > mention.start { j += 1; continue }
            j += 1
            gap += 1
        }
        // French infinitive complements: `a nié avoir …`, `a appelé X à ne « pas jouer … »`, `a promis de verser …`.
        if !doc.english {
            var i = cue.tokens.upperBound + 1
            if i <= last, toks[i].isIn(.indirectSpeechFinderBareInfinitives) { return clause(from: i, to: last) }
            var n = 0
            while i <= last, n < 6, toks[i].region == -1, toks[i].isWord {
                let f = doc.fold(i)
                if (f == "de" || f == "d'" || (f == "a" && doc.isGraveA(i))), i + 1 <= last, isInfinitiveStart(i + 1) {
                    return clause(from: f == "a" ? i + 1 : i, to: last)
                }
                if IndirectSpeechFinder.thatWords.contains(f) { break }
                i += 1
                n += 1
            }
        }
        // English `X said <clause>` without `that`.
        let verb = doc.fold(cue.tokens.upperBound)
        if doc.english, IndirectSpeechFinder.bareClauseVerbs.contains(verb), mention.end <= toks[cue.tokens.lowerBound].span.start || cue.invertedPronoun != nil {
            var s = cue.tokens.upperBound + 1
            if verb == "told" || verb == "tells" {
                // Skip the hearer: `told reporters`, `told The Associated Press`.
                var n = 0
                while s <= last, n < 4, toks[s].isWord, !toks[s].isIn(.indirectSpeechFinderThatWords) {
                    s += 1
                    n += 1
                    if n >= 1, s <= last, !toks[s].isCapitalised { break }
                }
                if s <= last, toks[s].isIn(.indirectSpeechFinderThatWords) { s += 1 }
            }
            while s <= last, toks[s].foldsAny(["on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "in", "a", "statement", "interview", "last", "week", "night"]) { s += 1 }
            if s <= last, toks[s].isWord, toks[s].region == -1, !toks[s].foldsAny(["to", "of", "for", "about", "at", "by", "with", "so"]) {
                return clause(from: s, to: last)
            }
        }
        // `<clause>, a déclaré X.` / `<clause>, X said.`: the attribution closes the sentence.
        let attributionStart = min(toks[cue.tokens.lowerBound].span.start, mention.start)
        var c = cue.tokens.lowerBound - 1
        while c > sentence.lowerBound, toks[c].span.start >= attributionStart { c -= 1 }
        guard c > sentence.lowerBound + 2, toks[c].folds(",") else { return nil }
        // Not an apposition (`La ministre des Sports, Anne Vidal, a déclaré`), nor a colon introducing a quote.
        if toks[last].folds(":") { return nil }
        if mention.end <= toks[cue.tokens.lowerBound].span.start,
           let after = (cue.tokens.lowerBound - 1 >= sentence.lowerBound ? cue.tokens.lowerBound - 1 : nil),
           toks[after].folds(",") { return nil }
        // After the attribution only a short adjunct may follow.
        let attributionEnd = max(toks[cue.tokens.upperBound].span.end, mention.end)
        var rest = 0
        for t in toks[sentence] where t.span.start >= attributionEnd && t.isWord { rest += 1 }
        // Inverted (`…, a déclaré X lors de …`) may carry an adjunct; `…, X said` ends the sentence.
        let inverted = mention.start > toks[cue.tokens.lowerBound].span.start
        guard rest <= (inverted ? 8 : 3) else { return nil }
        // The clause must be one: not an opening adverbial (`Du côté russe, le Kremlin a demandé …`).
        if toks[sentence.lowerBound].isIn(.indirectSpeechFinderAdverbialOpeners) { return nil }
        var words = 0
        for t in toks[sentence.lowerBound..<c] where t.isWord { words += 1 }
        guard words >= 4 else { return nil }
        return clause(from: sentence.lowerBound, to: c - 1)
    }

    /// An infinitive (or `ne pas` + infinitive) opens at `i`: `jouer`, `ne pas encourager`, `avoir`.
    private func isInfinitiveStart(_ i: Int) -> Bool {
        let toks = doc.tokens
        var j = i
        while j < toks.count, toks[j].foldsAny(["ne", "n'", "pas", "plus", "jamais", "se", "s'", "les", "le", "la", "l'", "lui", "leur", "y", "en"]), j - i < 3 { j += 1 }
        guard j < toks.count, toks[j].kind == .word, !toks[j].isCapitalised else { return false }
        let f = doc.fold(j)
        if ["hier", "premier", "dernier", "entier", "cher", "mer", "fer", "hiver", "leur", "plusieurs"].contains(f) { return false }
        return f.hasSuffix("er") || f.hasSuffix("ir") || f.hasSuffix("re") || f.hasSuffix("oir")
    }

    /// The span of tokens `from...to`, cut at a contrast (`, alors que`, `; `) or a trailing attribution,
    /// without closing punctuation; nil when too short or wholly quoted.
    private func clause(from: Int, to: Int) -> Span? {
        let toks = doc.tokens
        guard from <= to, from >= 0, to < toks.count else { return nil }
        // A subordinate clause (`Lorsque …`, `When …`) is not what was said.
        if toks[from].isIn(.indirectSpeechFinderSubordinators) { return nil }
        var end = to
        var k = from + 1
        while k <= to {
            if toks[k].region == -1 {
                if toks[k].folds(";") || (toks[k].folds(",") && k + 1 <= to && (toks[k + 1].isIn(.indirectSpeechFinderClauseCutters)
                    || attributor.cues.cue(at: k + 1).map { $0.invertedPronoun != nil || $0.isAccording || $0.isParticiple } == true)) {
                    end = k - 1
                    break
                }
            }
            k += 1
        }
        while end > from, toks[end].kind == .punctuation, toks[end].region == -1, ![")", "\u{BB}", "\u{201D}", "\""].contains(doc.fold(end)) { end -= 1 }
        var words = 0, quoted = 0
        for t in toks[from...end] where t.isWord {
            words += 1
            if t.region != -1 { quoted += 1 }
        }
        guard words >= 3, quoted * 10 < words * 9 else { return nil }
        // Starts at an opening quote mark that runs to the end: a direct quote, not reported speech.
        if toks[from].kind == .punctuation, quoted * 10 >= words * 7 { return nil }
        return doc.text.trimmed(Span(toks[from].span.start, toks[end].span.end))
    }
}
