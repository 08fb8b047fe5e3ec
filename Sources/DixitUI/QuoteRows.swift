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
                     visible: visible.count, corpus: corpus.count, filter: filter.source, revision: matchRevision)
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

    /// The quotes pane's rows for its scope. Corpus-wide, they are read from the
    /// speaker index when shown (a million quotes are never made into rows at once).
    public func quoteRows() -> QuoteRows {
        if let c = quoteRowsCache, c.key == quoteRowsKey { return c.rows }
        switch quotesScope {
        case .article:
            guard let a = currentIndex else { return QuoteRows(rows: []) }
            let refs = corpus[a].quotes.indices.filter { quoteMatches(article: a, quote: $0) }
                .map { QuoteRef(article: a, quote: $0) }
            return QuoteRows(rows: Self.rows(of: Self.groupBySpeaker(refs, in: corpus)))
        case .corpus:
            return QuoteRows(speakers: speakerIndex(), corpus: index, articles: corpus)
        }
    }

    /// Rows of groups: each speaker's heading, then their quotes.
    static func rows(of groups: [SpeakerGroup]) -> [QuoteRow] {
        var rows: [QuoteRow] = []
        for g in groups {
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
    func quoteLinesCount(_ rows: QuoteRows, _ range: Range<Int>, width: Int, limit: Int) -> Int {
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

/// The rows of the quotes pane: a list made at once (one article's quotes), or,
/// corpus-wide, rows read from the speaker index when asked for: each group's
/// heading then its quotes, most quoted speakers first, unattributed quotes last
/// (the order `AppState.groupBySpeaker` gives), without making a row per quote.
public struct QuoteRows: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case list([QuoteRow])
        case grouped(speakers: SpeakerIndex, corpus: CorpusIndex, articles: [AnalyzedArticle])
    }
    private let storage: Storage
    /// Row where each group's heading is (the unattributed group last, when it has
    /// quotes), then the end.
    private let groupRows: [Int]
    /// Quote rows (headings aside).
    public let quoteCount: Int

    init(rows: [QuoteRow]) {
        storage = .list(rows)
        groupRows = []
        quoteCount = rows.reduce(0) { if case .quote = $1 { return $0 + 1 } else { return $0 } }
        endIndex = rows.count
    }

    init(speakers: SpeakerIndex, corpus: CorpusIndex, articles: [AnalyzedArticle]) {
        storage = .grouped(speakers: speakers, corpus: corpus, articles: articles)
        var starts: [Int] = []
        starts.reserveCapacity(speakers.order.count + 2)
        var row = 0
        for g in speakers.order.indices {
            starts.append(row)
            row += 1 + speakers.count(ofGroup: g, in: corpus)
        }
        if !speakers.unattributed.isEmpty {
            starts.append(row)
            row += 1 + speakers.unattributed.count
        }
        starts.append(row)
        groupRows = starts
        quoteCount = speakers.quoteCount
        endIndex = row
    }

    public var startIndex: Int { 0 }
    public let endIndex: Int

    public subscript(i: Int) -> QuoteRow {
        switch storage {
        case .list(let rows): return rows[i]
        case .grouped(let speakers, let corpus, let articles):
            let g = group(ofRow: i)
            let k = i - groupRows[g]
            if g == speakers.order.count {
                if k == 0 { return .speaker(name: nil, count: speakers.unattributed.count) }
                return .quote(Self.ref(speakers.unattributed[k - 1], corpus))
            }
            if k == 0 {
                return .speaker(name: speakers.name(ofGroup: g, in: corpus, articles: articles),
                                count: speakers.count(ofGroup: g, in: corpus))
            }
            let quotes = speakers.quotes(ofGroup: g, in: corpus)
            return .quote(Self.ref(quotes[quotes.startIndex + k - 1], corpus))
        }
    }

    /// The row of a quote, if listed.
    public func row(of ref: QuoteRef) -> Int? {
        switch storage {
        case .list(let rows): return rows.firstIndex(of: .quote(ref))
        case .grouped(let speakers, let corpus, _):
            guard ref.article < corpus.articleCount, corpus.quoteIds(article: ref.article).count > ref.quote else { return nil }
            let id = UInt32(corpus.quoteId(article: ref.article, quote: ref.quote))
            let g: Int
            let quotes: ArraySlice<UInt32>
            if let s = corpus.speaker(ofQuote: Int(id)) {
                guard speakers.groupOf.indices.contains(s), speakers.groupOf[s] >= 0 else { return nil }
                g = Int(speakers.groupOf[s])
                quotes = speakers.quotes(ofGroup: g, in: corpus)
            } else {
                guard !speakers.unattributed.isEmpty else { return nil }
                g = speakers.order.count
                quotes = speakers.unattributed[...]
            }
            // Quotes are in corpus order: a binary search.
            var lo = quotes.startIndex, hi = quotes.endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if quotes[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            guard lo < quotes.endIndex, quotes[lo] == id else { return nil }
            return groupRows[g] + 1 + (lo - quotes.startIndex)
        }
    }

    /// The corpus quote number at row `i` of corpus-wide rows (nil for a heading), with
    /// the list of `memo`'s group reused while rows are asked for in the same group:
    /// a scan down the rows reads each group's list once.
    func quoteId(atRow i: Int, memo: QuoteRowMemo) -> Int? {
        guard case .grouped(let speakers, let corpus, _) = storage, i >= 0, i < endIndex else { return nil }
        if memo.group < 0 || i < groupRows[memo.group] || i >= groupRows[memo.group + 1] {
            let g = group(ofRow: i)
            memo.group = g
            memo.list = g == speakers.order.count ? speakers.unattributed[...] : speakers.quotes(ofGroup: g, in: corpus)
        }
        let k = i - groupRows[memo.group]
        return k == 0 ? nil : Int(memo.list[memo.list.startIndex + k - 1])
    }

    /// The row of group `g`'s heading (corpus-wide rows; the group after the last
    /// speaker's is the unattributed quotes'), nil when there is none.
    func headingRow(ofGroup g: Int) -> Int? {
        guard case .grouped = storage, g >= 0, g + 1 < groupRows.count else { return nil }
        return groupRows[g]
    }

    /// The group whose rows include row `i` (a binary search over the headings).
    private func group(ofRow i: Int) -> Int {
        var lo = 0, hi = groupRows.count - 1   // groupRows[lo] <= i < groupRows[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if groupRows[mid] <= i { lo = mid } else { hi = mid }
        }
        return lo
    }

    private static func ref(_ id: UInt32, _ corpus: CorpusIndex) -> QuoteRef {
        let (a, q) = corpus.quoteAddress(Int(id))
        return QuoteRef(article: a, quote: q)
    }
}

/// What the quotes pane's rows depend on.
struct QuoteRowsKey: Hashable {
    var scope: QuotesScope
    var article: Int?
    var visible: Int
    var corpus: Int
    var filter: String
    var revision: Int
}

extension String {
    var replacingLineBreaks: String {
        // Most texts have none: the string itself, not a copy.
        guard unicodeScalars.contains(where: { $0.isLineBreak }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.isLineBreak ? " " : $0 }))
    }
}

/// The group last read by `QuoteRows.quoteId(atRow:memo:)`, and its quotes.
final class QuoteRowMemo {
    var group = -1
    var list: ArraySlice<UInt32> = []
}
