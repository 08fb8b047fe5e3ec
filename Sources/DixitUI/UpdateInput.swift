import DixitKit

// Keys while typing a search, a filter or in the speaker picker.
extension AppState {
    // MARK: - Search

    /// Rows of a pane, and whether a row holds the search pattern. The list is searched
    /// through its rows' texts, kept folded and as written as articles arrive
    /// (`listSearch`, `listSearchExact`).
    func searchTest(_ pane: Pane, pattern: String) -> (count: Int, matches: (Int) -> Bool) {
        if pane == .list {
            let exact = SearchMatcher.isCaseSensitive(pattern)
            let hits = (exact ? listSearchExact : listSearch).ids(containing: pattern)
            let shown = visible
            return (shown.count, { hits.contains(shown[$0]) })
        }
        if pane == .quotes, quotesScope == .corpus {
            let rows = quoteRows()
            return (rows.count, corpusQuoteRowTest(rows, pattern: pattern))
        }
        let rows = searchRows(pane)
        return (rows.count, { SearchMatcher.contains(rows[$0], pattern: pattern) })
    }

    /// Rows of a pane as text, for searching.
    func searchRows(_ pane: Pane) -> [String] {
        switch pane {
        case .list: return visible.map { listRowText($0) }
        case .reader: return readerDocument()?.lines.map(\.text) ?? []
        case .quotes: return quoteRows().map { quoteRowText($0) }
        }
    }

    func listRowText(_ i: Int) -> String {
        let a = corpus[i]
        return a.article.titleText + " " + listMetaText(i)
    }

    func listMetaText(_ i: Int) -> String {
        let a = corpus[i]
        // Distinct speakers by folded name (the index groups them the same way).
        let speakers = Self.distinctSpeakers(a.quotes)
        // Counts before the file name: on a narrow pane the name is what gets cut.
        return [a.article.date?.iso ?? "no date", "\(a.quotes.count) q · \(speakers) sp",
                ReaderDocument.fileName(a.article.path)].joined(separator: " · ")
    }

    /// How many speakers the quotes have, names compared folded: each name written
    /// differently is folded once (an article has a few speakers and many quotes).
    static func distinctSpeakers(_ quotes: [Quote]) -> Int {
        var written: [String] = [], folded: [String] = []
        for q in quotes {
            guard let s = q.speaker, !written.contains(s) else { continue }
            // Many names (a long or odd text): a set, not a linear search each.
            if written.count == 16 { return Set(quotes.compactMap { $0.speaker.map(TextFolding.fold) }).count }
            written.append(s)
            let f = TextFolding.fold(s)
            if !folded.contains(f) { folded.append(f) }
        }
        return folded.count
    }

    mutating func searchKey(_ k: Key, input: TextInput, origin: PanePosition) {
        switch k {
        case .escape:
            restore(origin)
            mode = .normal
            search = nil
            pendingFind = nil
            message = Message("search cancelled")
        case .enter:
            mode = .normal
            if input.text.isEmpty { search = nil; pendingFind = nil; return }
            if search?.row == nil {
                // Still looked for off the keystroke: the status line says so, then the answer.
                if pendingFind == nil { message = Message("no match for \(input.text)", isError: true) }
            } else if searchHits() != nil {
                message = Message(matchStatus())
            }
        default:
            guard let t = Self.edit(input, k) else { return }
            mode = .search(t, origin: origin)
            restore(origin)
            search = SearchState(pattern: t.text, pane: origin.pane, row: nil)
            pendingFind = nil
            guard !t.text.isEmpty else { return }
            let start = origin.pane == .reader ? origin.top : origin.row
            if goToMatch(from: start, forward: true, includeStart: true) == .none {
                message = Message("no match for \(t.text)", isError: true)
            }
        }
    }

    /// What a search step came to: a match shown, none at all, or (corpus-wide quotes
    /// pane) left to the backend past the rows read on the key.
    enum SearchOutcome { case found, none, pending }

    /// Moves to the next (or previous) row holding the search pattern, wrapping with a notice.
    @discardableResult
    mutating func goToMatch(from start: Int, forward: Bool, includeStart: Bool) -> SearchOutcome {
        guard let search else { return .none }
        var hit: FoundRow?
        if search.pane == .quotes, quotesScope == .corpus {
            // 1.4 million rows at 100,000 articles: the counted hits answer when they can,
            // else the rows near the cursor are read here and the rest off the keystroke.
            let rows = quoteRows()
            let n = rows.count
            if let (hits, more) = searchHits(),
               let known = Self.matchFromHits(hits, more: more, start: start, forward: forward, includeStart: includeStart) {
                hit = known
            } else {
                let budget = min(n, max(0, inlineSearchRows))
                hit = Self.firstMatch(rows: n, start: start, forward: forward, includeStart: includeStart, steps: 0..<budget,
                                      matches: corpusQuoteRowReader(rows, pattern: search.pattern))
                if hit == nil && budget < n {
                    pendingFind = QuoteSearchFind(pattern: search.pattern, start: start, forward: forward,
                                                  includeStart: includeStart, fromStep: budget, rows: quoteRowsKey)
                    return .pending
                }
            }
        } else {
            let (n, matches) = searchTest(search.pane, pattern: search.pattern)
            hit = Self.firstMatch(rows: n, start: start, forward: forward, includeStart: includeStart, steps: 0..<n, matches: matches)
        }
        guard let hit else { return .none }
        show(row: hit.row, in: search.pane)
        self.search?.row = hit.row
        if hit.wrapped { message = Message(forward ? "search wrapped to the top" : "search wrapped to the bottom") }
        return .found
    }

    mutating func show(row: Int, in pane: Pane) {
        switch pane {
        case .list: selectArticle(row)
        case .reader:
            let h = Layout.contentSize(.reader, in: size).height
            if row < readerTop || row >= readerTop + h { readerTop = max(0, row - h / 3) }
            clampReader()
        case .quotes:
            quotesCursor = row
            followQuotesCursor(quoteRows())
            clampQuotes()
        }
    }

    mutating func searchStep(forward: Bool) {
        guard let s = search, !s.pattern.isEmpty else {
            message = Message("no search: press / first")
            return
        }
        if focus != s.pane { focus = s.pane }
        let start = s.row ?? (s.pane == .reader ? readerTop : position(of: s.pane).row)
        switch goToMatch(from: start, forward: forward, includeStart: s.row == nil) {
        case .found:
            // Not counted yet: the status line shows the count when it comes.
            if message == nil && searchHits() != nil { message = Message(matchStatus()) }
        case .none:
            message = Message("no match for \(s.pattern)", isError: true)
        case .pending:
            break
        }
    }

    /// Hits counted at most, in the corpus-wide quotes pane (1.4 million rows at 100,000
    /// articles): past it the status says `1000+`, as vim's search count caps at 99.
    static let countedHitsLimit = 1000

    /// The rows holding the search pattern, in row order, and whether more follow
    /// (counted up to `countedHitsLimit` in the corpus-wide quotes pane). Kept for the
    /// list and the corpus-wide quotes: the status line shows their count on every redraw.
    /// Nil while the corpus-wide quotes pane's count is still being made off the
    /// keystroke (`quoteSearchRequest`).
    func searchHits() -> (rows: [Int], more: Bool)? {
        guard let s = search else { return ([], false) }
        if let c = searchHitsCache, c.key == searchHitsKey { return (c.hits, c.more) }
        if s.pane == .quotes, quotesScope == .corpus { return nil }
        let (n, matches) = searchTest(s.pane, pattern: s.pattern)
        return ((0..<n).filter(matches), false)
    }

    /// What the kept search hits depend on (nil when the search is in a pane whose
    /// rows are few: the reader, one article's quotes).
    var searchHitsKey: SearchHitsKey? {
        guard let s = search, !s.pattern.isEmpty, s.pane == .list || (s.pane == .quotes && quotesScope == .corpus) else { return nil }
        return SearchHitsKey(pattern: s.pattern, pane: s.pane, corpus: corpus.count, indexed: index.articleCount,
                             visible: visible.count, filter: filter.source, revision: matchRevision)
    }

    /// `match 2/5 · otan` (`match >1000/1000+ · e` past the counted hits); in the
    /// corpus-wide quotes pane, `searching… · otan` until a match is found off the
    /// keystroke and `match …/… · otan` until the matches are counted.
    func matchStatus() -> String {
        guard let s = search else { return "" }
        if s.row == nil, pendingFind != nil { return "searching… · \(s.pattern)" }
        guard let (hits, more) = searchHits() else { return "match …/… · \(s.pattern)" }
        let k = s.row.flatMap { hits.firstIndex(of: $0) }.map { String($0 + 1) } ?? (more && s.row != nil ? ">\(hits.count)" : "0")
        return "match \(k)/\(hits.count)\(more ? "+" : "") · \(s.pattern)"
    }

    // MARK: - Filter

    mutating func filterKey(_ k: Key, input: TextInput) {
        switch k {
        case .escape:
            mode = .normal
            message = Message("filter unchanged")
        case .enter:
            switch Query.parse(input.text) {
            case .failure(let e):
                mode = .filter(input, error: e)
                message = Message(e.description, isError: true)
            case .success(let q):
                mode = .normal
                filter = q
                refilter()
                search = nil
                if q.isEmpty {
                    message = Message("filter cleared")
                } else if let c = filterCheck {
                    let n = c.plan.pendingArticles.count
                    message = Message("\(Self.checkingPrefix) the phrase in \(n) article\(n == 1 ? "" : "s")… (keys work meanwhile)")
                } else {
                    message = Message(filterSummary())
                }
            }
        default:
            guard let t = Self.edit(input, k) else { return }
            if case .failure(let e) = Query.parse(t.text) {
                mode = .filter(t, error: e)
            } else {
                mode = .filter(t, error: nil)
            }
        }
    }

    // MARK: - Speaker picker

    /// Speakers the picker lists for what is typed.
    public func pickerChoices(_ picker: SpeakerPicker) -> SpeakerChoices {
        let speakers = speakerIndex()
        let typed = TextFolding.fold(picker.input.text)
        if let n = pickerNarrowing, n.typed == typed, n.isCurrent(for: speakers) {
            return SpeakerChoices(index: speakers, corpus: index, articles: corpus, groups: n.indices)
        }
        return SpeakerChoices(index: speakers, corpus: index, articles: corpus, groups: speakers.narrowedIndices(to: typed, in: index))
    }

    /// Narrows the picker for what is now typed, from the last narrowing when it still applies.
    mutating func narrowPicker(_ picker: SpeakerPicker) {
        refreshSpeakerIndex()
        let speakers = speakerIndex()
        let typed = TextFolding.fold(picker.input.text)
        var among: [Int]?
        if let n = pickerNarrowing, n.isCurrent(for: speakers), !n.typed.isEmpty, typed.hasPrefix(n.typed) {
            if n.typed == typed { return }
            among = n.indices
        }
        pickerNarrowing = PickerNarrowing(filter: speakers.filter, corpusCount: speakers.corpusCount,
                                          visibleCount: speakers.visibleCount, revision: speakers.revision, typed: typed,
                                          indices: speakers.narrowedIndices(to: typed, among: among, in: index))
    }

    mutating func pickerKey(_ k: Key, picker: SpeakerPicker) {
        var p = picker
        let choices = pickerChoices(p)
        switch k {
        case .escape:
            mode = .normal
            return
        case .enter:
            guard choices.indices.contains(p.cursor), let first = choices.firstQuote(p.cursor) else {
                message = Message("no speaker matches \(p.input.text)", isError: true)
                return
            }
            mode = .normal
            jump(to: first)
            message = Message("\(choices.name(p.cursor)): quote 1/\(choices.quoteCount(p.cursor)) (} for the next)")
            return
        case .down, .ctrl("n"): p.cursor += 1
        case .up, .ctrl("p"): p.cursor -= 1
        case .pageDown: p.cursor += 10
        case .pageUp: p.cursor -= 10
        default:
            guard let t = Self.edit(p.input, k) else { return }
            p.input = t
            p.cursor = 0
            p.top = 0
            narrowPicker(p)
        }
        let n = pickerChoices(p).count
        p.cursor = clamp(p.cursor, 0, max(0, n - 1))
        let h = max(1, pickerListHeight)
        if p.cursor < p.top { p.top = p.cursor }
        if p.cursor >= p.top + h { p.top = p.cursor - h + 1 }
        mode = .picker(p)
    }

    /// Rows of speakers the picker box shows.
    var pickerListHeight: Int { max(1, min(size.height - 6, 20)) }
}

/// What the article list's search hits depend on.
struct SearchHitsKey: Hashable {
    var pattern: String
    var pane: Pane
    var corpus: Int
    var indexed: Int
    var visible: Int
    var filter: String
    var revision: Int
}
