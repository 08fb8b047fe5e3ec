/// One quotation to attribute: the words between a pair of marks, or one part of a quote
/// interrupted by its attribution (`« Nous allons gagner, a-t-il dit, et vite. »`).
struct QuoteUnit {
    var mark: Int
    var content: Span
    var openTok: Int
    var closeTok: Int?
    /// Quote region the attribution lives in (the enclosing quote, or -1).
    var region: Int
    /// Tokens the attribution search stays within.
    var bounds: Range<Int>
    /// The interrupting cue inside the marks, for the parts of a split quote.
    var presetCue: SpeechCue?
}

enum QuoteUnits {
    /// The key of every quote of more than 3 words: only quotes of 3 words or less are terms, and
    /// their keys (folded words trimmed to a letter or digit at each end) never equal it.
    static let longTermKey = "\u{FFFF}"

    /// Folded words of a short quote, trimmed of punctuation, for spotting repeated terms; `words` counts them.
    /// (A quote of more than 3 words is no term: its key is `longTermKey`, its words not folded.)
    static func termKey(_ span: Span, doc: QuoteDocument) -> (key: String, words: Int) {
        let sc = doc.scalars
        var s = span.start, e = span.end
        // Longer than any term even before trimming: no need to walk it.
        guard e - s <= 400 else { return ("", 99) }
        while s < e, !(sc[s].isLetter || sc[s].isDigit) { s += 1 }
        while e > s, !(sc[e - 1].isLetter || sc[e - 1].isDigit) { e -= 1 }
        guard e - s <= 80 else { return ("", 99) }
        var words = 0
        var inWord = false
        for i in s..<e {
            let w = !sc[i].isSpaceLike
            if w && !inWord { words += 1 }
            inWord = w
        }
        if words > 3 { return (longTermKey, words) }
        return (QuoteFolding.fold(sc, s, e), words)
    }

    /// The quote is all its paragraph holds (a subheading), but for dashes and punctuation.
    static func fillsParagraph(_ u: QuoteUnit, doc: QuoteDocument) -> Bool {
        // Counted once per document: walking the paragraph per quote is quadratic on one long line.
        u.region >= 0 ? doc.regionWords[u.region] == 0 : doc.unquotedWords[doc.tokens[u.openTok].paragraph] == 0
    }

    /// A quote that opens a title or heading, or opens a paragraph and is followed by a colon.
    static func opensHeadline(_ u: QuoteUnit, doc: QuoteDocument) -> Bool {
        let p = doc.tokens[u.openTok].paragraph
        guard doc.paragraphTokens[p].lowerBound == u.openTok else { return false }
        if doc.paragraphs[p].role != .body { return true }
        if let c = u.closeTok, c + 1 < doc.tokens.count, doc.tokens[c + 1].folds(":") { return true }
        return fillsParagraph(u, doc: doc)
    }

    /// `‘Ends recession debate’: Ledger Institute` — a quote, a colon and a short source closing the paragraph.
    static func isPullQuote(_ u: QuoteUnit, doc: QuoteDocument) -> Bool {
        guard let c = u.closeTok, c + 1 < doc.tokens.count, doc.tokens[c + 1].folds(":") else { return false }
        let range = doc.paragraphTokens[doc.tokens[u.openTok].paragraph]
        guard range.lowerBound == u.openTok else { return false }
        return range.upperBound - (c + 2) <= 6
    }

    static func split(doc: QuoteDocument, attributor: QuoteAttributor) -> [QuoteUnit] {
        var units: [QuoteUnit] = []
        let toks = doc.tokens
        for (qi, q) in doc.marks.enumerated() where !q.content.isEmpty {
            let openTok = attributor.tokenIndex(atOrAfter: q.openMark)
            guard openTok < toks.count else { continue }
            let closeTok = q.closeMark.map { attributor.tokenIndex(atOrAfter: $0) }
            let region = q.parent ?? -1
            let bounds: Range<Int>
            if let p = q.parent {
                let pq = doc.marks[p]
                let lo = attributor.tokenIndex(atOrAfter: pq.openMark + 1)
                let hi = attributor.tokenIndex(atOrAfter: pq.closeMark ?? doc.paragraphs[pq.paragraph].span.end)
                bounds = lo..<max(lo, hi)
            } else {
                bounds = doc.paragraphTokens[q.paragraph]
            }
            // An inverted attribution between commas inside the marks splits the quote in two.
            let inside = (openTok + 1)..<(closeTok ?? doc.paragraphTokens[q.paragraph].upperBound)
            var cut: (comma: Int, cue: SpeechCue, resume: Int)?
            // Only this quote's own tokens can hold the cut: walking its whole extent would be quadratic
            // when marks nest thousands deep.
            for k in doc.regionTokens(qi) where k > inside.lowerBound && k < inside.upperBound - 1 {
                if cut != nil { break }
                guard toks[k - 1].folds(","), let cue = attributor.cues.cue(at: k)
                        ?? (k + 1 < inside.upperBound && doc.isAuxiliary(k) ? attributor.cues.cue(at: k + 1) : nil), !cue.isNegated,
                      !cue.isAccording, !cue.isParticiple else { continue }
                // The quote resumes after a comma, or after a full stop with a new sentence
                // (`« …, a-t-il plaidé. Il faut … »`).
                func resumes(at r: Int) -> Bool {
                    guard r < inside.upperBound - 1 else { return false }
                    if toks[r].folds(",") { return true }
                    return toks[r].folds(".") && toks[r + 1].isCapitalised
                }
                if cue.invertedPronoun != nil {
                    var r = cue.tokens.upperBound + 1
                    // `, a-t-il dit mardi,` — allow a few words before the second comma.
                    while r < inside.upperBound, r - cue.tokens.upperBound <= 4, !toks[r].folds(","), !toks[r].folds(".") { r += 1 }
                    if resumes(at: r) { cut = (k - 1, cue, r + 1) }
                } else if cue.tokens.upperBound + 1 < inside.upperBound,
                          let p = attributor.phrases.after(cue.tokens.upperBound + 1, upper: min(inside.upperBound - 1, cue.tokens.upperBound + 8), region: qi),
                          p.kind == .name || p.kind == .description, p.tokens.lowerBound - cue.tokens.upperBound <= 3,
                          resumes(at: p.tokens.upperBound + 1) {
                    // `« …, a insisté M. Roux. Les équipes … »`: a verb and its named subject, inverted.
                    cut = (k - 1, cue, p.tokens.upperBound + 2)
                }
            }
            if let cut {
                let first = doc.text.trimmed(Span(q.content.start, toks[cut.comma].span.end))
                let second = doc.text.trimmed(Span(toks[cut.resume].span.start, q.content.end))
                units.append(QuoteUnit(mark: qi, content: first, openTok: openTok, closeTok: nil, region: region,
                                       bounds: bounds, presetCue: cut.cue))
                units.append(QuoteUnit(mark: qi, content: second, openTok: cut.resume - 1, closeTok: closeTok, region: region,
                                       bounds: bounds, presetCue: cut.cue))
            } else {
                units.append(QuoteUnit(mark: qi, content: q.content, openTok: openTok, closeTok: closeTok, region: region,
                                       bounds: bounds, presetCue: nil))
            }
        }
        return units
    }
}
