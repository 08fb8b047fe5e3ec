/// Descriptions that stand for a named speaker: offices and roles (`le chef de l'État` → the
/// president the article names), bodies described by their kind (`le think tank`), and documents
/// that speak for whoever issued them (`the statement said`).
extension SpeakerResolver {
    /// Offices whose holder a definite description (`le chef de l'État`) stands for.
    static let officeTitles: Set<String> = [
        "president", "ministre", "minister", "premier", "chancelier", "chancellor", "secretary", "ambassadeur",
        "ambassador", "chef", "dirigeant", "dirigeante", "leader", "locataire", "gouverneur", "governor", "maire",
        "mayor", "senateur", "senator", "directeur", "directrice", "pdg", "ceo", "roi", "reine", "pape", "king",
        "queen", "patron", "patronne", "chairman", "chairwoman", "commissaire", "commissioner", "prince",
        "numero", "hote", "occupant",
    ]
    static let roleSynonyms = FoldedTable<String>([
        "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "col": "colonel",
        "lt": "lieutenant", "pm": "premier", "prime": "premier", "secretaire": "secretary", "ministre": "minister",
        "president": "president", "presidente": "president", "ambassadrice": "ambassadeur", "cheffe": "chef",
    ])

    /// Content words of a role phrase, normalised (`chef de l'État` and `locataire de l'Élysée` → president).
    static func normalisedRoles(_ words: [String]) -> Set<String> {
        // Stop words left out as the set is built (none of them is a word tested below).
        var set = Set<String>(minimumCapacity: words.count)
        for w in words {
            let r = roleSynonyms[w] ?? w
            if !SpeakerResolver.roleStopWords.contains(r) { set.insert(r) }
        }
        if set.contains("elysee") && (set.contains("locataire") || set.contains("hote")) { set.insert("president") }
        if set.contains("chef") && set.contains("etat") { set.insert("president") }
        if set.contains("white") && set.contains("house") && set.contains("occupant") { set.insert("president") }
        return set
    }
    static let roleStopWords = FoldedSet(.speakerResolverRoleStopWords, [
        "le", "la", "les", "l'", "de", "du", "des", "d'", "the", "of", "a", "an", "un", "une", "et", "and", "en",
        "au", "aux", "for", "in", "son", "sa", "ses", "his", "her", "their", "leur", ",", ".", "-", "who", "qui",
    ])

    /// Words of the apposition or title phrase next to a name, in the same sentence.
    static func roleWords(around run: ClosedRange<Int>, doc: QuoteDocument, lexicon: QuoteLexicon) -> Set<String> {
        let toks = doc.tokens
        let sentence = doc.sentences[toks[run.lowerBound].sentence]
        var words: [String] = run.map { doc.fold($0) }
        // Before: `le Premier ministre polonais, X` or `le chef de l'État X`.
        var k = run.lowerBound - 1
        if k >= sentence.lowerBound, toks[k].folds(",") { k -= 1 }
        var n = 0
        while k >= sentence.lowerBound, n < 14, toks[k].isWord || toks[k].folds("-") || toks[k].folds(".") {
            if toks[k].verb != nil || doc.isAuxiliary(k) { break }
            words.append(doc.fold(k))
            k -= 1
            n += 1
        }
        // After: `X, ancien président et proche de Poutine,`.
        k = run.upperBound + 1
        if k < sentence.upperBound, toks[k].folds(",") {
            k += 1
            n = 0
            while k < sentence.upperBound, n < 8, toks[k].isWord || toks[k].folds("-") {
                if toks[k].verb != nil || doc.isAuxiliary(k) { break }
                words.append(doc.fold(k))
                k += 1
                n += 1
            }
        }
        return normalisedRoles(words)
    }

    /// The named person a definite description stands for (`le porte-parole du Kremlin` →
    /// `Oleg Sorokin`, when the article calls him so): same role word, nearest mention.
    /// Role words too general to tell one person from another alone (`le responsable`).
    static let genericRoles: Set<String> = ["chef", "dirigeant", "dirigeante", "leader", "head", "responsable", "official", "ancien", "former"]
    /// Offices a person holds (`président`, `ministre`…): someone given another is not `le président`.
    static let offices: Set<String> = officeTitles.union(["minister", "secretary"])

    mutating func person(describedBy p: SpeakerPhrase) -> (display: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        guard toks[p.tokens.lowerBound].foldsAny(["le", "la", "l'", "the", "ce", "cette", "this"]) else { return nil }
        let words = p.tokens.map { doc.fold($0) }
        // The head noun comes before any complement: `le chef de l'État` → chef; `l'entourage du chef` → entourage.
        let beforeComplement = words.dropFirst().prefix { !SpeakerPhraseFinder.complementWords.contains($0) }
        guard let head = beforeComplement.first(where: { lexicon.titles[$0] != nil || SpeakerResolver.officeTitles.contains($0) })
            .map({ SpeakerResolver.roleSynonyms[$0] ?? $0 }) else { return nil }
        let roles = SpeakerResolver.normalisedRoles(words)
        let generic = SpeakerResolver.genericRoles
        var best: (index: Int, distance: Int)?
        var bestOverlap = 0
        var bestCount = 0
        let here = firstName(atOrAfterToken: p.tokens.lowerBound)
        let window = max(0, here - SpeakerResolver.searchWindow)..<min(names.count, here + SpeakerResolver.searchWindow)
        let otherRoles = roles.subtracting([head])
        let rolesHoldPresident = roles.contains("president")
        for i in window where names[i].isPerson {
            let n = names[i]
            guard n.tokens.lowerBound != p.tokens.lowerBound, p.gender.agrees(with: n.gender) else { continue }
            let nRoles: Set<String>
            if let cached = roleCache[i] { nRoles = cached } else {
                nRoles = SpeakerResolver.roleWords(around: n.run, doc: doc, lexicon: lexicon)
                roleCache[i] = nRoles
            }
            // (Cheapest tests first: most names around hold none of the role words.)
            let matches = nRoles.contains(head) && (!generic.contains(head) || !otherRoles.isDisjoint(with: nRoles))
                || rolesHoldPresident && nRoles.contains("president")
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
            for i in (max(0, here - SpeakerResolver.searchWindow)..<here).reversed() where names[i].isPerson {
                let n = names[i]
                guard n.tokens.upperBound < p.tokens.lowerBound, p.gender.agrees(with: n.gender) else { continue }
                if toks[p.tokens.lowerBound].paragraph - toks[n.tokens.lowerBound].paragraph > 6 { break }
                // Someone the article gives another office (`le ministre X`) is not `le président`.
                let nRoles: Set<String>
                if let cached = roleCache[i] { nRoles = cached } else {
                    nRoles = SpeakerResolver.roleWords(around: n.run, doc: doc, lexicon: lexicon)
                    roleCache[i] = nRoles
                }
                let offices = nRoles.intersection(SpeakerResolver.offices)
                if !offices.isEmpty, !offices.contains(head) { continue }
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
        let full = fullest(ofName: b.index).map { names[$0] } ?? n
        return (QuoteText.string(doc.text, full.span), full.gender == .unknown ? n.gender : full.gender)
    }

    static let organisationNouns: Set<String> = [
        "institut", "institute", "groupe", "group", "societe", "entreprise", "company", "firm", "agence", "agency",
        "journal", "quotidien", "hebdomadaire", "bihebdomadaire", "mensuel", "newspaper", "daily", "weekly", "magazine",
        "chaine", "media", "ministere", "ministry", "parti", "party", "organisation", "organization", "ong",
        "association", "syndicat", "union", "banque", "bank", "fonds", "fund", "tank", "think", "cabinet", "collectif",
        "federation", "commission", "conseil", "council", "armee", "army", "tribunal", "court", "cour", "universite",
        "university", "laboratoire", "club", "equipe", "team", "constructeur", "groupement", "operateur", "site",
        "reseau", "network", "broadcaster", "outlet", "think-tank", "firme", "geant", "giant", "organisme", "autorite",
    ]

    /// `prévient Climat Lab. Le think tank estime …`: a body described by its kind is the latest body that spoke.
    mutating func organisation(describedBy p: SpeakerPhrase) -> (speaker: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        guard toks[p.tokens.lowerBound].foldsAny(["le", "la", "l'", "the", "ce", "cette", "this"]) else { return nil }
        // Only the bare kind (`le think tank`, `the company`): `l'armée américaine` names a body of its own.
        let words = p.tokens.dropFirst()
        guard !words.isEmpty, words.count <= 2, words.allSatisfy({ SpeakerResolver.organisationNouns.contains(doc.fold($0)) })
        else { return nil }
        var named: (speaker: String, gender: SpeakerGender)?
        antecedents.forEachBefore(p.mention.start, limit: SpeakerResolver.searchWindow) { a in
            guard a.isOrganisation, let s = a.speaker else { return true }
            named = (s, a.gender)
            return false
        }
        if let named { return named }
        // Else the nearest organisation the recognizer found before, in the last few paragraphs.
        let paragraph = toks[p.tokens.lowerBound].paragraph
        let start = max(doc.paragraphs[max(0, paragraph - 3)].span.start, p.mention.start - SpeakerResolver.searchWindow * 20)
        var lo = 0, hi = entities.count
        while lo < hi { let mid = (lo + hi) / 2; if entities[mid].span.start < p.mention.start { lo = mid + 1 } else { hi = mid } }
        if let e = entities[..<lo].reversed().prefix(while: { $0.span.start >= start })
            .first(where: { $0.type == .organisation && $0.span.end <= p.mention.start }) {
            return (e.canonical, .unknown)
        }
        return nil
    }

    static let documentNouns: Set<String> = [
        "statement", "letter", "report", "release", "communique", "declaration", "lettre", "rapport", "texte",
        "document", "note", "tweet", "message", "post", "editorial", "editorial", "memo",
    ]

    /// `the statement said` after `the US military said in a statement`: a document speaks for whoever issued it
    /// (its possessor, `the Conservatives’ letter`, or the subject of the sentence that introduced it).
    mutating func issuer(ofDocument p: SpeakerPhrase) -> (speaker: String, gender: SpeakerGender)? {
        let toks = doc.tokens
        guard let headIndex = p.tokens.dropFirst().first(where: { SpeakerResolver.documentNouns.contains(doc.fold($0)) }) else { return nil }
        // `the Conservatives’ letter (to …)`: the possessor issued it.
        if headIndex - 2 >= p.tokens.lowerBound, toks[headIndex - 1].kind == .possessive || toks[headIndex - 1].folds("'"),
           let run = phrases.nameRun(endingAt: headIndex - 2, lower: p.tokens.lowerBound) {
            return resolve(SpeakerPhrase(kind: .name, tokens: run, mention: phrases.span(run), gender: .unknown))
        }
        // `a statement from the ministry`, `le communiqué du Kremlin`: the body named after the document.
        if headIndex + 1 < p.tokens.upperBound, toks[headIndex + 1].foldsAny(["from", "by", "of", "de", "du", "des", "d'"]) {
            var j = headIndex + 2
            if j <= p.tokens.upperBound, toks[j].foldsAny(["the", "la", "le", "l'", "les"]) { j += 1 }
            if j <= p.tokens.upperBound, let run = phrases.nameRun(startingAt: j, upper: p.tokens.upperBound) {
                return resolve(SpeakerPhrase(kind: .name, tokens: run, mention: phrases.span(run), gender: .unknown))
            }
        }
        guard toks[p.tokens.lowerBound].foldsAny(["the", "le", "la", "l'", "ce", "cette", "this"]), headIndex - p.tokens.lowerBound <= 2
        else { return nil }
        let head = doc.fold(headIndex)
        var k = p.tokens.lowerBound - 1
        let limit = toks[p.tokens.lowerBound].paragraph - 3
        while k >= 0, toks[k].paragraph >= limit, p.tokens.lowerBound - k <= SpeakerResolver.searchWindow * 5 {
            defer { k -= 1 }
            guard doc.fold(k) == head else { continue }
            // Possessor: `the Conservatives’ letter`, `Smith's statement`.
            if k >= 2, toks[k - 1].kind == .possessive || toks[k - 1].folds("'"),
               let run = phrases.nameRun(endingAt: k - 2, lower: max(0, k - 8)) {
                let r = run
                let np = SpeakerPhrase(kind: .name, tokens: r, mention: phrases.span(r), gender: .unknown)
                return resolve(np)
            }
            // `X said in a statement`, `X a indiqué dans un communiqué`: the subject of that verb.
            let sentence = doc.sentences[toks[k].sentence]
            var v = k - 1
            while v >= sentence.lowerBound, k - v <= 6, toks[v].verb == nil { v -= 1 }
            if v >= sentence.lowerBound, k - v <= 6 {
                var a = v - 1
                while a >= sentence.lowerBound, doc.isAuxiliary(a) { a -= 1 }
                if a >= sentence.lowerBound, let np = phrases.before(a, lower: sentence.lowerBound, region: -1),
                   np.kind == .name || np.kind == .description {
                    return resolve(np)
                }
            }
            var s0 = sentence.lowerBound
            while s0 < k, toks[s0].kind == .punctuation { s0 += 1 }
            if let run = phrases.nameRun(startingAt: s0, upper: k - 1), let name = phrases.strippingTitles(run),
               SpeakerResolver.isFollowedByVerb(run.upperBound + 1, doc: doc, lexicon: lexicon) {
                return resolve(SpeakerPhrase(kind: .name, tokens: name, mention: phrases.span(name), gender: .unknown))
            }
            var c = s0
            while c < k, c - s0 < 8, toks[c].isWord, !doc.isFiniteAuxiliary(c), toks[c].verb == nil { c += 1 }
            if c < k, c > s0, doc.isFiniteAuxiliary(c) || toks[c].verb != nil,
               toks[s0].isIn(.quoteWordsDeterminers) {
                let r = s0...(c - 1)
                return (QuoteText.string(doc.text, phrases.span(r)), .unknown)
            }
            return nil
        }
        return nil
    }
}
