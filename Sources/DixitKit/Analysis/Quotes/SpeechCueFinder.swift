/// A verb or phrase of attribution found in the text (`a déclaré`, `a-t-elle déclaré`, `said`, `selon`).
struct SpeechCue: Sendable {
    /// Tokens of the cue phrase (auxiliary to participle).
    var tokens: ClosedRange<Int>
    /// The pronoun inside an inverted form (`il` of `a-t-il`), with its gender.
    var invertedPronoun: Span?
    var pronounGender: SpeakerGender = .unknown
    /// A present participle (`ajoutant`, `saying`): its subject is the main clause's.
    var isParticiple = false
    /// `selon X`, `d'après X`, `according to X`: the source follows.
    var isAccording = false
    /// Negated (`n'a pas dit`, `did not say`): not an attribution.
    var isNegated = false
    /// `X : « … »`: a bare colon before the quote.
    var isColon = false
    /// Passive (`a été annoncé`, `was announced`): the subject is what was said; the speaker is the agent (`par X`).
    var isPassive = false
    /// The span of the cue phrase in the text.
    func span(in doc: QuoteDocument) -> Span {
        Span(doc.tokens[tokens.lowerBound].span.start, doc.tokens[tokens.upperBound].span.end)
    }
}

/// Recognises verbs of speech (every inflection, French and English) and the fixed
/// attribution phrases around them.
struct SpeechCueFinder: Sendable {
    let doc: QuoteDocument
    let lexicon: QuoteLexicon
    /// The cue of every token, computed once (the rules look at the same tokens many times):
    /// per token, its index in `found` or -1 (few tokens are cues: a small index, not a cue, per token).
    private var cueIndex: [Int32] = []
    private var found: [SpeechCue] = []

    init(doc: QuoteDocument, lexicon: QuoteLexicon) {
        self.doc = doc
        self.lexicon = lexicon
        var index = [Int32](repeating: -1, count: doc.tokens.count)
        var found: [SpeechCue] = []
        let starters = SpeechCueFinder.cueStarters.bit
        for k in doc.tokens.indices {
            // Most tokens cannot be a cue: tested in place, without copying the token.
            let kind = doc.tokens[k].kind
            guard kind == .word || kind == .elision,
                  doc.tokens[k].hasHyphen || doc.tokens[k].info.verb != nil || doc.tokens[k].info.classes & starters != 0
            else { continue }
            if let c = computeCue(at: k) {
                index[k] = Int32(found.count)
                found.append(c)
            }
        }
        cueIndex = index
        self.found = found
    }

    /// The cue whose verb is token `k`, if `k` is a verb of speech (or `selon` / `according`).
    func cue(at k: Int) -> SpeechCue? {
        if cueIndex.isEmpty { return computeCue(at: k) }
        let i = cueIndex[k]
        return i >= 0 ? found[Int(i)] : nil
    }

    private static let invertedSuffixes: [(String, SpeakerGender)] = [
        ("-t-elles", .plural), ("-t-ils", .plural), ("-t-elle", .feminine), ("-t-il", .masculine), ("-t-on", .unknown),
        ("-elles", .plural), ("-ils", .plural), ("-elle", .feminine), ("-il", .masculine), ("-on", .unknown),
    ]
    /// The words other than verbs of speech that may start a cue (checked one by one below).
    static let cueStarters = FoldedSet(.speechCueFinderCueStarters, ["pour", "part", "selon", "apres", "valoir", "savoir", "according"])
    static let infinitiveGovernors = FoldedSet(.speechCueFinderInfinitiveGovernors, [
        "a", "de", "d'", "veut", "voulu", "voulait", "tenu", "tenue", "tient", "vient", "venait", "pu", "peut",
        "pouvait", "doit", "devait", "va", "allait", "refuse", "se", "s'", "pour", "sans", "souhaite", "voulant",
    ])
    /// Words after which `le`, `la`, `les` are object pronouns before a verb, not articles.
    static let cliticHosts = FoldedSet(.speechCueFinderCliticHosts, ["comme", "ainsi", "et", "qui", "ne", "n'", "il", "elle", "ils", "elles", "on", "je", "nous", "vous", "ou", "mais"])
    static let faireComplements = FoldedSet(.speechCueFinderFaireComplements, ["valoir", "savoir", "part"])
    static let faireForms = FoldedSet(.speechCueFinderFaireForms, ["fait", "faire", "font", "faisant", "fera", "ferait", "faisait", "fit"])
    static let auxiliaries = FoldedSet(.speechCueFinderAuxiliaries, [
        "a", "avait", "aura", "aurait", "ont", "avaient", "est", "sont", "etait", "s'est", "has", "had", "have",
        "ait", "aient", "avoir", "eu", "soit", "soient", "fut", "furent", "etaient", "serait", "seraient",
        "eut", "auraient", "va", "vont", "allait", "doit", "devait", "peut", "pourrait", "veut", "voulait", "tient",
    ])
    /// Words between an auxiliary and the participle (`a-t-il encore déclaré`, `a ensuite ajouté`).
    static let participleGap = FoldedSet(.speechCueFinderParticipleGap, [
        "encore", "egalement", "aussi", "ensuite", "alors", "deja", "enfin", "notamment", "meme", "plus",
        "tard", "toutefois", "cependant", "pourtant", "ainsi", "also", "since", "further", "pas", "jamais",
        "not", "never", "a", "de", "d'", "tenu", "voulu", "fait", "lui", "leur", "already", "repeatedly",
        "pour", "sa", "son", "part", "cote", "quant", "elle", "ensuite", "immediatement", "aussitot", "mardi",
        "par", "exemple", "ailleurs",
    ])

    private func computeCue(at k: Int) -> SpeechCue? {
        let toks = doc.tokens
        let t = toks[k]
        guard t.kind == .word || t.kind == .elision else { return nil }
        // Fast exit for the great majority of words.
        if !t.hasHyphen, t.verb == nil {
            guard t.isIn(.speechCueFinderCueStarters),
                  t.foldsAny(["pour", "part", "selon", "apres", "valoir", "savoir", "according"]) else { return nil }
        }
        let f = doc.fold(k)
        if f == "selon" || (f == "apres" && k > 0 && toks[k - 1].folds("d'") && toks[k - 1].span.end == t.span.start) {
            let start = f == "apres" ? k - 1 : k
            return SpeechCue(tokens: start...k, isAccording: true)
        }
        // `Pour le think tank, …` / `Pour Paris, …` at the start of a sentence: the view of X.
        if f == "pour", doc.sentences[t.sentence].lowerBound == k, k + 1 < toks.count,
           toks[k + 1].isIn(.quoteWordsDeterminers) || toks[k + 1].isCapitalised {
            var j = k + 1
            while j < toks.count, j - k <= 6, toks[j].isWord { j += 1 }
            if j < toks.count, toks[j].folds(",") { return SpeechCue(tokens: k...k, isAccording: true) }
        }
        if f == "according", k + 1 < toks.count, toks[k + 1].folds("to") {
            return SpeechCue(tokens: k...(k + 1), isAccording: true)
        }
        // Inverted forms: `déclare-t-elle`, `dit-il`, `a-t-il` + participle.
        if t.hasHyphen {
            for (suffix, gender) in SpeechCueFinder.invertedSuffixes where f.hasSuffix(suffix) {
                let base = String(f.dropLast(suffix.count))
                let pronounLength = suffix.split(separator: "-").last!.count
                let pronoun = Span(t.span.end - pronounLength, t.span.end)
                if lexicon.speechVerbs[base] != nil {
                    var c = SpeechCue(tokens: k...k, invertedPronoun: pronoun, pronounGender: gender)
                    c.isNegated = negatedAround(k...k)
                    return c
                }
                if SpeechCueFinder.auxiliaries.contains(base) {
                    var j = k + 1
                    while j < toks.count, j <= k + 4, toks[j].isIn(.speechCueFinderParticipleGap) { j += 1 }
                    if j < toks.count, toks[j].paragraph == t.paragraph,
                       toks[j].verb != nil || (toks[j - 1].folds("fait") && toks[j].isIn(.speechCueFinderFaireComplements)) {
                        var c = SpeechCue(tokens: k...j, invertedPronoun: pronoun, pronounGender: gender)
                        c.isNegated = negatedAround(k...j)
                        return c
                    }
                }
                return nil
            }
        }
        // `a fait valoir`, `a fait savoir`, `a fait part de`.
        if SpeechCueFinder.faireComplements.contains(f), k > 0, toks[k - 1].isIn(.speechCueFinderFaireForms) {
            if k > 1, toks[k - 2].hasHyphen, let c = computeCue(at: k - 2), c.tokens.contains(k) { return c }
            var s = k - 1
            while s > 0, k - s < 4, doc.isAuxiliary(s - 1) { s -= 1 }
            var c = SpeechCue(tokens: s...k, isParticiple: toks[k - 1].folds("faisant"))
            c.isNegated = negatedAround(s...k)
            return c
        }
        guard let form = t.verb else { return nil }
        // A participle after an inverted auxiliary belongs to it: `a-t-il fait valoir`, `a-t-elle encore déclaré`.
        if k > 0 {
            for b in stride(from: k - 1, through: max(0, k - 3), by: -1) where doc.tokens[b].hasHyphen {
                if let c = computeCue(at: b), c.tokens.contains(k) { return c }
            }
        }
        // `un mécanisme d'alerte`, `la volonté de déclaration`: after `de`, only an infinitive is a verb.
        if k > 0, form != .infinitive, !doc.english, toks[k - 1].foldsAny(["de", "d'", "du", "des"]) { return nil }
        if form == .infinitive {
            guard k > 0, toks[k - 1].isIn(.speechCueFinderInfinitiveGovernors) else { return nil }
        }
        // A noun that happens to share the form (`l'annonce`, `the report`) follows a determiner
        // (French `a` before a participle is the auxiliary, not an article).
        if k > 0, toks[k - 1].isIn(.quoteWordsDeterminers), doc.english || !toks[k - 1].folds("a"),
           // `comme le souligne X`, `Pékin la qualifie de`, `il l'a dit`: there the article is an object pronoun.
           !(k > 1 && toks[k - 1].foldsAny(["le", "la", "les", "l'"]) && !doc.english
             && (toks[k - 2].isIn(.speechCueFinderCliticHosts) || toks[k - 2].isCapitalised)) {
            return nil
        }
        // Extend leftwards over auxiliaries and adverbs to the start of the verb group.
        var s = k
        while s > 0, k - s < 4, toks[s - 1].paragraph == t.paragraph, doc.isAuxiliary(s - 1) {
            s -= 1
        }
        if s == k {
            // `a pour sa part annoncé`, `a ensuite ajouté`: adverbs between the auxiliary and the participle.
            var g = k - 1
            while g >= 0, k - g <= 5, toks[g].paragraph == t.paragraph, toks[g].isIn(.speechCueFinderParticipleGap),
                  !doc.isAuxiliary(g) { g -= 1 }
            if g >= 0, g < k - 1, doc.isAuxiliary(g), toks[g].paragraph == t.paragraph { s = g }
        }
        // English phrasal cues: `pointed out`.
        var e = k
        if doc.english, k + 1 < toks.count, toks[k + 1].folds("out"), f.hasPrefix("point") { e = k + 1 }
        // A French past participle without its auxiliary is an adjective (`la visite annoncée`,
        // `considéré par Ankara comme`), not an attribution.
        if !doc.english, s == k, form == .verb, isAccentedParticiple(t) { return nil }
        var c = SpeechCue(tokens: s...e, isParticiple: form == .participle)
        c.isNegated = negatedAround(s...e)
        if k > 0, toks[k - 1].foldsAny(["ete", "been", "being", "etre"])
            || (toks[k - 1].foldsAny(["est", "sont", "etait", "etaient", "is", "was", "were", "are"])
                && !(k > 1 && toks[k - 2].foldsAny(["s'", "se"])) && form == .verb && !doc.english || doc.english && toks[k - 1].foldsAny(["is", "was", "were", "are"])) {
            c.isPassive = true
            if toks[k - 1].foldsAny(["ete", "been"]), k > 1, doc.isAuxiliary(k - 2) {
                c.tokens = (k - 2)...e
            }
        }
        return c
    }

    /// Ends in `é`, `ée`, `és`, `ées` as written (the folded form loses the accent: `déclaré` / `déclare`).
    func isAccentedParticiple(_ t: QToken) -> Bool {
        let sc = doc.scalars
        var e = t.span.end - 1
        if e > t.span.start, sc[e] == "s" || sc[e] == "S" { e -= 1 }
        if e > t.span.start, sc[e] == "e" || sc[e] == "E" { e -= 1 }
        return e >= t.span.start && (sc[e] == "\u{E9}" || sc[e] == "\u{C9}")
    }

    /// Verbs that attribute a quote only right next to it (`», poursuit-il`, `a lancé : «`),
    /// being too often used otherwise (`la Russie poursuivra sa marche`).
    func isPostQuoteOnly(_ c: SpeechCue) -> Bool {
        guard let lemma = lexicon.lemmas[doc.fold(c.tokens.upperBound)] else { return false }
        return SpeechCueFinder.postQuoteLemmas.contains(lemma)
    }
    static let postQuoteLemmas = FoldedSet(.speechCueFinderPostQuoteLemmas, [
        "poursuivre", "lancer", "conclure", "enchainer", "glisser", "souffler", "lacher", "ironiser", "trancher",
        "rencherir", "abonder", "tonner", "interrompre", "continue", "resumer", "pointer", "repeter", "considerer",
        "juger", "qualifier", "appeler", "demander", "exiger", "menacer", "saluer", "condamner", "accuser",
        "regretter", "deplorer", "critiquer", "fustiger", "publier", "signaler", "rapporter", "evoquer",
        "describe", "call", "ask", "demand", "praise", "welcome", "hail", "slam", "blast", "share", "post",
    ])

    /// `ne … pas` around the verb group, or `not` / `n't` / `never` before it.
    func negatedAround(_ r: ClosedRange<Int>) -> Bool {
        let toks = doc.tokens
        let lo = max(0, r.lowerBound - 3)
        var hasNe = false
        for j in lo..<r.lowerBound where toks[j].paragraph == toks[r.lowerBound].paragraph {
            let t = toks[j]
            if t.folds("ne") || t.folds("n'") { hasNe = true }
            if t.folds("not") || t.folds("never") || doc.foldHasSuffix(j, "n't") { return true }
        }
        for j in r where toks[j].folds("pas") || toks[j].folds("jamais") || toks[j].folds("not") || toks[j].folds("never") {
            _ = j; return true
        }
        if hasNe {
            // `aucune signature n'a été annoncée`, `personne n'a dit`.
            for j in max(0, r.lowerBound - 5)..<r.lowerBound where toks[j].foldsAny(["aucun", "aucune", "personne", "rien", "nul", "nulle"]) {
                _ = j; return true
            }
            let hi = min(toks.count, r.upperBound + 3)
            for j in (r.upperBound + 1)..<max(r.upperBound + 1, hi)
            where toks[j].foldsAny(["pas", "jamais", "plus", "rien", "guere", "point"]) { return true }
            // `n'a-t-il pas`: the `ne` is inside the first token's prefix.
        }
        if doc.foldHasPrefix(r.lowerBound, "n'") { return true }
        return false
    }
}
