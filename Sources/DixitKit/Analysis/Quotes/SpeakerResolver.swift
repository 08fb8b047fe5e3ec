/// One occurrence of a capitalised name in the article (titles stripped).
struct NameOccurrence: Sendable {
    var tokens: ClosedRange<Int>
    var folds: [String]
    var display: String
    /// From a first name or a title next to it.
    var gender: SpeakerGender
    /// Looks like a person: first name, personal title, or a PER entity.
    var isPerson: Bool
}

/// A possible antecedent for a pronoun: a person named or described before it.
struct Antecedent: Sendable {
    var offset: Int
    var paragraph: Int
    var speaker: String
    var gender: SpeakerGender
    var isPerson: Bool
}

/// Turns speaker phrases into speakers: the fullest name the article gives
/// (`Stoltenberg` → `Jens Stoltenberg`, also from recognised entities), gender from first names
/// and titles, and pronouns resolved to the nearest earlier person they agree with.
struct SpeakerResolver: Sendable {
    let doc: QuoteDocument
    let lexicon: QuoteLexicon
    let phrases: SpeakerPhraseFinder
    let names: [NameOccurrence]
    let entities: [Entity]
    /// Surname (last folded word) → indexes into `names`.
    let byLastWord: [String: [Int]]
    /// People named or described so far, in text order (grows as quotes are attributed).
    var antecedents: [Antecedent] = []

    init(doc: QuoteDocument, lexicon: QuoteLexicon, entities: [Entity]) {
        self.doc = doc
        self.lexicon = lexicon
        self.phrases = SpeakerPhraseFinder(doc: doc, lexicon: lexicon)
        self.entities = entities.filter { $0.type == .person || $0.type == .organisation }.sorted { $0.span < $1.span }
        var names: [NameOccurrence] = []
        var k = 0
        let toks = doc.tokens
        let personEntities = entities.filter { $0.type == .person }
        while k < toks.count {
            guard toks[k].region == -1, phrases.isNameToken(k),
                  let run = phrases.nameRun(startingAt: k, upper: doc.paragraphTokens[toks[k].paragraph].upperBound - 1) else {
                k += 1
                continue
            }
            defer { k = run.upperBound + 1 }
            var titleGender: SpeakerGender = .unknown
            var titled = false
            for j in max(0, run.lowerBound - 4)...run.upperBound where toks[j].paragraph == toks[k].paragraph {
                if let g = lexicon.titles[toks[j].fold] {
                    titled = true
                    if g != .unknown { titleGender = g }
                }
                if j >= run.lowerBound { break }
            }
            for j in run where lexicon.titles[toks[j].fold] != nil {
                titled = true
                if let g = lexicon.titles[toks[j].fold], g != .unknown { titleGender = g }
            }
            guard let r = phrases.strippingTitles(run) else { continue }
            let folds = r.map { toks[$0].fold }
            let fnGender = lexicon.firstNames[folds[0]]
            var gender = titleGender
            if let fnGender, fnGender != .unknown, folds.count >= 2 { gender = fnGender }
            let span = Span(toks[r.lowerBound].span.start, toks[r.upperBound].span.end)
            let isEntityPerson = personEntities.contains { $0.span.overlaps(span) }
            let isPerson = isEntityPerson || (fnGender != nil && folds.count >= 2) || (titled && folds.count <= 3)
            names.append(NameOccurrence(tokens: r, folds: folds, display: doc.text[span], gender: gender, isPerson: isPerson))
        }
        var byLast: [String: [Int]] = [:]
        for (i, n) in names.enumerated() { byLast[n.folds.last!, default: []].append(i) }
        // A surname shares the person-ness and gender of its fullest form.
        for (i, n) in names.enumerated() {
            guard let full = SpeakerResolver.fullest(n.folds, names: names, byLast: byLast) else { continue }
            if names[full].isPerson { names[i].isPerson = true }
            if names[i].gender == .unknown { names[i].gender = names[full].gender }
        }
        self.names = names
        self.byLastWord = byLast
        for n in names where n.isPerson {
            antecedents.append(Antecedent(offset: toks[n.tokens.lowerBound].span.start, paragraph: toks[n.tokens.lowerBound].paragraph,
                                          speaker: fullestDisplay(n.folds) ?? n.display, gender: n.gender, isPerson: true))
        }
    }

    /// Index of the fullest name that ends with the same word and holds all of `folds`.
    static func fullest(_ folds: [String], names: [NameOccurrence], byLast: [String: [Int]]) -> Int? {
        guard let last = folds.last, let cands = byLast[last] else { return nil }
        var best: Int?
        for c in cands {
            let n = names[c]
            guard n.folds.count >= folds.count, folds.allSatisfy(n.folds.contains) else { continue }
            if best == nil || n.folds.count > names[best!].folds.count { best = c }
        }
        return best
    }

    func fullestDisplay(_ folds: [String]) -> String? {
        SpeakerResolver.fullest(folds, names: names, byLast: byLastWord).map { names[$0].display }
    }

    /// The speaker a phrase names, with its gender; nil for a pronoun with no antecedent.
    mutating func resolve(_ p: SpeakerPhrase) -> (speaker: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        switch p.kind {
        case .firstPerson:
            return nil
        case .pronoun:
            return antecedent(before: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph, gender: p.gender)
        case .name:
            let folds = p.tokens.map { toks[$0].fold }
            var display = doc.text[p.mention]
            var gender: SpeakerGender = .unknown
            if let i = SpeakerResolver.fullest(folds, names: names, byLast: byLastWord) {
                display = names[i].display
                gender = names[i].gender
            }
            if let e = entities.first(where: { $0.span.overlaps(p.mention) }),
               e.canonical.split(separator: " ").count > display.split(separator: " ").count {
                display = e.canonical
            }
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: display, gender: gender, isPerson: true))
            return (display, gender)
        case .description:
            let display = doc.text[p.mention]
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: display, gender: p.gender, isPerson: p.gender != .plural))
            return (display, p.gender)
        }
    }

    /// Keeps `antecedents` in text order; a later entry at the same place replaces the name found there.
    private mutating func insert(_ a: Antecedent) {
        var lo = 0, hi = antecedents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if antecedents[mid].offset < a.offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < antecedents.count, antecedents[lo].offset == a.offset {
            antecedents[lo] = a
        } else {
            antecedents.insert(a, at: lo)
        }
    }

    /// The nearest earlier person (or group, for a plural pronoun) that agrees with `gender`.
    func antecedent(before offset: Int, paragraph: Int, gender: SpeakerGender) -> (speaker: String, gender: SpeakerGender)? {
        var unknown: Antecedent?
        for a in antecedents.reversed() where a.offset < offset {
            if paragraph - a.paragraph > 4 { break }
            if gender == .plural {
                if a.gender == .plural || !a.isPerson { return (a.speaker, a.gender) }
                continue
            }
            if a.gender == gender { 
                if let u = unknown, paragraph - a.paragraph > 1, u.paragraph >= paragraph - 1 { return (u.speaker, u.gender) }
                return (a.speaker, a.gender)
            }
            if a.gender == .unknown, a.isPerson, unknown == nil { unknown = a }
        }
        if let u = unknown { return (u.speaker, u.gender) }
        return nil
    }
}
