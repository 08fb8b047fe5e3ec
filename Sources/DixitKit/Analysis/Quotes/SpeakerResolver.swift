/// One occurrence of a capitalised name in the article (titles stripped).
struct NameOccurrence: Sendable {
    var tokens: ClosedRange<Int>
    /// How many words the name has (its folded words are its tokens').
    var wordCount: Int { tokens.count }
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
    /// Named (not described): `Climat Lab`, `Jens Stoltenberg`.
    var isName = false
    /// Known as a body: an ORG entity, an acronym, or a name holding `Ministry`, `Institut`….
    var isOrganisation = false
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
    /// One entry per distinct name, for finding fullest forms without walking every occurrence.
    let nameIndex: NameIndex
    /// People named or described so far, in text order (grows as quotes are attributed).
    var antecedents = AntecedentList()
    /// Descriptions used for speakers so far (`le gouvernement taïwanais`), so that a shorter later
    /// one (`le gouvernement`) gets the fuller wording.
    var describedSpeakers: [(offset: Int, words: Set<String>, display: String)] = []
    /// Role words around each name (by index in `names`), computed on first use: an array, as a
    /// description looks up every name near it.
    var roleCache: [Set<String>?] = []
    /// `mentionCount` of each name, -1 until computed.
    var countCache: [Int] = []

    init(doc: QuoteDocument, lexicon: QuoteLexicon, entities: [Entity]) {
        self.doc = doc
        self.lexicon = lexicon
        self.phrases = SpeakerPhraseFinder(doc: doc, lexicon: lexicon)
        self.entities = entities.filter { $0.type == .person || $0.type == .organisation }.sorted { $0.span < $1.span }
        var names: [NameOccurrence] = []
        var k = 0
        let toks = doc.tokens
        let personEntities = entities.filter { $0.type == .person }.sorted { $0.span < $1.span }
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
            if b >= 0, toks[b].folds(".") || toks[b].folds(",") { b -= 1 }
            var seen = 0
            while b >= 0, seen < 3, toks[b].paragraph == toks[k].paragraph, toks[b].isWord {
                if let g = toks[b].title {
                    titled = true
                    if g != .unknown { titleGender = g }
                    break
                }
                if toks[b].isIn(.speakerPhraseFinderComplementWords) || toks[b].isCapitalised { break }
                b -= 1
                seen += 1
            }
            for j in run where toks[j].title != nil {
                titled = true
                if let g = toks[j].title, g != .unknown { titleGender = g }
            }
            guard let r = phrases.strippingTitles(run) else { continue }
            let fnGender = toks[r.lowerBound].firstName
            var gender = titleGender
            if let fnGender, fnGender != .unknown, r.count >= 2 { gender = fnGender }
            let span = Span(toks[r.lowerBound].span.start, toks[r.upperBound].span.end)
            let isEntityPerson = SpeakerResolver.overlappingIndex(span, in: personEntities) != nil
            let complement = phrases.isComplement(run, lower: doc.paragraphTokens[toks[k].paragraph].lowerBound)
            let isPerson = isEntityPerson || (fnGender != nil && r.count >= 2) || (titled && r.count <= 3 && !complement)
            var occ = NameOccurrence(tokens: r, span: span, gender: gender, isPerson: isPerson)
            let paraStart = doc.paragraphTokens[toks[k].paragraph].lowerBound
            occ.isComplement = phrases.isComplement(run, lower: paraStart)
                || (run.upperBound + 1 < toks.count && toks[run.upperBound + 1].kind == .possessive)
            occ.run = run
            occ.isSubject = SpeakerResolver.isFollowedByVerb(run.upperBound + 1, doc: doc, lexicon: lexicon)
                || SpeakerResolver.opensSentenceBeforeVerb(run, doc: doc)
            names.append(occ)
        }
        // A surname shares the person-ness and gender of its fullest form.
        let wordings = NameWordings(names, doc: doc)
        var index = NameIndex(names, wordings: wordings)
        // The fullest form of each wording, asked once per wording.
        var fullestOf = [Int?](repeating: nil, count: wordings.count)
        var asked = [Bool](repeating: false, count: wordings.count)
        var personsChanged = false
        for i in names.indices {
            let w = wordings.wordingOf[i]
            if !asked[w] { fullestOf[w] = index.fullest(wording: w, names: names); asked[w] = true }
            guard let full = fullestOf[w] else { continue }
            if names[full].isPerson, !names[i].isPerson {
                names[i].isPerson = true
                personsChanged = true
            }
            if names[i].gender == .unknown { names[i].gender = names[full].gender }
        }
        // The index reads only who is a person: unchanged, it need not be built again.
        if personsChanged { index = NameIndex(names, wordings: wordings) }
        self.names = names
        self.nameIndex = index
        roleCache = [Set<String>?](repeating: nil, count: names.count)
        countCache = [Int](repeating: -1, count: names.count)
        asked = [Bool](repeating: false, count: wordings.count)
        for (i, n) in names.enumerated() where n.isPerson {
            let w = wordings.wordingOf[i]
            if !asked[w] { fullestOf[w] = index.fullest(wording: w, names: names); asked[w] = true }
            let full = fullestOf[w] ?? i
            antecedents.append(Antecedent(offset: toks[n.tokens.lowerBound].span.start, paragraph: toks[n.tokens.lowerBound].paragraph,
                                          speaker: nil, name: full, gender: n.gender, isPerson: true, isWeak: n.isComplement,
                                          isSubject: n.isSubject))
        }
    }

    /// Index of the fullest name that ends with the same word and holds all of `folds` (see `NameIndex.fullest`).
    static func fullest(_ folds: [String], names: [NameOccurrence], index: NameIndex) -> Int? {
        index.fullest(folds, names: names)
    }

    /// `fullest` for the words of `names[i]`.
    func fullest(ofName i: Int) -> Int? {
        nameIndex.fullest(wording: nameIndex.wordings.wordingOf[i], names: names)
    }

    /// `fullest` with the resolver's own names.
    func fullest(_ folds: [String]) -> Int? {
        SpeakerResolver.fullest(folds, names: names, index: nameIndex)
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
            let folds = p.tokens.map { doc.fold($0) }
            let display: String
            var gender: SpeakerGender = .unknown
            var isPerson = toks[p.tokens.lowerBound].firstName != nil || p.gender != .unknown
            if let i = fullest(folds) {
                display = self.display(i)
                gender = names[i].gender
                isPerson = isPerson || names[i].isPerson
            } else {
                display = QuoteText.string(doc.text, p.mention)
            }
            var isOrganisation = folds.contains { SpeakerResolver.organisationNouns.contains($0) }
                || (display.unicodeScalars.count >= 2 && display.unicodeScalars.allSatisfy { $0.isUppercaseLetter || $0.isDigit })
            var speaker = display
            if let e = SpeakerResolver.overlapping(p.mention, in: entities) {
                if SpeakerResolver.wordCount(e.canonical) > SpeakerResolver.wordCount(display) { speaker = e.canonical }
                isPerson = e.type == .person
                isOrganisation = e.type == .organisation
            }
            if gender == .unknown { gender = p.gender }
            // A speaker with no sign of being a person (`Climat Lab`, `le Kremlin`) is an organisation: `ils`, `le think tank`.
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: speaker, gender: gender, isPerson: isPerson || gender != .unknown, isSubject: true,
                              isName: true, isOrganisation: isOrganisation && !isPerson))
            return (speaker, gender)
        case .description:
            if let issuer = issuer(ofDocument: p) {
                return issuer
            }
            if let org = organisation(describedBy: p) {
                return org
            }
            if let named = person(describedBy: p) {
                insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                                  speaker: named.display, gender: named.gender, isPerson: true, isSubject: true))
                return (named.display, named.gender)
            }
            var display = QuoteText.string(doc.text, p.mention)
            var words = Set<String>(minimumCapacity: p.tokens.count)
            for k in p.tokens where !toks[k].isIn(.speakerResolverRoleStopWords) { words.insert(doc.fold(k)) }
            // The last few descriptions only: a fuller wording is used nearby, and one long line must stay linear.
            if let longer = describedSpeakers.suffix(SpeakerResolver.recentDescriptions).last(where: {
                $0.offset < p.mention.start && $0.words.count > words.count && $0.words.isSuperset(of: words) }) {
                display = longer.display
            }
            describedSpeakers.append((p.mention.start, words, display))
            // A description stands for a person when it names a role (`un responsable`, `a spokeswoman`);
            // in French a feminine or masculine noun may also be `elle` / `il` (`la présidence turque`).
            let hasRole = p.tokens.contains { toks[$0].title != nil }
            let bodyHead = p.tokens.dropFirst().first.map { SpeakerResolver.organisationNouns.contains(doc.fold($0)) } ?? false
            insert(Antecedent(offset: p.mention.start, paragraph: toks[p.tokens.lowerBound].paragraph,
                              speaker: display, gender: p.gender,
                              isPerson: p.gender != .plural && (hasRole || (!doc.english && p.gender != .unknown)) && !bodyHead,
                              isSubject: true, isOrganisation: bodyHead))
            return (display, p.gender)
        }
    }

    /// Index of the first name occurrence starting at or after token `k`.
    func firstName(atOrAfterToken k: Int) -> Int {
        var lo = 0, hi = names.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if names[mid].tokens.lowerBound < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// How many antecedents, names or descriptions around a mention the resolver looks at: enough for
    /// any article, and a bound that keeps one huge paragraph linear.
    static let searchWindow = 400

    /// How many earlier descriptions a new one is compared with.
    static let recentDescriptions = 64

    /// The number of words of `s` separated by spaces (`split(separator: " ").count` without the array).
    static func wordCount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Keeps `antecedents` in text order; a later entry at the same place replaces the name found there.
    mutating func insert(_ a: Antecedent) {
        antecedents.insert(a)
    }

    /// An entity (of a list sorted by span) overlapping `span`, found by binary search.
    static func overlapping(_ span: Span, in sorted: [Entity]) -> Entity? {
        overlappingIndex(span, in: sorted).map { sorted[$0] }
    }

    /// The index of `overlapping`'s entity (no copy of it).
    static func overlappingIndex(_ span: Span, in sorted: [Entity]) -> Int? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].span.end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        // Entities do not nest much: look at the few starting before the span's end.
        var i = lo
        while i < sorted.count, sorted[i].span.start < span.end, i - lo < 4 {
            if sorted[i].span.overlaps(span) { return i }
            i += 1
        }
        return nil
    }

    /// How many times the article names the person whose fullest name is `names[i]`'s.
    mutating func mentionCount(_ i: Int) -> Int {
        if countCache[i] >= 0 { return countCache[i] }
        let full = fullest(ofName: i) ?? i
        // How many occurrences end with the fullest name's last word.
        let wordings = nameIndex.wordings
        let ids = wordings.words[wordings.wordingOf[full]]
        let c = wordings.lastWordCounts[ids[ids.count - 1]]
        countCache[i] = c
        return c
    }

    /// The fullest person name holding this single word, if the article names such a person.
    func fullestPerson(_ fold: String) -> Int? {
        guard let i = fullest([fold]), names[i].isPerson else { return nil }
        return i
    }
}
