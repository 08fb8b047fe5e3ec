import DixitKit

/// The reader's one state transition: `update(state, action) -> (state, effect)`.
public func update(_ state: AppState, _ action: Action) -> (AppState, Effect) {
    var s = state
    let effect = s.apply(action)
    return (s, effect)
}

extension AppState {
    /// Applies an action in place.
    public mutating func apply(_ action: Action) -> Effect {
        let effect = reduce(action)
        refreshCaches()
        return effect
    }

    mutating func reduce(_ action: Action) -> Effect {
        switch action {
        case .resize(let size):
            self.size = size
            clampAll()
            return .none
        case .loaded(let parts, let done, let total):
            arriving(total: total) { $0.append(parts) }
            loading = LoadingProgress(done: done, total: total, finished: false)
            return .none
        case .arrived(let articles, let done, let total):
            arriving(total: total) { $0.arrive(articles) }
            loading = LoadingProgress(done: done, total: total, finished: false)
            return .none
        case .indexLoaded(let saved):
            arriving { $0.install(saved) }
            return .none
        case .indexed(let parts):
            arriving { $0.catchUp(parts) }
            return .none
        case .loadingFinished(let problems):
            self.problems = problems
            quoteRowsCache = nil   // it reads the index, which is about to change
            index.freeze()
            // Ready for the picker and }/{ before they are asked for.
            allSpeakersCache = SpeakerIndex.unfiltered(index, corpusCount: index.articleCount)
            let total = loading?.total ?? corpus.count
            loading = LoadingProgress(done: total, total: total, finished: true)
            if !problems.isEmpty {
                message = Message("\(problems.count) file\(problems.count == 1 ? "" : "s") could not be read (listed on exit)", isError: true)
            }
            return .none
        case .filterChecked(let r):
            takeChecked(r)
            return .none
        case .quoteSearched(let r):
            takeQuoteSearch(r)
            return .none
        case .mouse(let m):
            message = nil
            pendingFind = nil   // the cursor is the user's again
            mouse(m)
            return .none
        case .command(let c):
            message = nil
            pendingFind = nil
            return run(c)
        case .key(let k):
            message = nil
            // While a search is typed, its keys say what becomes of the match looked for.
            if case .search = mode {} else { pendingFind = nil }
            return key(k)
        }
    }

    /// Takes in articles or their index (`change`); the list starts at its top when it
    /// was empty and is no longer. With `total`, room for every file is made at once:
    /// growing by doubling would hold two arrays for a while.
    private mutating func arriving(total: Int = 0, _ change: (inout AppState) -> Void) {
        let wasEmpty = visible.isEmpty
        if corpus.capacity < total && total < 1 << 26 { corpus.reserveCapacity(total) }
        change(&self)
        if wasEmpty && !visible.isEmpty { listCursor = 0; readerTop = 0 }
    }

    // MARK: - Keys

    mutating func key(_ k: Key) -> Effect {
        switch mode {
        case .normal:
            guard let c = ActionTable.command(for: k, in: focus) else {
                if ActionTable.all.contains(where: { $0.keys.contains(k) }) {
                    message = Message("that key does nothing in the \(focus.title.lowercased()) pane")
                }
                return .none
            }
            return run(c)
        case .help(let scroll):
            switch k {
            case .char("j"), .down: mode = .help(scroll: scroll + 1)
            case .char("k"), .up: mode = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): mode = .help(scroll: scroll + max(1, size.height - 6))
            case .pageUp: mode = .help(scroll: max(0, scroll - max(1, size.height - 6)))
            case .char("g"), .home: mode = .help(scroll: 0)
            default: mode = .normal
            }
            if case .help(let sc) = mode { mode = .help(scroll: min(sc, max(0, ActionTable.all.count - 1))) }
            return .none
        case .search(let input, let origin):
            searchKey(k, input: input, origin: origin)
            return .none
        case .filter(let input, _):
            filterKey(k, input: input)
            return .none
        case .picker(let picker):
            pickerKey(k, picker: picker)
            return .none
        }
    }

    /// Edits a text input; returns nil when the key is not an edit.
    static func edit(_ input: TextInput, _ k: Key) -> TextInput? {
        var t = input
        switch k {
        case .char(let c): t.text.append(c)
        case .backspace, .delete: if !t.text.isEmpty { t.text.removeLast() }
        case .ctrl("u"): t.text = ""
        case .ctrl("w"):
            while t.text.last == " " { t.text.removeLast() }
            while let l = t.text.last, l != " " { t.text.removeLast() }
        default: return nil
        }
        return t
    }

    // MARK: - Commands

    mutating func run(_ c: Command) -> Effect {
        switch c {
        case .quit: return .quit
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: page(focus))
        case .pageUp: move(by: -page(focus))
        case .halfPageDown: move(by: max(1, page(focus) / 2))
        case .halfPageUp: move(by: -max(1, page(focus) / 2))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .nextPane, .paneRight: focusPane(by: 1, wrap: c == .nextPane)
        case .previousPane, .paneLeft: focusPane(by: -1, wrap: c == .previousPane)
        case .open: open()
        case .nextQuote: stepQuote(1)
        case .previousQuote: stepQuote(-1)
        case .nextSpeakerQuote: stepSpeakerQuote(1)
        case .previousSpeakerQuote: stepSpeakerQuote(-1)
        case .speakerPicker:
            refreshSpeakerIndex()
            if speakerIndex().isEmpty {
                message = Message(loading?.finished == false ? "no speakers yet (still loading)" : "no attributed quotes in the articles shown")
            } else {
                mode = .picker(SpeakerPicker())
            }
        case .toggleQuotesScope:
            quotesScope = quotesScope == .article ? .corpus : .article
            if quotesScope == .corpus { refreshSpeakerIndex() }
            quotesCursor = 0
            quotesTop = 0
            syncQuotesCursor()
            message = Message(quotesScope == .article ? "quotes of this article" : "all quotes of the \(visible.count) article\(visible.count == 1 ? "" : "s") shown")
        case .search:
            mode = .search(TextInput(), origin: position(of: focus))
        case .searchNext: searchStep(forward: true)
        case .searchPrevious: searchStep(forward: false)
        case .filter:
            mode = .filter(TextInput(filter.source), error: nil)
        case .clearFilter:
            let had = !filter.isEmpty || search != nil
            search = nil
            if !filter.isEmpty {
                filter = .all
                refilter()
            }
            message = Message(had ? "filter cleared" : "no filter to clear")
        case .toggleEntities:
            showEntities.toggle()
            message = Message(showEntities ? "entity highlighting on" : "entity highlighting off")
        case .help:
            mode = .help(scroll: 0)
        }
        return .none
    }

    // MARK: - Moving

    /// Rows a page moves in a pane.
    func page(_ pane: Pane) -> Int {
        let h = Layout.contentSize(pane, in: size).height
        return max(1, pane == .list ? h / 2 : h - 1)
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .list:
            guard !visible.isEmpty else { return }
            let row = clamp(listCursor.addingClamped(delta), 0, visible.count - 1)
            selectArticle(row)
        case .reader:
            readerTop = readerTop.addingClamped(delta)
            clampReader()
        case .quotes:
            let rows = quoteRows()
            guard !rows.isEmpty else { return }
            quotesCursor = clamp(quotesCursor.addingClamped(delta), 0, rows.count - 1)
            followQuotesCursor(rows)
            clampQuotes()
        }
    }

    /// Makes row `row` of the list the current article.
    mutating func selectArticle(_ row: Int) {
        guard visible.indices.contains(row) else { return }
        if row != listCursor {
            listCursor = row
            readerTop = 0
            currentQuote = nil
            if quotesScope == .article { quotesCursor = 0; quotesTop = 0 }
        }
        clampList()
    }

    /// In the article scope, the quotes cursor carries the current quote with it.
    mutating func followQuotesCursor(_ rows: QuoteRows) {
        guard quotesScope == .article, rows.indices.contains(quotesCursor),
              case .quote(let r) = rows[quotesCursor] else { return }
        currentQuote = r.quote
        revealQuote(r.quote)
    }

    mutating func focusPane(by step: Int, wrap: Bool) {
        let all = Pane.allCases
        let i = all.firstIndex(of: focus)!
        let j = i + step
        if wrap {
            focus = all[(j + all.count) % all.count]
        } else if all.indices.contains(j) {
            focus = all[j]
        }
        clampAll()
    }

    mutating func open() {
        switch focus {
        case .list:
            guard currentIndex != nil else { return }
            focus = .reader
        case .quotes:
            let rows = quoteRows()
            guard rows.indices.contains(quotesCursor) else { return }
            switch rows[quotesCursor] {
            case .quote(let r): jump(to: r)
            case .speaker:
                if case .quote(let r)? = rows.dropFirst(quotesCursor + 1).first { jump(to: r) }
            }
        case .reader:
            break
        }
    }

    /// Opens the article of a quote, makes it current, shows it and focuses the reader.
    mutating func jump(to ref: QuoteRef) {
        guard let row = visible.firstIndex(of: ref.article) else { return }
        selectArticle(row)
        currentQuote = ref.quote
        revealQuote(ref.quote, force: true)
        syncQuotesCursor()
        focus = .reader
        clampAll()
    }

    /// Scrolls the reader so the quote's first line shows (a little below the top when it must move).
    mutating func revealQuote(_ q: Int, force: Bool = false) {
        guard let line = readerDocument()?.quoteLines[q] else { return }
        let h = Layout.contentSize(.reader, in: size).height
        if force || line < readerTop || line >= readerTop + h {
            readerTop = max(0, line - min(2, h / 4))
        }
        clampReader()
    }

    /// Puts the quotes cursor on the current quote (article scope) or its row (corpus scope).
    mutating func syncQuotesCursor() {
        guard let a = currentIndex, let q = currentQuote else { return }
        let rows = quoteRows()
        if let i = rows.row(of: QuoteRef(article: a, quote: q)) { quotesCursor = i }
        clampQuotes()
    }

    mutating func stepQuote(_ step: Int) {
        guard let a = currentArticle, !a.quotes.isEmpty else {
            message = Message("no quotes in this article")
            return
        }
        let n = a.quotes.count
        var next: Int
        if let q = currentQuote {
            next = q + step
        } else {
            // From the reader's position: the first quote at or below the top line (or above, going back).
            let doc = readerDocument()
            let lines = (0..<n).map { doc?.quoteLines[$0] ?? 0 }
            next = step > 0 ? (lines.firstIndex { $0 >= readerTop } ?? 0)
                : (lines.lastIndex { $0 < readerTop } ?? n - 1)
        }
        if next >= n { next = 0; message = Message("wrapped to the first quote") }
        if next < 0 { next = n - 1; message = Message("wrapped to the last quote") }
        currentQuote = next
        revealQuote(next)
        syncQuotesCursor()
        if message == nil { message = Message(quoteStatus(next)) }
    }

    func quoteStatus(_ q: Int) -> String {
        guard let a = currentArticle else { return "" }
        return "quote \(q + 1)/\(a.quotes.count) · \(a.quotes[q].speaker ?? "speaker unknown")"
    }

    mutating func stepSpeakerQuote(_ step: Int) {
        guard let a = currentIndex, let q = currentQuote else {
            message = Message("no current quote: pick one with ] or s first")
            return
        }
        guard let speaker = corpus[a].quotes[q].speaker else {
            message = Message("this quote has no known speaker")
            return
        }
        guard a < index.articleCount else {
            message = Message("still indexing the articles: try again in a moment")
            return
        }
        // The speaker's quotes in the filtered set, in corpus order, with this one
        // among them even when the filter leaves it out.
        refreshSpeakerIndex()
        let speakers = speakerIndex()
        let here = index.quoteId(article: a, quote: q)
        var list: ArraySlice<UInt32> = []
        if let sp = index.speaker(ofQuote: here), speakers.groupOf.indices.contains(sp), speakers.groupOf[sp] >= 0 {
            list = speakers.quotes(ofGroup: Int(speakers.groupOf[sp]), in: index)
        }
        var lo = list.startIndex, hi = list.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(list[mid]) < here { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - list.startIndex
        let contained = lo < list.endIndex && Int(list[lo]) == here
        let total = list.count + (contained ? 0 : 1)
        guard total > 1 else {
            message = Message("\(speaker) has no other quote in the articles shown")
            return
        }
        var j = i + step
        var wrapped = false
        if j >= total { j = 0; wrapped = true }
        if j < 0 { j = total - 1; wrapped = true }
        // Position j of the list with `here` in place.
        let id = contained || j < i ? Int(list[list.startIndex + j]) : j == i ? here : Int(list[list.startIndex + j - 1])
        let (ta, tq) = index.quoteAddress(id)
        let target = QuoteRef(article: ta, quote: tq)
        let keepFocus = focus
        jump(to: target)
        focus = keepFocus
        message = Message("\(speaker): quote \(j + 1)/\(total)" + (wrapped ? " (wrapped)" : ""))
    }

    // MARK: - Geometry and clamping

    var documentKey: DocumentKey? {
        guard let a = currentIndex else { return nil }
        return DocumentKey(article: a, width: Layout.contentSize(.reader, in: size).width, currentQuote: currentQuote,
                           showEntities: showEntities, filter: filter.source)
    }

    /// The current article laid out for the reader's width.
    public func readerDocument() -> ReaderDocument? {
        guard let key = documentKey else { return nil }
        if let c = documentCache, c.key == key { return c.document }
        let a = key.article
        let width = key.width
        let entityFilter = filter.terms.contains { $0.field == .entity || $0.field == .type }
        let f = filter
        // Entities are judged on the article's names and quotes prepared afresh (not its
        // text): one article, once per layout.
        let t = entityFilter ? QueryTarget(corpus[a], includingText: false) : nil
        return ReaderDocument.build(corpus[a], width: max(1, width), currentQuote: currentQuote,
                                    showEntities: showEntities,
                                    entityShown: t.map { t in { f.matches(entity: $0, in: t) } } ?? { _ in true })
    }

    mutating func clampAll() {
        clampList()
        clampReader()
        clampQuotes()
    }

    mutating func clampList() {
        listCursor = clamp(listCursor, 0, max(0, visible.count - 1))
        let rows = max(1, Layout.contentSize(.list, in: size).height / 2)
        if listCursor < listTop { listTop = listCursor }
        if listCursor >= listTop + rows { listTop = listCursor - rows + 1 }
        listTop = clamp(listTop, 0, max(0, visible.count - rows))
    }

    mutating func clampReader() {
        let h = Layout.contentSize(.reader, in: size).height
        let n = readerDocument()?.lines.count ?? 0
        readerTop = clamp(readerTop, 0, max(0, n - h))
    }

    /// Keeps the quotes cursor's row whole on screen (rows are one or more lines)
    /// and the pane full when rows above are hidden.
    mutating func clampQuotes() {
        let rows = quoteRows()
        let n = rows.count
        quotesCursor = clamp(quotesCursor, 0, max(0, n - 1))
        let content = Layout.contentSize(.quotes, in: size)
        let h = max(1, content.height), w = content.width
        if quotesCursor < quotesTop { quotesTop = quotesCursor }
        // Every row takes a line at least: far-off cursors first, then line by line.
        if quotesCursor - quotesTop >= h { quotesTop = quotesCursor - h + 1 }
        // Each row's height is wrapped once (the loops below would wrap a screenful per step).
        var heights: [Int: Int] = [:]
        func height(_ i: Int) -> Int {
            if let known = heights[i] { return known }
            let lines = max(1, quoteRowLines(rows[i], width: w).count)
            heights[i] = lines
            return lines
        }
        func lines(_ range: Range<Int>, limit: Int) -> Int {
            var total = 0
            for i in range where i >= 0 && i < n {
                total += height(i)
                if total > limit { break }
            }
            return total
        }
        while quotesTop < quotesCursor && lines(quotesTop..<(quotesCursor + 1), limit: h) > h { quotesTop += 1 }
        while quotesTop > 0 && lines((quotesTop - 1)..<n, limit: h) <= h { quotesTop -= 1 }
        quotesTop = clamp(quotesTop, 0, max(0, n - 1))
    }

    func position(of pane: Pane) -> PanePosition {
        switch pane {
        case .list: return PanePosition(pane: pane, row: listCursor, top: listTop)
        case .reader: return PanePosition(pane: pane, row: readerTop, top: readerTop)
        case .quotes: return PanePosition(pane: pane, row: quotesCursor, top: quotesTop)
        }
    }

    mutating func restore(_ p: PanePosition) {
        switch p.pane {
        case .list: selectArticle(p.row); listTop = p.top; clampList()
        case .reader: readerTop = p.top; clampReader()
        case .quotes: quotesCursor = p.row; quotesTop = p.top; clampQuotes()
        }
    }

    // MARK: - Mouse

    mutating func mouse(_ m: MouseEvent) {
        guard case .normal = mode else { return }
        let layout = Layout.compute(size, focus: focus)
        if layout.kind == .tabbed, m.y == 0, m.kind == .click {
            // The tab bar: one third of the width per pane.
            let i = clamp(m.x * 3 / max(1, size.width), 0, 2)
            focus = Pane.allCases[i]
            clampAll()
            return
        }
        guard let pane = layout.pane(atX: m.x, y: m.y), let content = layout.content(pane) else { return }
        let old = focus
        focus = pane
        switch m.kind {
        case .wheelUp, .wheelDown:
            move(by: m.kind == .wheelUp ? -3 : 3)
            focus = old
        case .click:
            let row = m.y - content.y
            guard row >= 0 else { return }
            switch pane {
            case .list: selectArticle(listTop + row / 2)
            case .quotes:
                if let i = quoteRow(atLine: row) {
                    quotesCursor = i
                    followQuotesCursor(quoteRows())
                    clampQuotes()
                }
            case .reader:
                if let doc = readerDocument(), doc.lines.indices.contains(readerTop + row),
                   let q = doc.lines[readerTop + row].quotes.first {
                    currentQuote = q
                    syncQuotesCursor()
                }
            }
        }
    }
}

/// What a reader document depends on.
struct DocumentKey: Hashable {
    var article: Int
    var width: Int
    var currentQuote: Int?
    var showEntities: Bool
    var filter: String
}

func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { min(max(v, lo), max(lo, hi)) }

extension Int {
    func addingClamped(_ d: Int) -> Int {
        let (r, o) = addingReportingOverflow(d)
        return o ? (d > 0 ? Int.max : Int.min) : r
    }
}
