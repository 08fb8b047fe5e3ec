/// Finds the names of one paragraph: runs of capitalised words joined by the
/// connectors names use (`Corée du Sud`, `Bank of Canada`, `Mohammed ben
/// Salmane`), known lexicon names, French organisation names that go on in
/// lowercase (`Organisation mondiale de la santé`); then cuts titles and
/// nationality words off their edges and types each run from its evidence.
struct CandidateFinder {
    let lexicon: EntityLexicon
    let view: TokenView
    let paragraph: Int
    let french: Bool

    static let dottedEnds: Set<String> = ["inc", "corp", "ltd", "co", "jr", "sr", "bros"]

    /// Name particles that join a person's names (`ben`, `van`, `Le`).
    static let particles: Set<String> = [
        "ben", "bin", "ibn", "bint", "van", "von", "der", "den", "da", "di", "dos", "das", "del", "della",
        "y", "al", "el", "abu", "ter", "zu", "st", "st.",
    ]
    /// Words that never start a lowercase hop of a French organisation name.
    static let functionWords: Set<String> = [
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "a", "au", "aux", "en",
        "dans", "par", "pour", "sur", "avec", "sans", "qui", "que", "qu'", "dont", "ce", "cette", "ces",
        "son", "sa", "ses", "leur", "leurs", "notre", "votre", "il", "elle", "ils", "elles", "on", "se",
        "ne", "pas", "plus", "moins", "tres", "tout", "tous", "toute", "toutes", "deux", "trois",
        "of", "the", "and", "for", "to", "in", "at", "by", "with",
    ]
    static let frenchAdjectiveEndings: [String] = [
        "al", "ale", "ales", "aux", "ique", "iques", "ien", "ienne", "iens", "iennes", "een", "eenne",
        "eens", "eennes", "ain", "aine", "ains", "aines", "ais", "aise", "aises", "el", "elle", "els",
        "elles", "if", "ive", "ifs", "ives", "aire", "aires", "ies", "iste", "istes", "ois", "oise",
        "oises", "eur", "eure", "ieure", "ieures", "ieurs", "ien", "ere", "eres",
    ]
    static let notAdjectives: Set<String> = [
        "mais", "jamais", "elle", "elles", "aussi", "ainsi", "quel", "quelle", "quels", "quelles", "tel",
        "telle", "tels", "telles", "certain", "certaine", "certains", "certaines", "prochain", "prochaine",
        "demain", "apres", "hier", "leur", "leurs", "plusieurs", "ailleurs", "lors", "alors", "pendant",
        "contre", "entre", "chez", "vers", "selon", "avant", "depuis", "sous", "parmi", "afin",
    ]
    /// Organisation heads that take a place's name (`Banque de France`, `University of Oxford`).
    static let institutions: Set<String> = [
        "banque", "universite", "gouvernement", "ministere", "ambassade", "republique", "parlement", "assemblee",
        "conseil", "cour", "prefecture", "mairie", "bank", "university", "government", "ministry", "embassy",
        "republic", "council", "court", "city", "state", "port",
    ]
    /// Compass words that, with a nationality, still make no entity (`South Korean`).
    static let compass: Set<String> = ["north", "south", "east", "west", "central", "nord", "sud", "est", "ouest"]

    func find() -> [EntityCandidate] {
        var out: [EntityCandidate] = []
        var i = 0
        while i < view.count {
            guard let (found, next, titled) = run(at: i) else { i += 1; continue }
            i = max(next, i + 1)
            guard !found.isEmpty else { continue }
            var range = found
            var (type, strength) = EntityTyping(lexicon: lexicon, view: view, french: french)
                .type(of: range, titled: titled)
            if geographicName(at: range.lowerBound) == range { (type, strength) = (.location, .strong) }
            var span = Span(view.span(range.lowerBound).start, view.span(range.upperBound - 1).end)
            if range.count == 1, hyphenatedPrefix(range.lowerBound) != nil {
                let r = view.span(range.lowerBound).range
                let h = r.firstIndex { Tokenizer.isHyphen(view.scalars[$0]) }!
                span = Span(r.lowerBound, h)
                let head = NameFolding.fold(view.scalars, r.lowerBound..<h)
                (type, strength) = (lexicon.names[head] == .place ? .location : .organisation, .strong)
                out.append(EntityCandidate(paragraph: paragraph, tokens: range, span: span, type: type, strength: strength))
                continue
            }
            // An abbreviation ending the name keeps its dot (`Acme Inc.`, `Martin Luther King Jr.`).
            if Self.dottedEnds.contains(view.fold(range.upperBound - 1)), view.isPunct(range.upperBound, "."),
               view.adjacent(range.upperBound - 1, range.upperBound) {
                range = range.lowerBound..<(range.upperBound + 1)
                i = max(i, range.upperBound)
            }
            out.append(EntityCandidate(paragraph: paragraph, tokens: range,
                                       span: Span(view.span(range.lowerBound).start, view.span(range.upperBound - 1).end),
                                       type: type, strength: strength))
        }
        AcronymPairing(view: view, lexicon: lexicon).pair(&out, paragraph: paragraph)
        return out
    }

    // MARK: - Runs

    /// The run starting at `i`: its token range after trimming, the index to go
    /// on from, and whether a title was cut off its front. Nil when no name starts here.
    func run(at i: Int) -> (Range<Int>, Int, Bool)? {
        if french, let geo = geographicName(at: i) { return (geo, geo.upperBound, false) }
        let lowercaseHead = french && view.isLowercaseWord(i) && view.first(i) == "m" && view.span(i).length == 9
            && view.fold(i) == "ministere"
        guard view.isCapitalised(i) || lowercaseHead else { return nil }
        let f = view.fold(i)
        if lexicon.nonEntities.contains(f) { return nil }
        // One capital letter (`I`, `M.`) is no name, unless an initial (`D. Trump`);
        // handles and hashtags (`@UN_HRC`) are not read.
        if view.span(i).length == 1, view.dottedAbbreviation(at: i) == nil {
            guard view.isInitial(i), !view.sentenceInitial[i] || view.fold(i) != "m",
                  titleLength(at: i, before: view.count) == nil else { return nil }
            let end = groupEnd(from: i + 2)
            return (i..<end, end, false)
        }
        if isHandle(i) { return nil }
        if let prefix = hyphenatedPrefix(i) { return (i..<(i + 1), i + 1, prefix) }
        var known = knownName(at: i)
        let initial = view.sentenceInitial[i] || view.weakCapitals
        if initial, let k = known, k.count == 1, lexicon.names[f] == .organisation, lexicon.isCommonWord(f) {
            known = nil
        }
        if initial, known == nil, !lexicon.firstNames.contains(f), lexicon.firstNames.contains(view.fold(i + 1)),
           view.isCapitalised(i + 1), view.isCapitalised(i + 2), !lexicon.orgHeads.contains(f) {
            // `Defenseman Jonas Brodin`: an unknown word opening the sentence before a person's name.
            return nil
        }
        // `North Africa`, `South Korea` at a sentence start: a compass word before a known place.
        let compassBeforePlace = Self.compass.contains(f) && lexicon.names[view.fold(i + 1)] == .place && view.isCapitalised(i + 1)
        if initial, known == nil, lexicon.isCommonWord(f), !compassBeforePlace, !lexicon.properNouns.contains(f),
           !(lexicon.firstNames.contains(f) && isPlausibleName(i + 1)),
           !(f.count >= 4 && !Self.functionWords.contains(f) && view.isCapitalised(i + 1)
             && (lexicon.orgHeads.contains(view.fold(i + 1)) || lexicon.orgTails.contains(view.fold(i + 1)))),
           !(lexicon.orgHeads.contains(f) && view.weakCapitals == false && continuesOrganisation(after: i)) {
            return nil
        }
        if view.weakCapitals, known == nil {
            // In a title-case heading only known names and acronyms count; the
            // rest is found again by the article-wide pass if the body names it.
            if view.isAllCaps(i) && view.tokens.count > 1 && !allCapsLine() { return (i..<(i + 1), i + 1, false) }
            return nil
        }

        var end = groupEnd(from: i)
        if lowercaseHead { end = i + 1 }
        let orgHeaded = lexicon.orgHeads.contains(f)
        var hops = 0
        while end < view.count {
            if let (after, connector) = connector(at: end), view.isCapitalised(after) || view.dottedAbbreviation(at: after) != nil {
                let nextEnd = groupEnd(from: after)
                if shouldMerge(connector, left: i..<end, right: after..<nextEnd, orgHeaded: orgHeaded || lowercaseHead) {
                    end = nextEnd
                    continue
                }
            }
            if french && (orgHeaded || lowercaseHead) {
                let pastConnector = (i + 1..<end).contains { !view.isWord($0) || view.fold($0) == "de" || view.fold($0) == "des" || view.fold($0) == "du" }
                if isFrenchAdjective(end), !(pastConnector && lexicon.demonyms.contains(view.fold(end))) { end += 1; continue }
                // Lowercase words after `de` (`Chambre des représentants`) only while no
                // capitalised part has been taken in, and never a verb (`de renouveler`).
                let capitalisedInside = (i + 1..<end).contains { view.isCapitalised($0) }
                if !lowercaseHead, !capitalisedInside, hops < 2, let (after, connector) = connector(at: end),
                   connector == "de", isLowercaseNoun(after), !looksLikeInfinitive(after) {
                    hops += 1
                    end = after + 1
                    continue
                }
            }
            break
        }
        if lowercaseHead {
            // `ministère …` is a name only with a capitalised part (`des Affaires étrangères`).
            guard (i + 1..<end).contains(where: { view.isCapitalised($0) }) else { return nil }
        }
        if let known, known.upperBound >= end { return (known, known.upperBound, false) }
        // A known name followed by more capitalised words that do not make an
        // organisation of it (`Kremlin Dmitri Peskov`, `Ukraine Kurt Volker`) stands alone.
        if let known, !(orgHeaded && french), startsAnotherName(known.upperBound) {
            return (known, known.upperBound, false)
        }

        var start = i
        var titled = false
        // A French article before a name that is not part of it (`Les États-Unis`, `Le Kremlin`).
        if end - start >= 2, ["le", "la", "les", "the"].contains(view.fold(start)), lexicon.names[view.key(start..<end)] == nil {
            start += 1
            if let k = knownName(at: start), k.upperBound >= end { return (k, k.upperBound, false) }
        }
        // Titles and nationality words before the name: `President`, `Russian President`.
        while start < end {
            if let t = titleLength(at: start, before: end), start + t < end {
                start += t
                titled = true
                // The title's complement (`de la République`, `of State`) goes with it.
                if let (after, c) = connector(at: start), c == "de" || c == "of", view.isCapitalised(after) {
                    let complementEnd = groupEnd(from: after)
                    if complementEnd < end { start = complementEnd } else { return (start..<start, end, false) }
                }
                continue
            }
            let sf = view.fold(start)
            if lexicon.demonyms.contains(sf) || Self.compass.contains(sf), start + 1 < end,
               lexicon.known(view.key(start..<end), allCaps: false) == nil,
               !(start..<end).contains(where: { lexicon.orgHeads.contains(view.fold($0)) || lexicon.orgTails.contains(view.fold($0)) })
                || lexicon.demonyms.contains(view.fold(start + 1)) && lexicon.demonyms.contains(sf) {
                // `Afghan Taliban`, `Russian President …`: the nationality is not part of the name.
                start += 1
                continue
            }
            break
        }
        if (start..<end).allSatisfy({ lexicon.demonyms.contains(view.fold($0)) || Self.compass.contains(view.fold($0)) }) {
            return (start..<start, end, false)
        }
        if titleLength(at: start, before: end) == end - start { return (start..<start, end, false) }
        // Common words before a person's name (`l'Immigration et de l'Asile Notis Mitarachi`).
        while end - start >= 3, lexicon.isCommonWord(view.fold(start)), !lexicon.firstNames.contains(view.fold(start)),
              !lexicon.orgHeads.contains(view.fold(start)), lexicon.known(view.key(start..<end), allCaps: false) == nil,
              (start + 1..<end).allSatisfy({ !lexicon.isCommonWord(view.fold($0)) && view.isCapitalised($0) }) {
            start += 1
        }
        return (start..<end, end, titled)
    }

    /// Whether a whole paragraph is written in capitals (then capitals say nothing either).
    func allCapsLine() -> Bool {
        var words = 0, caps = 0
        for k in 0..<view.count where view.isWord(k) && view.span(k).length > 1 {
            words += 1
            if view.isAllCaps(k) { caps += 1 }
        }
        return words > 0 && caps * 2 > words
    }

    /// End of the group of adjacent capitalised words (and dotted abbreviations) from `i`.
    func groupEnd(from i: Int) -> Int {
        var k = i
        var leadingTitles = true
        while k < view.count {
            if let d = view.dottedAbbreviation(at: k) { k = d; leadingTitles = false; continue }
            if k > i, view.isInitial(k) { k += 2; continue }
            guard view.isCapitalised(k), !lexicon.nonEntities.contains(view.fold(k)) || k == i
                    || (view.fold(k) == "tv" && k > i), !isHandle(k) else { break }
            if view.span(k).length == 1, k > i { break }
            // `Jack Antonoff Have Reached Their Limit`: a capitalised function word ends a name.
            if k > i, Self.capitalisedStops.contains(view.fold(k)) { break }
            if let t = titleLength(at: k, before: view.count), view.isCapitalised(k + t) {
                // Titles open a group (`President Joe Biden`); one after a name ends it
                // (`Microsoft President Brad Smith`).
                if !leadingTitles { break }
                k += t
                continue
            }
            if k > i, !leadingTitles, lexicon.firstNames.contains(view.fold(k)), view.isCapitalised(k + 1) {
                // `Washington Post Jamal Khashoggi`: a known name or a common word, then a person.
                let left = view.key(i..<k)
                if lexicon.names[left] != nil || lexicon.isCommonWord(view.fold(k - 1)) && !lexicon.firstNames.contains(view.fold(k - 1)) {
                    break
                }
            }
            leadingTitles = false
            k += 1
        }
        return max(k, i + 1)
    }

    static let capitalisedStops: Set<String> = [
        "have", "has", "had", "their", "his", "her", "is", "are", "was", "were", "will", "be", "it", "its",
        "this", "that", "these", "what", "who", "how", "why", "when", "after", "before", "over", "from",
        "into", "as", "but", "not", "with", "to", "in", "on", "at", "a", "an", "by", "says", "said",
        "sont", "et", "ou", "mais", "pour", "avec", "sur", "dans",
        // Verbs of English title-case headlines (`Billie Eilish Would Like …`, `Kelce Calls …`).
        "would", "could", "should", "can", "must", "might", "does", "did", "calls", "slams", "reveals", "shares",
        "wins", "gets", "makes", "takes", "announces", "confirms", "denies", "admits", "sues", "joins", "leaves",
        "dies", "reacts", "responds", "explains", "claims", "warns", "urges", "plans", "wants", "like", "loves",
        "thinks", "talks", "speaks", "tells", "asks", "opens", "breaks", "hits", "scores", "beats", "faces", "gives",
    ]

    /// Whether another name starts at `k` (a first name, a known name, a title).
    func startsAnotherName(_ k: Int) -> Bool {
        guard view.isCapitalised(k) else { return true }
        let f = view.fold(k)
        return lexicon.firstNames.contains(f) || lexicon.nameLengths[f] != nil && knownName(at: k) != nil
            || titleLength(at: k, before: view.count) != nil
    }

    /// Whether token `i` is a name glued to a lowercase word (`GOP-dominated`,
    /// `Kremlin-backed`): the name is the part before the hyphen (see `find`).
    func hyphenatedPrefix(_ i: Int) -> Bool? {
        let r = view.span(i).range
        guard let h = r.firstIndex(where: { Tokenizer.isHyphen(view.scalars[$0]) }), h + 1 < r.upperBound,
              TokenView.isLower(view.scalars[h + 1]) else { return nil }
        let head = NameFolding.fold(view.scalars, r.lowerBound..<h)
        // Only a known name or an acronym: `Jean-baptiste` is no such thing.
        let isAcronym = (r.lowerBound..<h).count >= 2 && (r.lowerBound..<h).allSatisfy { TokenView.isUpper(view.scalars[$0]) }
        guard isAcronym || lexicon.names[head] != nil else { return nil }
        return false
    }

    /// A token of a handle or hashtag (`@UN_HRC`, `#IESOGI`).
    func isHandle(_ k: Int) -> Bool {
        if k >= 1, view.adjacent(k - 1, k), view.isPunct(k - 1, "@") || view.isPunct(k - 1, "#") || view.isPunct(k - 1, "_") {
            return true
        }
        return k + 1 < view.count && view.adjacent(k, k + 1) && view.isPunct(k + 1, "_")
    }

    /// A capitalised word that can be a name's next part (no digits, no known place or organisation alone).
    func isPlausibleName(_ k: Int) -> Bool {
        guard view.isCapitalised(k) else { return false }
        if view.hasDigit(k) { return false }
        return lexicon.names[view.fold(k)] == nil && !lexicon.isCommonWord(view.fold(k))
    }

    /// Lowercase geographic heads of French place names: `mer Noire`, `détroit de Taïwan`, `îles Matsu`.
    static let geographicHeads: Set<String> = [
        "mer", "detroit", "ile", "iles", "lac", "golfe", "canal", "mont", "monts", "baie", "archipel",
    ]

    /// The heads as written (with their accents), matched without folding.
    static let geographicHeadScalars: [[Unicode.Scalar]] = [
        "mer", "détroit", "île", "îles", "ile", "iles", "lac", "golfe", "canal", "mont", "monts", "baie", "archipel",
    ].map { Array($0.unicodeScalars) }

    func geographicName(at i: Int) -> Range<Int>? {
        guard view.isLowercaseWord(i), view.span(i).length >= 3, view.span(i).length <= 9,
              view.isOneOf(i, Self.geographicHeadScalars) else { return nil }
        var end = i + 1
        if view.isCapitalised(end) {
            end = groupEnd(from: end)
        } else if let (after, c) = connector(at: end), c == "de", view.isCapitalised(after) {
            end = groupEnd(from: after)
        } else {
            return nil
        }
        while isFrenchAdjective(end), !lexicon.demonyms.contains(view.fold(end)) { end += 1 }
        return i..<end
    }

    /// The longest lexicon name starting at `i`, as a token range.
    func knownName(at i: Int) -> Range<Int>? {
        guard let longest = lexicon.nameLengths[view.fold(i)] else { return nil }
        var length = min(longest, view.count - i)
        while length >= 1 {
            let key = view.key(i..<(i + length))
            if lexicon.known(key, allCaps: view.isAllCaps(i)) != nil,
               (0..<length).allSatisfy({ n in (lexicon.capitalMasks[key] ?? 0) & (1 << UInt64(n)) == 0 || view.isCapitalised(i + n) }) {
                // A known name must not stop inside a longer capitalised group (`New York` in `New York Times`).
                return i..<(i + length)
            }
            length -= 1
        }
        return nil
    }

    /// The connector at `k` (`de`, `de la`, `d'`, `of`, `and`, `&`, a particle) and the index after it.
    func connector(at k: Int) -> (Int, String)? {
        guard k < view.count else { return nil }
        if view.isPunct(k, "&") { return (k + 1, "&") }
        guard view.kind(k) == .word || view.kind(k) == .elision else { return nil }
        let f = view.fold(k)
        switch f {
        case "de":
            if k + 1 < view.count, view.fold(k + 1) == "la" || view.fold(k + 1) == "l'" { return (k + 2, "de") }
            return (k + 1, "de")
        case "d'", "du", "des": return (k + 1, "de")
        case "of":
            if k + 1 < view.count, view.fold(k + 1) == "the" { return (k + 2, "of") }
            return (k + 1, "of")
        case "and": return (k + 1, "and")
        case "for": return (k + 1, "for")
        default:
            if Self.particles.contains(f) || f == "le" || f == "la" {
                var after = k + 1
                while after < view.count, view.isLowercaseWord(after), Self.particles.contains(view.fold(after)) {
                    after += 1
                }
                return (after, "particle")
            }
            return nil
        }
    }

    func shouldMerge(_ connector: String, left: Range<Int>, right: Range<Int>, orgHeaded: Bool) -> Bool {
        let leftHasKeyword = left.contains { lexicon.orgHeads.contains(view.fold($0)) || lexicon.orgTails.contains(view.fold($0)) }
        switch connector {
        case "&": return true
        case "particle":
            // `Mohammed ben Salmane`, `Ursula von der Leyen`: a person's name goes on.
            let leftFirst = view.fold(left.lowerBound)
            return lexicon.firstNames.contains(leftFirst) || left.count >= 1 && !leftHasKeyword
                && lexicon.names[view.key(left)] == nil
        case "de", "of":
            let rightIsPlace = lexicon.known(view.key(right), allCaps: view.isAllCaps(right.lowerBound)) == .place
            if rightIsPlace, left.count == 1, !Self.institutions.contains(view.fold(left.lowerBound)) {
                // `l'Alliance de la Finlande`: the place is not part of the name.
                return false
            }
            if orgHeaded || leftHasKeyword {
                // After lowercase words (`Chambre des représentants des États-Unis`) a place is not part of it.
                let hopped = (left.lowerBound..<left.upperBound).contains { view.isLowercaseWord($0)
                    && !CandidateFinder.functionWords.contains(view.fold($0)) && !isFrenchAdjective($0) }
                return !(hopped && rightIsPlace)
            }
            if titleLength(at: left.lowerBound, before: right.upperBound) == left.count { return true }
            // `Charles de Gaulle`: a first name, the particle, a surname.
            if connector == "de", left.count == 1, lexicon.firstNames.contains(view.fold(left.lowerBound)),
               right.count == 1, lexicon.names[view.fold(right.lowerBound)] == nil { return true }
            return false
        case "and", "for":
            let last = view.fold(right.upperBound - 1)
            return !leftHasKeyword && left.count >= 2 && right.count >= 2 && lexicon.orgTails.contains(last)
                && lexicon.names[view.key(left)] == nil
        default:
            return false
        }
    }

    /// Whether a capitalised organisation keyword at a sentence start goes on as a name.
    func continuesOrganisation(after i: Int) -> Bool {
        isFrenchAdjective(i + 1) || view.isCapitalised(i + 1)
    }

    /// Length of the title (`président`, `Prime Minister`) at `k`, ending before `limit`.
    func titleLength(at k: Int, before limit: Int) -> Int? {
        guard k < limit, let longest = lexicon.titleLengths[view.fold(k)] else { return nil }
        var length = min(longest, limit - k)
        while length >= 1 {
            let end = k + length
            // `Sen.`, `Gov.`: the dot is its own token, and part of the title's key.
            if end < view.count, view.isPunct(end, "."), view.adjacent(end - 1, end),
               lexicon.titles.contains(view.key(k..<(end + 1))) {
                return end + 1 <= limit ? length + 1 : nil
            }
            if lexicon.titles.contains(view.key(k..<end)) { return length }
            length -= 1
        }
        return nil
    }

    func isFrenchAdjective(_ k: Int) -> Bool {
        guard view.isLowercaseWord(k) else { return false }
        let f = view.fold(k)
        guard f.count >= 4, !Self.notAdjectives.contains(f), !Self.functionWords.contains(f) else { return false }
        if lexicon.demonyms.contains(f) { return true }
        return Self.frenchAdjectiveEndings.contains { f.hasSuffix($0) }
    }

    func looksLikeInfinitive(_ k: Int) -> Bool {
        let f = view.fold(k)
        return f.hasSuffix("er") || f.hasSuffix("ir") || f.hasSuffix("re") && !f.hasSuffix("tre") && !f.hasSuffix("ire")
    }

    func isLowercaseNoun(_ k: Int) -> Bool {
        guard view.isLowercaseWord(k) else { return false }
        let f = view.fold(k)
        return f.count >= 4 && !Self.functionWords.contains(f) && !Self.notAdjectives.contains(f)
            && !lexicon.nonEntities.contains(f)
    }
}
