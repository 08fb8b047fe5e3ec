/// One occurrence of a capitalised name in the article (titles stripped).
struct NameOccurrence: Sendable {
    var tokens: ClosedRange<Int>
    var folds: [String]
    /// Where the name (without titles) is in the text.
    var span: Span
    /// From a first name or a title next to it.
    var gender: SpeakerGender
    /// Looks like a person: first name, personal title, or a PER entity.
    var isPerson: Bool
    /// Part of a complement (`proche de Poutine`, `from Lord Alli`): a weak antecedent.
    var isComplement = false
    /// Followed by its verb (`Stoltenberg a déclaré`, `X, le chef de l'OTAN, a dit`): the likeliest antecedent.
    var isSubject = false
    /// The name with its titles, whose surroundings hold its role words (computed when needed).
    var run: ClosedRange<Int> = 0...0
}

/// A possible antecedent for a pronoun: a person named or described before it.
struct Antecedent: Sendable {
    var offset: Int
    var paragraph: Int
    /// A description's words, or nil when `name` gives the speaker.
    var speaker: String?
    /// Index of the fullest name in `SpeakerResolver.names`.
    var name: Int? = nil
    var gender: SpeakerGender
    var isPerson: Bool
    var isWeak = false
    var isSubject = false
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
    /// Descriptions used for speakers so far (`le gouvernement taïwanais`), so that a shorter later
    /// one (`le gouvernement`) gets the fuller wording.
    var describedSpeakers: [(offset: Int, words: Set<String>, display: String)] = []
    /// Role words around each name, computed on first use.
    var roleCache: [Int: Set<String>] = [:]
    var countCache: [Int: Int] = [:]

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
            // A title right before the name (`M. Smith`, `la ministre Agnès X`, `l'ambassadrice américaine, Julianne Smith`).
            var b = run.lowerBound - 1
            if b >= 0, toks[b].fold == "." || toks[b].fold == "," { b -= 1 }
            var seen = 0
            while b >= 0, seen < 3, toks[b].paragraph == toks[k].paragraph, toks[b].isWord {
                if let g = lexicon.titles[toks[b].fold] {
                    titled = true
                    if g != .unknown { titleGender = g }
                    break
                }
                if SpeakerPhraseFinder.complementWords.contains(toks[b].fold) || toks[b].isCapitalised { break }
                b -= 1
                seen += 1
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
            let complement = phrases.isComplement(run, lower: doc.paragraphTokens[toks[k].paragraph].lowerBound)
            let isPerson = isEntityPerson || (fnGender != nil && folds.count >= 2) || (titled && folds.count <= 3 && !complement)
            var occ = NameOccurrence(tokens: r, folds: folds, span: span, gender: gender, isPerson: isPerson)
            let paraStart = doc.paragraphTokens[toks[k].paragraph].lowerBound
            occ.isComplement = phrases.isComplement(run, lower: paraStart)
                || (run.upperBound + 1 < toks.count && toks[run.upperBound + 1].kind == .possessive)
            occ.run = run
            occ.isSubject = SpeakerResolver.isFollowedByVerb(run.upperBound + 1, doc: doc, lexicon: lexicon)
            names.append(occ)
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
        for (i, n) in names.enumerated() where n.isPerson {
            let full = SpeakerResolver.fullest(n.folds, names: names, byLast: byLast) ?? i
            antecedents.append(Antecedent(offset: toks[n.tokens.lowerBound].span.start, paragraph: toks[n.tokens.lowerBound].paragraph,
                                          speaker: nil, name: full, gender: n.gender, isPerson: true, isWeak: n.isComplement,
                                          isSubject: n.isSubject))
        }
    }

    /// Index of the fullest name that ends with the same word and holds all of `folds`.
    static func fullest(_ folds: [String], names: [NameOccurrence], byLast: [String: [Int]]) -> Int? {
        guard let last = folds.last else { return nil }
        guard let cands = byLast[last] else {
            // `Sir Keir` → `Keir Starmer`: a single word found inside one longer person name.
            guard folds.count == 1 else { return nil }
            var found: Int?
            for (i, n) in names.enumerated() where n.isPerson && n.folds.count >= 2 && n.folds.contains(last) {
                if let f = found, names[f].folds != n.folds { return nil }
                if found == nil { found = i }
            }
            return found
        }
        var best: Int?
        for c in cands {
            let n = names[c]
            guard n.folds.count >= folds.count, folds.allSatisfy(n.folds.contains) else { continue }
            // Longest; at equal length a person's name (`Gordon Sondland`) beats a headline run (`Unpredictable Sondland`).
            if best == nil || n.folds.count > names[best!].folds.count
                || (n.folds.count == names[best!].folds.count && n.isPerson && !names[best!].isPerson) { best = c }
        }
        if folds.count == 1, best == nil || names[best!].folds.count == 1 {
            // `Sir Keir` → `Keir Starmer`: a single word found inside exactly one longer person name.
            // The shortest such name (a title-case headline may run several names together).
            var found: Int?
            var ambiguous = false
            for (i, n) in names.enumerated() where n.isPerson && n.folds.count >= 2 && n.folds.contains(last) {
                if let f = found {
                    if n.folds.count < names[f].folds.count { found = i; ambiguous = false }
                    else if n.folds.count == names[f].folds.count && n.folds != names[f].folds { ambiguous = true }
                } else {
                    found = i
                }
            }
            return ambiguous ? best : (found ?? best)
        }
        return best
    }

    func display(_ i: Int) -> String { QuoteText.string(doc.text, names[i].span) }

    func speaker(of a: Antecedent) -> String { a.speaker ?? a.name.map(display) ?? "" }

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
            var display = QuoteText.string(doc.text, p.mention)
            var gender: SpeakerGender = .unknown
            if let i = SpeakerResolver.fullest(folds, names: names, byLast: byLastWord) {
                display = self.display(i)
                gender = names[i].gender
            }
            if let e = entities.first(where: { $0.span.overlaps(p.mention) }),
               e.canonical.split(separator: " ").count > display.split(separator: " ").count {
                display = e.canonical
            }
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: display, gender: gender, isPerson: true, isSubject: true))
            return (display, gender)
        case .description:
            if let named = person(describedBy: p) {
                insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                                  speaker: named.display, gender: named.gender, isPerson: true, isSubject: true))
                return (named.display, named.gender)
            }
            var display = QuoteText.string(doc.text, p.mention)
            let words = Set(p.tokens.map { toks[$0].fold }).subtracting(SpeakerResolver.roleStopWords)
            if let longer = describedSpeakers.last(where: { $0.offset < p.mention.start && $0.words.isSuperset(of: words) && $0.words.count > words.count }) {
                display = longer.display
            }
            describedSpeakers.append((p.mention.start, words, display))
            // A description stands for a person when it names a role (`un responsable`, `a spokeswoman`);
            // in French a feminine or masculine noun may also be `elle` / `il` (`la présidence turque`).
            let hasRole = p.tokens.contains { lexicon.titles[toks[$0].fold] != nil }
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: display, gender: p.gender,
                              isPerson: p.gender != .plural && (hasRole || (!doc.english && p.gender != .unknown)), isSubject: true))
            return (display, p.gender)
        }
    }

    /// Offices whose holder a definite description (`le chef de l'État`) stands for.
    static let officeTitles: Set<String> = [
        "president", "ministre", "minister", "premier", "chancelier", "chancellor", "secretary", "ambassadeur",
        "ambassador", "chef", "dirigeant", "dirigeante", "leader", "locataire", "gouverneur", "governor", "maire",
        "mayor", "senateur", "senator", "directeur", "directrice", "pdg", "ceo", "roi", "reine", "pape", "king",
        "queen", "patron", "patronne", "chairman", "chairwoman", "commissaire", "commissioner", "prince",
        "numero", "hote", "occupant",
    ]
    static let roleSynonyms: [String: String] = [
        "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "col": "colonel",
        "lt": "lieutenant", "pm": "premier", "prime": "premier", "secretaire": "secretary", "ministre": "minister",
        "president": "president", "presidente": "president", "ambassadrice": "ambassadeur", "cheffe": "chef",
    ]

    /// Content words of a role phrase, normalised (`chef de l'État` and `locataire de l'Élysée` → president).
    static func normalisedRoles(_ words: [String]) -> Set<String> {
        var set = Set(words.map { roleSynonyms[$0] ?? $0 })
        if set.contains("elysee") && (set.contains("locataire") || set.contains("hote")) { set.insert("president") }
        if set.contains("chef") && set.contains("etat") { set.insert("president") }
        if set.contains("white") && set.contains("house") && set.contains("occupant") { set.insert("president") }
        return set.subtracting(SpeakerResolver.roleStopWords)
    }
    static let roleStopWords: Set<String> = [
        "le", "la", "les", "l'", "de", "du", "des", "d'", "the", "of", "a", "an", "un", "une", "et", "and", "en",
        "au", "aux", "for", "in", "son", "sa", "ses", "his", "her", "their", "leur", ",", ".", "-", "who", "qui",
    ]

    /// Words of the apposition or title phrase next to a name, in the same sentence.
    static func roleWords(around run: ClosedRange<Int>, doc: QuoteDocument, lexicon: QuoteLexicon) -> Set<String> {
        let toks = doc.tokens
        let sentence = doc.sentences[toks[run.lowerBound].sentence]
        var words: [String] = run.map { toks[$0].fold }
        // Before: `le Premier ministre polonais, X` or `le chef de l'État X`.
        var k = run.lowerBound - 1
        if k >= sentence.lowerBound, toks[k].fold == "," { k -= 1 }
        var n = 0
        while k >= sentence.lowerBound, n < 8, toks[k].isWord || toks[k].fold == "-" || toks[k].fold == "." {
            if lexicon.speechVerbs[toks[k].fold] != nil || SpeechCueFinder.auxiliaries.contains(toks[k].fold) { break }
            words.append(toks[k].fold)
            k -= 1
            n += 1
        }
        // After: `X, ancien président et proche de Poutine,`.
        k = run.upperBound + 1
        if k < sentence.upperBound, toks[k].fold == "," {
            k += 1
            n = 0
            while k < sentence.upperBound, n < 8, toks[k].isWord || toks[k].fold == "-" {
                if lexicon.speechVerbs[toks[k].fold] != nil || SpeechCueFinder.auxiliaries.contains(toks[k].fold) { break }
                words.append(toks[k].fold)
                k += 1
                n += 1
            }
        }
        return normalisedRoles(words)
    }

    /// The named person a definite description stands for (`le porte-parole du Kremlin` →
    /// `Dmitri Peskov`, when the article calls him so): same role word, nearest mention.
    mutating func person(describedBy p: SpeakerPhrase) -> (display: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        guard ["le", "la", "l'", "the", "ce", "cette", "this"].contains(toks[p.tokens.lowerBound].fold) else { return nil }
        let words = p.tokens.map { toks[$0].fold }
        // The head noun comes before any complement: `le chef de l'État` → chef; `l'entourage du chef` → entourage.
        let beforeComplement = words.dropFirst().prefix { !SpeakerPhraseFinder.complementWords.contains($0) }
        guard let head = beforeComplement.first(where: { lexicon.titles[$0] != nil || SpeakerResolver.officeTitles.contains($0) })
            .map({ SpeakerResolver.roleSynonyms[$0] ?? $0 }) else { return nil }
        let roles = SpeakerResolver.normalisedRoles(words)
        let generic: Set<String> = ["chef", "dirigeant", "dirigeante", "leader", "head", "responsable", "official", "ancien", "former"]
        var best: (index: Int, distance: Int)?
        var bestOverlap = 0
        var bestCount = 0
        for (i, n) in names.enumerated() where n.isPerson && n.tokens.lowerBound != p.tokens.lowerBound && p.gender.agrees(with: n.gender) {
            let nRoles: Set<String>
            if let cached = roleCache[i] { nRoles = cached } else {
                nRoles = SpeakerResolver.roleWords(around: n.run, doc: doc, lexicon: lexicon)
                roleCache[i] = nRoles
            }
            let extra = roles.subtracting([head]).intersection(nRoles)
            let matches = nRoles.contains(head) && (!generic.contains(head) || !extra.isEmpty) || roles.contains("president") && nRoles.contains("president")
            guard matches else { continue }
            // More shared role words first (`la ministre espagnole` → the Spanish minister), then the nearest.
            let overlap = roles.intersection(nRoles).count
            let before = n.tokens.upperBound < p.tokens.lowerBound
            let d = before ? p.tokens.lowerBound - n.tokens.upperBound : 100_000 + n.tokens.lowerBound - p.tokens.upperBound
            let count = mentionCount(i)
            if best == nil || overlap > bestOverlap || (overlap == bestOverlap && count > bestCount)
                || (overlap == bestOverlap && count == bestCount && d < best!.distance) {
                best = (i, d)
                bestOverlap = overlap
                bestCount = count
            }
        }
        if best == nil, SpeakerResolver.officeTitles.contains(head), p.gender != .plural {
            // `le chef de l'État`, `the president`: an office held by someone the article has named before.
            var nearest: Int?
            var nearestComplement: Int?
            for (i, n) in names.enumerated().reversed() where n.isPerson && n.tokens.upperBound < p.tokens.lowerBound
                && p.gender.agrees(with: n.gender) {
                if toks[p.tokens.lowerBound].paragraph - toks[n.tokens.lowerBound].paragraph > 6 { break }
                if n.isComplement {
                    if nearestComplement == nil { nearestComplement = i }
                    continue
                }
                if nearest == nil { nearest = i }
                if n.isSubject { best = (i, 0); break }
            }
            if best == nil, let n = nearest ?? nearestComplement { best = (n, 0) }
        }
        guard let b = best else { return nil }
        let n = names[b.index]
        let full = SpeakerResolver.fullest(n.folds, names: names, byLast: byLastWord).map { names[$0] } ?? n
        return (QuoteText.string(doc.text, full.span), full.gender == .unknown ? n.gender : full.gender)
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

    /// The nearest earlier person (or group, for a plural pronoun) that agrees with `gender`,
    /// preferring subjects and speakers to people merely mentioned (`il` after `X a qualifié Poutine de…` is X).
    func antecedent(before offset: Int, paragraph: Int, gender: SpeakerGender) -> (speaker: String, gender: SpeakerGender)? {
        var mentioned: Antecedent?
        var weak: Antecedent?
        for a in antecedents.reversed() where a.offset < offset {
            if paragraph - a.paragraph > 4 { break }
            let agrees: Bool
            if gender == .plural {
                agrees = a.gender == .plural || !a.isPerson
            } else {
                agrees = a.isPerson && (a.gender == gender || a.gender == .unknown || gender == .unknown)
            }
            guard agrees else { continue }
            if a.isWeak {
                if weak == nil { weak = a }
                continue
            }
            if a.isSubject {
                // A subject of unknown gender far back loses to a closer mention of the right gender.
                if a.gender == .unknown, gender != .unknown, let m = mentioned, m.gender == gender, m.paragraph == paragraph {
                    return (speaker(of: m), m.gender)
                }
                return (speaker(of: a), a.gender)
            }
            if mentioned == nil { mentioned = a }
        }
        if let m = mentioned { return (speaker(of: m), m.gender) }
        if let w = weak { return (speaker(of: w), w.gender) }
        return nil
    }

    /// How many times the article names the person whose fullest name is `names[i]`'s.
    mutating func mentionCount(_ i: Int) -> Int {
        if let c = countCache[i] { return c }
        let full = SpeakerResolver.fullest(names[i].folds, names: names, byLast: byLastWord) ?? i
        var c = 0
        for n in names where n.folds.last == names[full].folds.last { c += 1 }
        countCache[i] = c
        return c
    }

    /// Whether a verb follows token `k` (after an apposition between commas): `X a dit`, `X, le chef, a dit`.
    static func isFollowedByVerb(_ k0: Int, doc: QuoteDocument, lexicon: QuoteLexicon) -> Bool {
        let toks = doc.tokens
        var k = k0
        guard k < toks.count else { return false }
        if toks[k].fold == "," {
            var j = k + 1
            while j < toks.count, j - k < 14, toks[j].fold != ",", toks[j].fold != "." { j += 1 }
            guard j < toks.count, toks[j].fold == "," else { return false }
            k = j + 1
        }
        // `David Watt of Rosenberg Research said`: a complement between name and verb.
        if ["of", "from", "at", "de", "du", "des", "chez"].contains(toks[k].fold) {
            var j = k + 1
            while j < toks.count, j - k <= 8, toks[j].isWord || toks[j].fold == "&" || toks[j].fold == "." {
                if QuoteAttributor.finiteAuxiliaries.contains(toks[j].fold) || lexicon.speechVerbs[toks[j].fold] != nil { return true }
                j += 1
            }
            return false
        }
        while k < toks.count, QuoteWords.auxiliaryChain.contains(toks[k].fold) && !QuoteAttributor.finiteAuxiliaries.contains(toks[k].fold) { k += 1 }
        var clitic = false
        while k < toks.count, ["les", "lui", "leur", "l'", "se", "s'", "y", "en", "ne", "n'"].contains(toks[k].fold) { k += 1; clitic = true }
        guard k < toks.count else { return false }
        let t = toks[k]
        if QuoteAttributor.finiteAuxiliaries.contains(t.fold) || lexicon.speechVerbs[t.fold] != nil { return true }
        guard t.kind == .word, !t.isCapitalised, !QuoteWords.determiners.contains(t.fold),
              !SpeakerPhraseFinder.complementWords.contains(t.fold) else { return false }
        // After a clitic (`se faisait`), or with a verb ending (`announced`, `faisait`), it is a verb.
        return clitic || (doc.english ? t.fold.hasSuffix("ed") : (t.fold.hasSuffix("ait") || t.fold.hasSuffix("aient")))
    }

    /// The fullest person name holding this single word, if the article names such a person.
    func fullestPerson(_ fold: String) -> Int? {
        guard let i = SpeakerResolver.fullest([fold], names: names, byLast: byLastWord), names[i].isPerson else { return nil }
        return i
    }
}
