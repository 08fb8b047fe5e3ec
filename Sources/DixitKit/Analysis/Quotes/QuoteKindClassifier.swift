/// Tells a direct quotation (an utterance standing on its own) from a partial one
/// (a fragment inside the journalist's sentence), and both from quoted names of
/// works, operations and slogans, which are not quotations.
struct QuoteKindClassifier {
    let doc: QuoteDocument

    /// Whether the quoted words are a name rather than someone's words.
    func isName(openTok: Int, content: Span, attributed: Bool) -> Bool {
        let toks = doc.tokens
        // `l'opération "Barbarossa"`, `a book titled "…"`, `so-called "…"`.
        // The naming word stands right before the mark.
        if openTok > 0, toks[openTok - 1].paragraph == toks[openTok].paragraph, toks[openTok - 1].isWord,
           toks[openTok - 1].isIn(.quoteWordsNamingWords) { return true }
        // Short, every word capitalised, no attribution: a title.
        var words = 0, capitalised = 0
        var j = openTok + 1
        // Past 7 words it is no title: stop there (a quote may run to the end of a huge paragraph).
        while j < toks.count, toks[j].span.end <= content.end, words <= 7 {
            if toks[j].kind == .word {
                words += 1
                if toks[j].isCapitalised { capitalised += 1 }
            }
            j += 1
        }
        // Every word capitalised (title case, `Parasite`, `Once Upon A Time in Hollywood`) and no cue: a title or a name.
        guard words > 0, words <= 7, openTok + 1 < toks.count, toks[openTok + 1].isCapitalised else { return false }
        // Even next to a cue, several words all capitalised are a title (`“We’re Not Gonna Take It”`).
        if attributed { return words >= 2 && capitalised == words }
        return capitalised * 10 >= words * 7
    }

    /// Quoted words repeated as quotes in the article (`« MBS »`, `"club climat"`) are a term or a name,
    /// unless someone is reported saying one of them.
    static func repeatedTerms(_ texts: [(folded: String, words: Int, grounded: Bool)]) -> Set<String> {
        var count: [String: Int] = [:]
        var grounded: Set<String> = []
        for t in texts where t.words <= 3 {
            count[t.folded, default: 0] += 1
            if t.grounded { grounded.insert(t.folded) }
        }
        return Set(count.filter { $0.value >= 2 && !grounded.contains($0.key) }.keys)
    }

    /// `direct` when the quote stands as an utterance of its own (sentence start, after a colon,
    /// after an interrupting attribution, or opening a paragraph); otherwise `partial`.
    func kind(openTok: Int, region: Int, content: Span, previousWasDirectInSentence: Bool) -> QuoteKind {
        let toks = doc.tokens
        guard let first = doc.text.at(content.start) else { return .partial }
        let startsUpper = first.isUppercaseLetter || first.isDigit || first == "\u{2026}" || first == "."
        let sentenceStart = doc.sentences[toks[openTok].sentence].lowerBound
        var k = openTok - 1
        while k >= sentenceStart, toks[k].region != region { k -= 1 }
        if k < sentenceStart { return startsUpper || wordCount(content) >= 6 ? .direct : .partial }
        let prev = doc.fold(k)
        if prev == ":" { return startsUpper || wordCount(content) >= 4 ? .direct : .partial }
        if startsUpper, [".", "!", "?", "\u{2014}", "\u{2013}", "-", ","].contains(prev) { return .direct }
        // `He said "We will win the vote."`: a capitalised clause of several words is an utterance of its own.
        if startsUpper, wordCount(content) >= 4 {
            if doc.text.at(content.end - 1).map({ [".", "!", "?", "\u{2026}"].contains($0) }) == true || wordCount(content) >= 8 { return .direct }
        }
        if previousWasDirectInSentence, prev == "," { return .direct }
        return .partial
    }

    /// Words of `s`, counted up to 8.
    private func wordCount(_ s: Span) -> Int {
        var n = 0
        var inWord = false
        for i in s.range {
            let w = !doc.scalars[i].isSpaceLike
            if w && !inWord {
                n += 1
                if n >= 8 { break }   // callers compare with 8 at most; a quote may be huge
            }
            inWord = w
        }
        return n
    }
}
