/// Finds the names of one paragraph: runs of capitalised words joined by the
/// connectors names use (`Corée du Sud`, `Bank of Jamaica`, `Mohammed ben
/// Salmane`), known lexicon names, French organisation names that go on in
/// lowercase (`Organisation mondiale de la santé`); then cuts titles and
/// nationality words off their edges and types each run from its evidence.
struct CandidateFinder {
    let lexicon: EntityLexicon
    let view: TokenView
    let paragraph: Int
    let french: Bool

    func find() -> [EntityCandidate] {
        var out: [EntityCandidate] = []
        let typing = EntityTyping(lexicon: lexicon, view: view, french: french)  // one for the paragraph
        var i = 0
        // In English only capitalised words open a run (see `run(at:)`), all among `upperStarts`:
        // the others are skipped (`u` is the next of them to look at).
        var u = 0
        while i < view.count {
            if !french {
                while u < view.upperStarts.count, Int(view.upperStarts[u]) < i { u += 1 }
                guard u < view.upperStarts.count else { break }
                i = Int(view.upperStarts[u])
            }
            // Only capitalised words open a run, and in French some lowercase ones (see `run(at:)`):
            // geographic heads (3 to 9 scalars) and `ministère`, `université` (9, 10).
            guard view.isCapitalised(i) || french && view.isLowercaseWord(i) && (3...10).contains(view.span(i).length),
                  let (found, next, titled) = run(at: i) else { i += 1; continue }
            i = max(next, i + 1)
            guard !found.isEmpty else { continue }
            var range = found
            var (type, strength) = typing.type(of: range, titled: titled)
            if geographicName(at: range.lowerBound) == range || datelinePlace(at: range.lowerBound) == range
                || datelineRegion(at: range.lowerBound) == range {
                (type, strength) = (.location, .strong)
            }
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
            if view.has(range.upperBound - 1, .dottedEnd), view.isPunct(range.upperBound, "."),
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
        // `ministère des Armées`, `université de Lorraine`: lowercase heads of French institutions.
        let lowercaseHead = french && view.isLowercaseWord(i)
            && (view.first(i) == "m" && view.span(i).length == 9 && view.foldIs(i, "ministere")
                || view.first(i) == "u" && view.span(i).length == 10 && view.foldIs(i, "universite"))
        guard view.isCapitalised(i) || lowercaseHead else { return nil }
        if view.has(i, .nonEntity) { return nil }
        // One capital letter (`I`, `M.`) is no name, unless an initial (`D. Trump`);
        // handles and hashtags (`@WHO_Europe`) are not read.
        if view.span(i).length == 1, view.dottedAbbreviation(at: i) == nil {
            guard view.isInitial(i), !view.isSentenceInitial(i) || !view.foldIs(i, "m"),
                  titleLength(at: i, before: view.count) == nil else { return nil }
            let end = groupEnd(from: i + 2)
            return (i..<end, end, false)
        }
        if isHandle(i) { return nil }
        // A currency prefix (`US$`, `C$`, `HK$`) names no place.
        if i + 1 < view.count, view.adjacent(i, i + 1), view.isPunct(i + 1, "$") { return nil }
        if let prefix = hyphenatedPrefix(i) { return (i..<(i + 1), i + 1, prefix) }
        var known = knownName(at: i)
        let initial = view.isSentenceInitial(i) || view.weakCapitals
        if initial, let k = known, k.count == 1, view.has(i, .nameOrganisation), view.has(i, .common) {
            known = nil
        }
        if initial, known == nil, !view.has(i, .firstName), view.has(i + 1, .firstName),
           view.isCapitalised(i + 1), view.isCapitalised(i + 2), !view.has(i, .orgHead) {
            // `Goaltender Mikko Saarinen`: an unknown word opening the sentence before a person's name.
            return nil
        }
        // `North Africa`, `South Korea` at a sentence start: a compass word before a known place.
        let compassBeforePlace = view.has(i, .compass) && view.has(i + 1, .namePlace) && view.isCapitalised(i + 1)
        if let dateline = datelinePlace(at: i) { return (dateline, dateline.upperBound, false) }
        if let region = datelineRegion(at: i) { return (region, region.upperBound, false) }
        if initial, known == nil, view.has(i, .common) || isCommonCompound(i), !compassBeforePlace, !view.has(i, .properNoun),
           titleLength(at: i, before: view.count) == nil || !view.isCapitalised(i + (titleLength(at: i, before: view.count) ?? 0)),
           !(view.has(i, .firstName) && isPlausibleName(i + 1)),
           !(view.foldCount(i) >= 4 && !view.has(i, .functionWord) && view.isCapitalised(i + 1)
             && view.has(i + 1, [.orgHead, .orgTail])),
           !(view.has(i, .orgHead) && view.weakCapitals == false && continuesOrganisation(after: i)) {
            return nil
        }
        let personInHeading = view.has(i, .firstName) && !view.has(i, .common) && isPlausibleName(i + 1)
        if view.weakCapitals, known == nil, !personInHeading {
            // In a title-case heading only known names and acronyms count; the
            // rest is found again by the article-wide pass if the body names it.
            if view.isAllCaps(i) && view.tokens.count > 1 && !allCapsLine() { return (i..<(i + 1), i + 1, false) }
            return nil
        }

        var end = groupEnd(from: i)
        if view.weakCapitals, personInHeading {
            // In a title-case heading the name stops at the first common word (`Joe Biden Signs Bill`).
            end = (i + 1..<end).first { view.has($0, .common) } ?? end
        }
        if lowercaseHead { end = i + 1 }
        let orgHeaded = view.has(i, .orgHead)
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
                let pastConnector = (i + 1..<end).contains { !view.isWord($0) || view.foldIs($0, "de") || view.foldIs($0, "des") || view.foldIs($0, "du") }
                if isFrenchAdjective(end), !(pastConnector && view.has(end, .demonym)) { end += 1; continue }
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
            // `ministère …`, `université …` is a name only with a capitalised part (`des Affaires étrangères`).
            guard (i + 1..<end).contains(where: { view.isCapitalised($0) }) else { return nil }
        }
        if let known, known.upperBound >= end { return (known, known.upperBound, false) }
        // A known name followed by more capitalised words that do not make an
        // organisation of it (`Kremlin Ivan Sorokin`, `Ukraine Mark Holloway`) stands alone.
        if let known, !(orgHeaded && french), startsAnotherName(known.upperBound) {
            return (known, known.upperBound, false)
        }

        var start = i
        var titled = false
        // A French article before a name that is not part of it (`Les États-Unis`, `Le Kremlin`).
        if end - start >= 2, view.foldIs(start, "le") || view.foldIs(start, "la") || view.foldIs(start, "les") || view.foldIs(start, "the"),
           view.nameEntry(start..<end) == nil {
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
            let compassPlace = view.has(start, .compass) && start + 2 == end && view.has(start + 1, .namePlace)
            if view.has(start, .demonym) || view.has(start, .compass) && !compassPlace, start + 1 < end,
               view.known(start..<end, allCaps: false) == nil,
               !(start..<end).contains(where: { view.has($0, [.orgHead, .orgTail]) })
                || view.has(start + 1, .demonym) && view.has(start, .demonym) {
                // `Afghan Taliban`, `Russian President …`: the nationality is not part of the name.
                start += 1
                continue
            }
            break
        }
        if (start..<end).allSatisfy({ view.has($0, [.demonym, .compass]) }),
           (start..<end).contains(where: { view.has($0, .demonym) }) {
            return (start..<start, end, false)
        }
        if titleLength(at: start, before: end) == end - start { return (start..<start, end, false) }
        // Common words before a person's name (`l'Agriculture et de la Pêche Yannis Kostaras`).
        while end - start >= 3, view.has(start, .common), !view.has(start, .firstName),
              !view.has(start, .orgHead), view.known(start..<end, allCaps: false) == nil,
              (start + 1..<end).allSatisfy({ !view.has($0, .common) && view.isCapitalised($0) }) {
            start += 1
        }
        return (start..<end, end, titled)
    }

    /// A hyphenated word whose later parts are lowercase common words
    /// (`Seventeen-year-old`, `Long-awaited`): capitalised only by its place.
    func isCommonCompound(_ i: Int) -> Bool {
        let r = view.span(i).range
        let parts = r.split { Tokenizer.isHyphen(view.scalars[$0]) }
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ TokenView.isLower(view.scalars[$0.startIndex]) }) else { return false }
        return parts.allSatisfy { lexicon.isCommonWord(NameFolding.fold(view.scalars, $0.startIndex..<$0.endIndex)) }
    }

    /// A dateline's place in capitals at the start of a paragraph (`CUPERTINO, Calif. (AP) —`,
    /// `LOS ANGELES (Reuters) -`): the capitals before the comma, bracket or dash.
    func datelinePlace(at i: Int) -> Range<Int>? {
        guard i == 0, view.isAllCaps(0) else { return nil }
        var end = 1
        while end < view.count, view.isAllCaps(end) { end += 1 }
        guard end < view.count, view.kind(end) == .punctuation,
              [",", "(", "—", "–", "-"].contains(view.first(end)) else { return nil }
        // A known organisation in capitals (`AP —`) is no dateline.
        if view.known(0..<end, allCaps: true) == .organisation { return nil }
        return 0..<end
    }

    /// The abbreviated state or region after a dateline's place (`MADISON, Wis. (Reuters)`,
    /// `SALEM, Ore. —`): a short capitalised word with its dot, then the bracket or dash.
    func datelineRegion(at i: Int) -> Range<Int>? {
        guard i >= 2, view.isPunct(i - 1, ","), let place = datelinePlace(at: 0), place.upperBound == i - 1,
              view.isCapitalised(i), !view.isAllCaps(i), view.span(i).length <= 5,
              view.isPunct(i + 1, "."), view.adjacent(i, i + 1), i + 2 < view.count,
              ["(", "—", "–", "-"].contains(view.first(i + 2)) else { return nil }
        return i..<(i + 1)
    }

    /// The longest lexicon name starting at `i`, as a token range.
    func knownName(at i: Int) -> Range<Int>? {
        let longest = Int(view.info(i).nameLength)
        guard longest > 0 else { return nil }
        // Names never run across sentence punctuation.
        var n = 1
        var k = i + 1
        while n < longest, k < view.count {
            if view.kind(k) == .punctuation {
                switch view.first(k) {
                case ",", ";", ":", "!", "?", "(", ")", "«", "»", "\"", "“", "”": break
                default: n += 1; k += 1; continue
                }
                break
            }
            n += 1
            k += 1
        }
        let allCaps = view.isAllCaps(i)
        for length in stride(from: n, through: 1, by: -1) {
            guard let e = view.nameEntry(i..<(i + length)),
                  lexicon.known(entry: e, allCaps: allCaps) != nil else { continue }
            let mask = lexicon.nameFacts[e].capitalMask
            if (0..<length).allSatisfy({ n in mask & (1 << UInt64(n)) == 0 || view.isCapitalised(i + n) }) {
                return i..<(i + length)
            }
        }
        return nil
    }

    /// The connector at `k` (`de`, `de la`, `d'`, `of`, `and`, `&`, a particle) and the index after it.
    func connector(at k: Int) -> (Int, String)? {
        guard k < view.count else { return nil }
        if view.isPunct(k, "&") { return (k + 1, "&") }
        guard view.kind(k) == .word || view.kind(k) == .elision else { return nil }
        // Connectors are short: a longer word needs no comparison.
        guard view.foldLength(k) <= 5 else { return nil }
        if view.foldIs(k, "de") {
            if k + 1 < view.count, view.foldIs(k + 1, "la") || view.foldIs(k + 1, "l'") { return (k + 2, "de") }
            return (k + 1, "de")
        }
        if view.foldIs(k, "d'") || view.foldIs(k, "du") || view.foldIs(k, "des") { return (k + 1, "de") }
        if view.foldIs(k, "of") {
            if k + 1 < view.count, view.foldIs(k + 1, "the") { return (k + 2, "of") }
            return (k + 1, "of")
        }
        if view.foldIs(k, "and") { return (k + 1, "and") }
        if view.foldIs(k, "for") { return (k + 1, "for") }
        if view.has(k, .particle) || view.foldIs(k, "le") || view.foldIs(k, "la") {
            var after = k + 1
            while after < view.count, view.isLowercaseWord(after), view.has(after, .particle) {
                after += 1
            }
            return (after, "particle")
        }
        return nil
    }

    func shouldMerge(_ connector: String, left: Range<Int>, right: Range<Int>, orgHeaded: Bool) -> Bool {
        let leftHasKeyword = left.contains { view.has($0, [.orgHead, .orgTail]) }
        switch connector {
        case "&": return true
        case "particle":
            // `Mohammed ben Salmane`, `Ursula von der Leyen`: a person's name goes on.
            return view.has(left.lowerBound, .firstName) || left.count >= 1 && !leftHasKeyword
                && view.nameEntry(left) == nil
        case "de", "of":
            let rightIsPlace = view.known(right, allCaps: view.isAllCaps(right.lowerBound)) == .place
            if connector == "of", left.count == 1, view.has(left.lowerBound, .placeHead) {
                return true  // `Cape of Good Hope`, `Gulf of Aden`
            }
            if rightIsPlace, left.count == 1, !view.has(left.lowerBound, .institution) {
                // `l'Alliance de la Norvège`: the place is not part of the name.
                return false
            }
            if orgHeaded || leftHasKeyword {
                // After lowercase words (`Chambre des représentants des États-Unis`) a place is not part of it.
                let hopped = (left.lowerBound..<left.upperBound).contains { view.isLowercaseWord($0)
                    && !view.has($0, .functionWord) && !isFrenchAdjective($0) }
                return !(hopped && rightIsPlace)
            }
            if titleLength(at: left.lowerBound, before: right.upperBound) == left.count { return true }
            // `Charles de Gaulle`: a first name, the particle, a surname.
            if connector == "de", left.count == 1, view.has(left.lowerBound, .firstName),
               right.count == 1, !view.has(right.lowerBound, .name) { return true }
            return false
        case "and", "for":
            return !leftHasKeyword && left.count >= 2 && right.count >= 2 && view.has(right.upperBound - 1, .orgTail)
                && view.nameEntry(left) == nil
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
        let longest = Int(view.info(k).titleLength)
        guard k < limit, longest > 0 else { return nil }
        var length = min(longest, limit - k)
        while length >= 1 {
            let end = k + length
            // `Sen.`, `Gov.`: the dot is its own token, and part of the title's key.
            if end < view.count, view.isPunct(end, "."), view.adjacent(end - 1, end),
               view.isTitle(k..<(end + 1)) {
                return end + 1 <= limit ? length + 1 : nil
            }
            if view.isTitle(k..<end) { return length }
            length -= 1
        }
        return nil
    }
}
