import DixitKit

/// A search in the corpus-wide quotes pane: its rows are every quote of the corpus
/// (1.4 million at 100,000 articles) under its speaker's heading, too many to turn
/// into text on each key. The corpus index gives the quotes whose text holds the
/// pattern (checked one by one only when the index cannot say alone: a capital, a
/// space), and the speakers whose name holds it; rows are tested as the search moves
/// along them.
extension AppState {
    /// Whether each row of `rows` (corpus-wide) holds `pattern`, as `SearchMatcher`
    /// finds it in the row's text: a test asked row by row as the search moves from the
    /// cursor (it stops at the first match), each row's quote looked up in the index's
    /// answer, its text read only when the index cannot answer alone.
    func corpusQuoteRowTest(_ rows: QuoteRows, pattern: String) -> (Int) -> Bool {
        guard !pattern.isEmpty, !rows.isEmpty else { return { _ in false } }
        // Rows are read, as in the other panes, for text the index does not hold (the
        // marks around a quote, the count after a name, spaces alone), and for letters
        // most quotes hold (`e`, `de`): joining their words' lists would cost more than
        // reading rows, and the search stops at the first match, the count at
        // `countedHitsLimit`.
        let scalars = pattern.unicodeScalars
        if scalars.contains(where: { "«»≈()".unicodeScalars.contains($0) || $0.properties.numericType != nil })
            || scalars.allSatisfy({ $0.properties.isWhitespace }) || scalars.count == 1
            || Double(index.quotePostingBytes(mayContain: pattern)) > quoteSearchReadAbove * Double(index.quoteCount) {
            return corpusQuoteRowReader(rows, pattern: pattern)
        }
        let exactCase = SearchMatcher.isCaseSensitive(pattern)
        let hasSpace = pattern.unicodeScalars.contains { $0.properties.isWhitespace }
        // Headings: speakers whose folded name holds the folded pattern (a superset when
        // the case must match), and the unattributed quotes' heading.
        let speakers = speakerIndex()
        var headings = IdSet(capacity: rows.count)
        var maybe: [Int] = []
        // A heading's text is the name then ` (count)`: a pattern with spaces after the
        // name (`borne `) is looked for without them, then checked in the row's text.
        var inName = Substring(pattern)
        while let last = inName.unicodeScalars.last, last.properties.isWhitespace { inName = inName.dropLast() }
        index.speakers(keyContaining: TextFolding.fold(String(inName))).forEach { s in
            if speakers.groupOf.indices.contains(s), speakers.groupOf[s] >= 0, let r = rows.headingRow(ofGroup: Int(speakers.groupOf[s])) {
                maybe.append(r)
            }
        }
        if let r = rows.headingRow(ofGroup: speakers.order.count) { maybe.append(r) }
        for r in maybe where SearchMatcher.contains(quoteRowText(rows[r]), pattern: pattern) { headings.insert(r) }
        let (candidates, exact) = index.quotes(mayContain: pattern)
        let check = exactCase || hasSpace || !exact
        let memo = QuoteRowMemo()
        let holds = SearchMatcher.matcher(pattern)
        return { r in
            if headings.contains(r) { return true }
            guard let id = rows.quoteId(atRow: r, memo: memo), candidates.contains(id) else { return false }
            return !check || quoteHolds(id, holds)
        }
    }

    /// The same test made by reading each row's text: nothing to prepare, each row
    /// costs its text (what a search key does near the cursor).
    func corpusQuoteRowReader(_ rows: QuoteRows, pattern: String) -> (Int) -> Bool {
        guard !pattern.isEmpty else { return { _ in false } }
        let memo = QuoteRowMemo()
        let holds = SearchMatcher.matcher(pattern)
        return { r in
            guard let id = rows.quoteId(atRow: r, memo: memo) else { return holds(quoteRowText(rows[r])) }
            return quoteHolds(id, holds)
        }
    }

    /// Whether corpus quote `id`'s row text holds the pattern of `holds` (`SearchMatcher.matcher`).
    private func quoteHolds(_ id: Int, _ holds: (String) -> Bool) -> Bool {
        let (a, q) = index.quoteAddress(id)
        return holds(quoteRowText(.quote(QuoteRef(article: a, quote: q))))
    }

    /// Every row of `rows` (corpus-wide) holding `pattern`.
    func corpusQuoteRowHits(_ rows: QuoteRows, pattern: String) -> IdSet {
        let test = corpusQuoteRowTest(rows, pattern: pattern)
        var hits = IdSet(capacity: rows.count)
        for r in rows.indices where test(r) { hits.insert(r) }
        return hits
    }
}
