import DixitKit

/// A quote's address in the corpus.
public struct QuoteRef: Hashable, Sendable {
    /// Index into `AppState.corpus`.
    public var article: Int
    /// Index into that article's quotes.
    public var quote: Int
}

/// A row of the quotes pane: a speaker heading with a count, or one quote.
public enum QuoteRow: Hashable, Sendable {
    case speaker(name: String?, count: Int)
    case quote(QuoteRef)
}

/// A speaker of the filtered set with their quotes, in corpus order.
public struct SpeakerGroup: Hashable, Sendable {
    public var name: String?
    public var quotes: [QuoteRef]
}

extension AppState {
    /// Quotes the filter lets through, in the visible articles, in corpus order.
    public func filteredQuotes() -> [QuoteRef] {
        var out: [QuoteRef] = []
        if let matchedQuotes {
            matchedQuotes.forEach { id in
                let (a, q) = index.quoteAddress(id)
                out.append(QuoteRef(article: a, quote: q))
            }
        } else {
            for a in visible {
                for q in corpus[a].quotes.indices { out.append(QuoteRef(article: a, quote: q)) }
            }
        }
        return out
    }

    /// Groups quotes by speaker (case and accents ignored): most quoted first,
    /// unattributed last.
    public static func groupBySpeaker(_ refs: [QuoteRef], in corpus: [AnalyzedArticle]) -> [SpeakerGroup] {
        var groups: [String: SpeakerGroup] = [:]
        var byName: [String: String] = [:]   // speaker as written → folded key (folding once per name)
        var order: [String] = []
        for r in refs {
            let name = corpus[r.article].quotes[r.quote].speaker
            var key = "\u{0}"
            if let name {
                if let k = byName[name] { key = k } else { key = TextFolding.fold(name); byName[name] = key }
            }
            if groups[key] == nil { groups[key] = SpeakerGroup(name: name, quotes: []); order.append(key) }
            groups[key]!.quotes.append(r)
        }
        return order.map { ($0, groups[$0]!) }.sorted { a, b in
            if (a.1.name == nil) != (b.1.name == nil) { return b.1.name == nil }
            if a.1.quotes.count != b.1.quotes.count { return a.1.quotes.count > b.1.quotes.count }
            return a.0 < b.0
        }.map(\.1)
    }

    var quoteRowsKey: QuoteRowsKey {
        QuoteRowsKey(scope: quotesScope, article: quotesScope == .article ? currentIndex : nil,
                     visible: visible.count, corpus: corpus.count, filter: filter.source)
    }

    /// The speakers of the filtered set (for the picker and `}`/`{`).
    public func speakerGroups() -> [SpeakerGroup] {
        let s = speakerIndex()
        return s.order.indices.map { s.group($0, in: index, articles: corpus) }
    }

    /// The speaker index for the state as it is (the kept one when still current).
    func speakerIndex() -> SpeakerIndex {
        if let index = speakerIndexCache, index.isCurrent(for: self) { return index }
        return SpeakerIndex.build(for: self)
    }

    /// The quotes pane's rows for its scope.
    public func quoteRows() -> [QuoteRow] {
        if let c = quoteRowsCache, c.key == quoteRowsKey { return c.rows }
        let refs: [QuoteRef]
        switch quotesScope {
        case .article:
            guard let a = currentIndex else { return [] }
            refs = corpus[a].quotes.indices.filter { quoteMatches(article: a, quote: $0) }
                .map { QuoteRef(article: a, quote: $0) }
        case .corpus:
            refs = filteredQuotes()
        }
        var rows: [QuoteRow] = []
        for g in Self.groupBySpeaker(refs, in: corpus) {
            rows.append(.speaker(name: g.name, count: g.quotes.count))
            rows.append(contentsOf: g.quotes.map { .quote($0) })
        }
        return rows
    }

    /// Lines a quote takes at most in the quotes pane.
    static let quoteRowMaxLines = 2

    /// The lines of a quotes-pane row for a pane `width` columns wide (text only:
    /// headings start at column 1, quotes at column 3).
    func quoteRowLines(_ row: QuoteRow, width: Int) -> [String] {
        switch row {
        case .speaker:
            return [Glyphs.clip(quoteRowText(row), to: width - 1)]
        case .quote(let r):
            var text = quoteRowText(row)
            if quotesScope == .corpus {
                text = ReaderDocument.fileName(corpus[r.article].article.path).prefix(3) + " " + text
            }
            return TextWrap.lines(text, width: width - 3, maxLines: Self.quoteRowMaxLines)
        }
    }

    /// Screen lines a run of rows takes, stopping once past `limit`.
    func quoteLinesCount(_ rows: [QuoteRow], _ range: Range<Int>, width: Int, limit: Int) -> Int {
        var n = 0
        for i in range where i >= 0 && i < rows.count {
            n += max(1, quoteRowLines(rows[i], width: width).count)
            if n > limit { break }
        }
        return n
    }

    /// The row shown at line `line` of the quotes pane, if any.
    func quoteRow(atLine line: Int) -> Int? {
        let rows = quoteRows()
        let width = Layout.contentSize(.quotes, in: size).width
        var y = 0
        var i = quotesTop
        while i < rows.count {
            let h = max(1, quoteRowLines(rows[i], width: width).count)
            if line < y + h { return i }
            y += h
            i += 1
        }
        return nil
    }

    /// The text a quotes pane row shows.
    func quoteRowText(_ row: QuoteRow) -> String {
        switch row {
        case .speaker(let name, let count): return "\(name ?? "(unattributed)") (\(count))"
        case .quote(let r):
            let q = corpus[r.article].quotes[r.quote]
            // Reported speech has no quote marks of its own: ≈ says it is the gist.
            return q.kind == .indirect ? "≈ " + q.text.replacingLineBreaks : "«\(q.text.replacingLineBreaks)»"
        }
    }
}

/// What the quotes pane's rows depend on.
struct QuoteRowsKey: Hashable {
    var scope: QuotesScope
    var article: Int?
    var visible: Int
    var corpus: Int
    var filter: String
}

extension String {
    var replacingLineBreaks: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.isLineBreak ? " " : $0 }))
    }
}
