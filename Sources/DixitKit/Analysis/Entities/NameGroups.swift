/// How runs of capitalised words are cut and joined: groups, the words that
/// end a group, handles and hashtags, glued adjectives (see `CandidateFinder`).
extension CandidateFinder {
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
            guard view.isCapitalised(k), !view.has(k, .nonEntity) || k == i
                    || (view.foldIs(k, "tv") && k > i), !isHandle(k) else { break }
            if view.span(k).length == 1, k > i { break }
            // `Tom Hollis Have Reached Their Limit`: a capitalised function word ends a name.
            if k > i, view.has(k, .capitalisedStop) { break }
            if let t = titleLength(at: k, before: view.count), view.isCapitalised(k + t) {
                // Titles open a group (`President Joe Biden`); one after a name ends it
                // (`Acme President Dana Reyes`).
                if !leadingTitles { break }
                k += t
                continue
            }
            if k > i, !leadingTitles, view.has(k, .firstName), view.isCapitalised(k + 1) {
                // `Daily Ledger Omar Haddad`: a known name or a common word, then a person.
                if view.nameEntry(i..<k) != nil || view.has(k - 1, .common) && !view.has(k - 1, .firstName) {
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
        // Verbs of English title-case headlines (`Lena Fox Would Like …`, `Brandt Calls …`).
        "would", "could", "should", "can", "must", "might", "does", "did", "calls", "slams", "reveals", "shares",
        "wins", "gets", "makes", "takes", "announces", "confirms", "denies", "admits", "sues", "joins", "leaves",
        "dies", "reacts", "responds", "explains", "claims", "warns", "urges", "plans", "wants", "like", "loves",
        "thinks", "talks", "speaks", "tells", "asks", "opens", "breaks", "hits", "scores", "beats", "faces", "gives",
    ]

    /// Whether another name starts at `k` (a first name, a known name, a title).
    func startsAnotherName(_ k: Int) -> Bool {
        guard view.isCapitalised(k) else { return true }
        return view.has(k, .firstName) || view.info(k).nameLength > 0 && knownName(at: k) != nil
            || titleLength(at: k, before: view.count) != nil
    }

    /// Whether token `i` is a name glued to a lowercase word (`GOP-led`,
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

    /// A token of a handle or hashtag (`@WHO_Europe`, `#COP99`).
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
        return !view.has(k, .name) && !view.has(k, .common)
    }
}
