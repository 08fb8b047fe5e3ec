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
        for a in visible {
            for q in corpus[a].quotes.indices where filter.matches(quote: q, in: targets[a]) {
                out.append(QuoteRef(article: a, quote: q))
            }
        }
        return out
    }

    /// Groups quotes by speaker (case and accents ignored): most quoted first,
    /// unattributed last.
    public static func groupBySpeaker(_ refs: [QuoteRef], in corpus: [AnalyzedArticle]) -> [SpeakerGroup] {
        var groups: [String: SpeakerGroup] = [:]
        var order: [String] = []
        for r in refs {
            let name = corpus[r.article].quotes[r.quote].speaker
            let key = name.map(TextFolding.fold) ?? "\u{0}"
            if groups[key] == nil { groups[key] = SpeakerGroup(name: name, quotes: []); order.append(key) }
            groups[key]!.quotes.append(r)
        }
        return order.compactMap { groups[$0] }.sorted { a, b in
            if (a.name == nil) != (b.name == nil) { return b.name == nil }
            if a.quotes.count != b.quotes.count { return a.quotes.count > b.quotes.count }
            return TextFolding.fold(a.name ?? "") < TextFolding.fold(b.name ?? "")
        }
    }

    /// The speakers of the filtered set (for the picker and `}`/`{`).
    public func speakerGroups() -> [SpeakerGroup] {
        Self.groupBySpeaker(filteredQuotes(), in: corpus).filter { $0.name != nil }
    }

    /// The quotes pane's rows for its scope.
    public func quoteRows() -> [QuoteRow] {
        let refs: [QuoteRef]
        switch quotesScope {
        case .article:
            guard let a = currentIndex else { return [] }
            refs = corpus[a].quotes.indices.map { QuoteRef(article: a, quote: $0) }
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

    /// The text a quotes pane row shows.
    func quoteRowText(_ row: QuoteRow) -> String {
        switch row {
        case .speaker(let name, let count): return "\(name ?? "(unattributed)") (\(count))"
        case .quote(let r):
            let q = corpus[r.article].quotes[r.quote]
            return "«\(q.text.replacingLineBreaks)»"
        }
    }
}

extension String {
    var replacingLineBreaks: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.isLineBreak ? " " : $0 }))
    }
}
