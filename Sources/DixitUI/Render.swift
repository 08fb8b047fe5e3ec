import DixitKit

/// Draws the whole reader for a terminal size. Pure: same state, same grid.
public func render(_ state: AppState, size: Size) -> Grid {
    var s = state
    if s.size != size {
        s.size = size
        s.clampAll()
    }
    var r = Renderer(state: s, grid: Grid(size: size), layout: Layout.compute(size, focus: s.focus))
    r.draw()
    return r.grid
}

/// Draws the state into a grid, part by part.
struct Renderer {
    let state: AppState
    var grid: Grid
    let layout: Layout

    mutating func draw() {
        guard layout.kind != .tooSmall else { drawTooSmall(); return }
        if layout.kind == .wide {
            for (pane, rect) in layout.panes { drawTitle(pane, rect) }
            let list = layout.panes[.list]!, reader = layout.panes[.reader]!
            for y in 0..<list.height {
                grid.put("│", x: list.width, y: y, style: CellStyle(.border))
                grid.put("│", x: reader.x + reader.width, y: y, style: CellStyle(.border))
            }
        } else {
            drawTabs()
        }
        for pane in layout.panes.keys {
            guard let c = layout.content(pane) else { continue }
            switch pane {
            case .list: drawList(c)
            case .reader: drawReader(c)
            case .quotes: drawQuotes(c)
            }
            if let search = state.search, search.pane == pane { highlightMatches(search.pattern, in: c) }
        }
        drawStatus()
        drawHints()
        switch state.mode {
        case .help(let scroll): drawHelp(scroll: scroll)
        case .picker(let p): drawPicker(p)
        default: break
        }
    }

    // MARK: - Frame

    mutating func drawTooSmall() {
        let wanted = ["Terminal too small", "need \(Layout.minimum.width)×\(Layout.minimum.height),",
                      "have \(grid.width)×\(grid.height)", "q quits"]
        // Word-wrapped to the width, so even a tiny terminal gets the whole notice.
        var lines: [(String, Bool)] = []
        for (i, text) in wanted.enumerated() {
            var cur = ""
            for word in text.split(separator: " ") {
                let next = cur.isEmpty ? String(word) : cur + " " + word
                if Glyphs.width(next) > grid.width && !cur.isEmpty { lines.append((cur, i == 0)); cur = String(word) }
                else { cur = next }
            }
            lines.append((cur, i == 0))
        }
        let top = max(0, (grid.height - lines.count) / 2)
        for (k, (l, first)) in lines.enumerated() where top + k < grid.height {
            let w = Glyphs.width(l)
            grid.put(l, x: max(0, (grid.width - w) / 2), y: top + k, style: CellStyle(first ? .error : .notice))
        }
    }

    func paneTitle(_ pane: Pane) -> String {
        switch pane {
        case .list:
            let n = state.visible.count
            let pos = n == 0 ? "0" : "\(state.listCursor + 1)/\(n)"
            return "Articles \(pos)" + (state.filter.isEmpty ? "" : " (of \(state.corpus.count))")
        case .reader:
            return state.currentArticle.map { "Reader · " + ReaderDocument.fileName($0.article.path) } ?? "Reader"
        case .quotes:
            let count = state.quoteRows().quoteCount
            return (state.quotesScope == .article ? "Quotes · this article" : "Quotes · all shown") + " (\(count))"
        }
    }

    mutating func drawTitle(_ pane: Pane, _ rect: Rect) {
        let style = CellStyle(state.focus == pane ? .paneTitleFocused : .paneTitle)
        grid.fill(y: rect.y, from: rect.x, to: rect.x + rect.width, style: style)
        grid.put(" " + paneTitle(pane), x: rect.x, y: rect.y, limit: rect.x + rect.width, style: style)
    }

    mutating func drawTabs() {
        let w = grid.width
        grid.fill(y: 0, style: CellStyle(.paneTitle))
        for (i, pane) in Pane.allCases.enumerated() {
            let x0 = i * w / 3, x1 = (i + 1) * w / 3
            let focused = pane == state.focus
            let style = CellStyle(focused ? .paneTitleFocused : .paneTitle)
            grid.fill(y: 0, from: x0, to: x1, style: style)
            let label = focused ? paneTitle(pane) : pane.title
            grid.put(" " + Glyphs.clip(label, to: max(0, x1 - x0 - 2)), x: x0, y: 0, limit: x1, style: style)
            if i > 0 { grid.put("│", x: x0, y: 0, style: CellStyle(.border)) }
        }
    }

    // MARK: - Article list

    mutating func drawList(_ c: Rect) {
        guard !state.visible.isEmpty else {
            let text = state.loading?.finished == false ? "loading…"
                : state.checkProgress != nil ? "checking the phrase…"
                : state.corpus.isEmpty ? "no articles" : "no article matches the filter (Esc clears it)"
            grid.put(Glyphs.clip(text, to: c.width - 1), x: c.x + 1, y: c.y, limit: c.x + c.width, style: CellStyle(.notice))
            return
        }
        for k in 0..<(c.height / 2) {
            let row = state.listTop + k
            guard row < state.visible.count else { break }
            let i = state.visible[row]
            let sel = row == state.listCursor
            let y = c.y + 2 * k
            let end = c.x + c.width
            grid.fill(y: y, from: c.x, to: end, style: CellStyle(.text, selected: sel))
            grid.fill(y: y + 1, from: c.x, to: end, style: CellStyle(.meta, selected: sel))
            grid.put(sel ? "▶" : " ", x: c.x, y: y, limit: end, style: CellStyle(.marker, selected: sel))
            let title = state.corpus[i].article.titleText.replacingLineBreaks
            grid.put(Glyphs.clip(title.isEmpty ? "(untitled)" : title, to: c.width - 2), x: c.x + 2, y: y, limit: end,
                     style: CellStyle(sel ? .title : .text, selected: sel))
            grid.put(Glyphs.clip(state.listMetaText(i), to: c.width - 2), x: c.x + 2, y: y + 1, limit: end,
                     style: CellStyle(.meta, selected: sel))
        }
    }

    // MARK: - Reader

    mutating func drawReader(_ c: Rect) {
        guard let doc = state.readerDocument() else {
            grid.put("no article", x: c.x + 1, y: c.y, limit: c.x + c.width, style: CellStyle(.notice))
            return
        }
        let m = doc.marginWidth
        for k in 0..<c.height {
            let i = state.readerTop + k
            guard i < doc.lines.count else { break }
            let line = doc.lines[i]
            let y = c.y + k
            if m > 0 {
                if k == 0, line.label == nil, line.gutter != nil, let a = state.currentArticle,
                   let q = line.quotes.first(where: { (doc.quoteLines[$0] ?? i) < i }) {
                    // A quote that began above the top: its speaker stays in view.
                    let name = a.quotes[q].speaker ?? "?"
                    grid.put(Glyphs.clip(name, to: m - 2), x: c.x, y: y, limit: c.x + m - 2,
                             style: CellStyle(.speaker(SpeakerPalette.index(for: name))))
                }
                if let label = line.label {
                    grid.put(Glyphs.clip(label, to: m - 2), x: c.x, y: y, limit: c.x + m - 2, style: line.labelStyle)
                }
                if let g = line.gutter {
                    grid.put(g.quoted == .current ? "┃" : "│", x: c.x + m - 2, y: y, style: g)
                }
            }
            grid.put(glyphs: line.glyphs, styles: line.styles, x: c.x + m, y: y, limit: c.x + c.width)
        }
    }

    // MARK: - Quotes

    mutating func drawQuotes(_ c: Rect) {
        let rows = state.quoteRows()
        guard !rows.isEmpty else {
            let text = state.quotesScope == .article ? "no quotes in this article" : "no quotes in the articles shown"
            grid.put(Glyphs.clip(text, to: c.width - 1), x: c.x + 1, y: c.y, limit: c.x + c.width, style: CellStyle(.notice))
            return
        }
        let end = c.x + c.width
        var y = c.y
        var i = state.quotesTop
        while y < c.y + c.height && i < rows.count {
            let sel = i == state.quotesCursor
            let lines = state.quoteRowLines(rows[i], width: c.width)
            for (k, line) in lines.enumerated() where y + k < c.y + c.height {
                grid.fill(y: y + k, from: c.x, to: end, style: CellStyle(.text, selected: sel))
                switch rows[i] {
                case .speaker(let name, _):
                    let role: StyleRole = name.map { .speaker(SpeakerPalette.index(for: $0)) } ?? .meta
                    grid.put(line, x: c.x + 1, y: y + k, limit: end, style: CellStyle(role, selected: sel))
                case .quote(let r):
                    let current = r.article == state.currentIndex && r.quote == state.currentQuote
                    if k == 0 {
                        grid.put(current ? "▶" : " ", x: c.x + 1, y: y, limit: end, style: CellStyle(.marker, selected: sel))
                    }
                    grid.put(line, x: c.x + 3, y: y + k, limit: end,
                             style: CellStyle(current ? .currentQuote : .quote, selected: sel,
                                              quoted: current ? .current : .quote))
                }
            }
            y += max(1, lines.count)
            i += 1
        }
    }

    // MARK: - Search matches

    /// Marks the cells of a pane's rows where the search pattern is.
    mutating func highlightMatches(_ pattern: String, in c: Rect) {
        guard !pattern.isEmpty else { return }
        for y in c.y..<(c.y + c.height) {
            let texts = (c.x..<(c.x + c.width)).map { grid[$0, y].text }
            for r in SearchMatcher.ranges(in: texts, pattern: pattern) {
                grid.restyle(y: y, from: c.x + r.lowerBound, to: c.x + r.upperBound) { $0.match = true }
            }
        }
    }

    // MARK: - Status and hints

    mutating func drawStatus() {
        let y = layout.statusRow
        grid.fill(y: y, style: CellStyle(.statusLine))
        var left: [String] = []
        var style = CellStyle(.statusLine)
        if case .filter(_, let error?) = state.mode {
            left.append("✗ " + error.description)
            style = CellStyle(.error)
        } else if let m = state.message {
            left.append(m.text)
            if m.isError { style = CellStyle(.error) }
        } else {
            if let a = state.currentArticle {
                left.append("article \(state.listCursor + 1)/\(state.visible.count)")
                if let q = state.currentQuote, a.quotes.indices.contains(q) {
                    left.append("quote \(q + 1)/\(a.quotes.count) · " + (a.quotes[q].speaker ?? "speaker unknown"))
                }
            }
            if let s = state.search, !s.pattern.isEmpty { left.append(state.matchStatus()) }
        }
        var right: [String] = []
        if !state.filter.isEmpty { right.append("filter: " + state.filter.source) }
        if let l = state.loading, !l.finished { right.append("loading \(l.done)/\(l.total)") }
        if let c = state.checkProgress { right.append("checking… \(c.percent)%") }
        if !state.showEntities { right.append("entities off") }
        let rightText = right.joined(separator: " · ")
        let rw = min(Glyphs.width(rightText), grid.width / 2)
        grid.put(" " + Glyphs.clip(left.joined(separator: " · "), to: grid.width - rw - 3), x: 0, y: y,
                 limit: grid.width - rw - 1, style: style)
        if rw > 0 {
            grid.put(Glyphs.clip(rightText, to: rw), x: grid.width - rw - 1, y: y, style: CellStyle(.statusLine))
        }
    }

    mutating func drawHints() {
        let y = layout.hintRow
        grid.fill(y: y, style: CellStyle(.hint))
        switch state.mode {
        case .search(let input, _):
            let x = grid.put("/", x: 0, y: y, style: CellStyle(.hintKey))
            drawInput(input.text, x: x, y: y, error: nil)
        case .filter(let input, let error):
            let x = grid.put("filter: ", x: 0, y: y, style: CellStyle(.hintKey))
            drawInput(input.text, x: x, y: y, error: error?.position)
        case .picker:
            hintPairs([("type", "to narrow"), ("↑↓", "move"), ("Enter", "jump to first quote"), ("Esc", "cancel")], y: y)
        case .help:
            hintPairs([("j/k", "scroll"), ("Esc", "close")], y: y)
        case .normal:
            hintPairs(ActionTable.hints(for: state.focus).map { ($0.key, $0.name) }, y: y)
        }
    }

    mutating func hintPairs(_ pairs: [(String, String)], y: Int) {
        var x = 0
        for (k, name) in pairs {
            let w = Glyphs.width(k) + 1 + Glyphs.width(name) + 2
            if x + w > grid.width { break }
            x = grid.put(k, x: x, y: y, style: CellStyle(.hintKey))
            x = grid.put(" " + name + "  ", x: x, y: y, style: CellStyle(.hint))
        }
    }

    /// An input line, its end kept in view, with the character at `error` marked.
    mutating func drawInput(_ text: String, x: Int, y: Int, error: Int?) {
        let chars = Array(text)
        let room = grid.width - x - 1
        var start = 0
        var w = chars.reduce(0) { $0 + Glyphs.width(String($1)) }
        while w > room, start < chars.count { w -= Glyphs.width(String(chars[start])); start += 1 }
        var col = x
        for i in start..<chars.count {
            col = grid.put(String(chars[i]), x: col, y: y, style: CellStyle(i == error ? .error : .input))
        }
        if let e = error, e >= chars.count { grid.put(" ", x: col, y: y, style: CellStyle(.error)); col += 1 }
        grid.put("█", x: col, y: y, style: CellStyle(.input))
    }

    // MARK: - Overlays

    /// Draws a framed box and returns its inner rectangle.
    mutating func box(width: Int, height: Int, title: String) -> Rect {
        let w = min(width, grid.width), h = min(height, grid.height)
        let x0 = (grid.width - w) / 2, y0 = max(0, (grid.height - h) / 2)
        let style = CellStyle(.overlay)
        for y in y0..<(y0 + h) {
            grid.fill(y: y, from: x0, to: x0 + w, style: style)
            grid.put("│", x: x0, y: y, style: style)
            grid.put("│", x: x0 + w - 1, y: y, style: style)
        }
        let bar = String(repeating: "─", count: max(0, w - 2))
        grid.put("┌" + bar + "┐", x: x0, y: y0, style: style)
        grid.put("└" + bar + "┘", x: x0, y: y0 + h - 1, style: style)
        grid.put(" " + Glyphs.clip(title, to: w - 6) + " ", x: x0 + 2, y: y0, limit: x0 + w - 2, style: CellStyle(.overlayTitle))
        return Rect(x: x0 + 2, y: y0 + 1, width: w - 4, height: h - 2)
    }

    mutating func drawHelp(scroll: Int) {
        let specs = ActionTable.all
        let keyW = specs.map { Glyphs.width(ActionTable.keyLabel($0)) }.max() ?? 8
        let inner = box(width: min(grid.width - 2, 96), height: min(grid.height - 2, specs.count + 2),
                        title: "Keys · ? or Esc closes · j/k scroll")
        for k in 0..<inner.height {
            let i = scroll + k
            guard i < specs.count else { break }
            let spec = specs[i]
            let y = inner.y + k
            let x = grid.put(ActionTable.keyLabel(spec), x: inner.x, y: y, limit: inner.x + inner.width, style: CellStyle(.hintKey))
            let panes = spec.panes.count == Pane.allCases.count ? "" : " [\(ActionTable.paneLabel(spec))]"
            grid.put(spec.description + panes, x: max(x + 1, inner.x + keyW + 2), y: y, limit: inner.x + inner.width,
                     style: CellStyle(.overlay))
        }
    }

    mutating func drawPicker(_ p: SpeakerPicker) {
        let choices = state.pickerChoices(p)
        let inner = box(width: min(grid.width - 2, 56), height: min(grid.height - 2, state.pickerListHeight + 3),
                        title: "Speakers (\(choices.count))")
        let x = grid.put("speaker: ", x: inner.x, y: inner.y, limit: inner.x + inner.width, style: CellStyle(.hintKey))
        let end = grid.put(p.input.text, x: x, y: inner.y, limit: inner.x + inner.width - 1, style: CellStyle(.input))
        grid.put("█", x: end, y: inner.y, limit: inner.x + inner.width, style: CellStyle(.input))
        if choices.isEmpty {
            grid.put("no speaker matches", x: inner.x, y: inner.y + 1, limit: inner.x + inner.width, style: CellStyle(.notice))
        }
        for k in 0..<max(0, inner.height - 1) {
            let i = p.top + k
            guard i < choices.count else { break }
            let sel = i == p.cursor
            let y = inner.y + 1 + k
            let name = choices.name(i)
            let count = "\(choices.quoteCount(i))"
            grid.fill(y: y, from: inner.x, to: inner.x + inner.width, style: CellStyle(.overlay, selected: sel))
            grid.put(Glyphs.clip(name, to: inner.width - count.count - 2), x: inner.x, y: y, limit: inner.x + inner.width,
                     style: CellStyle(.speaker(SpeakerPalette.index(for: name)), selected: sel))
            grid.put(count, x: inner.x + inner.width - count.count, y: y, style: CellStyle(.meta, selected: sel))
        }
    }
}
