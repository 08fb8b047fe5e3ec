import DixitKit

/// One wrapped line of the reader.
public struct ReaderLine: Hashable, Sendable {
    public var glyphs: [Glyph] = []
    public var styles: [CellStyle] = []
    /// A speaker's name for the margin (on the line where their quote starts).
    public var label: String?
    public var labelStyle = CellStyle(.text)
    /// The margin bar beside lines that hold quoted text.
    public var gutter: CellStyle?
    /// Quotes with text on this line.
    public var quotes: [Int] = []

    public var text: String { glyphs.map(\.text).joined() }
}

/// An article laid out for a width: wrapped lines with every cell's style.
/// Each scalar of the article is sanitised on its way into a glyph.
public struct ReaderDocument: Hashable, Sendable {
    public var lines: [ReaderLine]
    /// First line of each quote.
    public var quoteLines: [Int: Int]
    /// Columns before the text for speaker names (0 on narrow panes).
    public var marginWidth: Int

    /// Lays out `a` for a pane `width` columns wide.
    /// - Parameters:
    ///   - entityShown: which entities to highlight (by index), when `showEntities` is on.
    public static func build(_ a: AnalyzedArticle, width: Int, currentQuote: Int?, showEntities: Bool,
                             entityShown: (Int) -> Bool = { _ in true }) -> ReaderDocument {
        let margin = width >= 44 && !a.quotes.isEmpty ? min(18, width / 4) : 0
        let textWidth = max(1, width - margin)
        let art = a.article
        let n = art.text.count
        var entityAt = [Int32](repeating: -1, count: n)
        var quoteAt = [Int32](repeating: -1, count: n)
        if showEntities {
            for (i, e) in a.entities.enumerated() where entityShown(i) {
                for o in Self.offsets(e.span, within: n) { entityAt[o] = Int32(i) }
            }
        }
        // Quotes nest (a partial quote inside an indirect one): the inner one marks its
        // cells, except that the current quote is marked whole, over those inside it.
        let order = a.quotes.indices.filter { $0 != currentQuote } + (currentQuote.map { a.quotes.indices.contains($0) ? [$0] : [] } ?? [])
        for i in order {
            let q = a.quotes[i]
            for o in Self.offsets(q.span, within: n) { quoteAt[o] = Int32(i) }
        }

        var doc = ReaderDocument(lines: [], quoteLines: [:], marginWidth: margin)
        let speakers = Set(a.quotes.compactMap { $0.speaker.map(TextFolding.fold) }).count
        var meta = [art.date?.iso, art.language, fileName(art.path),
                    "\(a.quotes.count) quote\(a.quotes.count == 1 ? "" : "s")",
                    "\(speakers) speaker\(speakers == 1 ? "" : "s")"].compactMap { $0 }.joined(separator: " · ")
        if art.encoding != .utf8 { meta += " · " + art.encoding.rawValue }

        var first = true
        var wroteTitle = false
        for p in art.paragraphs {
            let role: StyleRole
            switch p.role {
            case .titleFragment: continue
            case .title, .heading: role = .title
            case .dateline, .byline: role = .meta
            case .body: role = .text
            case .boilerplate: role = .boilerplate
            }
            if !first { doc.lines.append(ReaderLine()) }
            first = false
            var glyphs: [Glyph] = []
            var styles: [CellStyle] = []
            for o in Self.offsets(p.span, within: n) {
                let before = glyphs.count
                Glyphs.append(art.text[o], offset: o, to: &glyphs)
                guard glyphs.count > before else { continue }
                let e = Int(entityAt[o]), q = Int(quoteAt[o])
                let mark: QuoteMark = q < 0 ? .none : (q == currentQuote ? .current : .quote)
                var r = role
                if e >= 0 { r = .entity(a.entities[e].type) }
                else if q >= 0 { r = mark == .current ? .currentQuote : .quote }
                styles.append(CellStyle(r, quoted: mark))
            }
            doc.appendWrapped(glyphs, styles, width: textWidth, quoteAt: quoteAt, quotes: a.quotes, currentQuote: currentQuote)
            if p.role == .title && !wroteTitle {
                wroteTitle = true
                doc.appendWrapped(Glyphs.of(meta), Array(repeating: CellStyle(.meta), count: Glyphs.of(meta).count),
                                  width: textWidth, quoteAt: quoteAt, quotes: a.quotes, currentQuote: currentQuote)
            }
        }
        if art.paragraphs.isEmpty {
            let g = Glyphs.of("(empty article) · " + meta)
            doc.appendWrapped(g, Array(repeating: CellStyle(.meta), count: g.count), width: textWidth,
                              quoteAt: quoteAt, quotes: a.quotes, currentQuote: currentQuote)
        }
        doc.spreadLabels()
        return doc
    }

    /// Word-wraps each speaker label down the margin beside its quote's lines.
    private mutating func spreadLabels() {
        let room = marginWidth - 2
        guard room > 0 else { return }
        for i in lines.indices {
            guard let label = lines[i].label else { continue }
            var pieces: [String] = []
            var cur = ""
            for word in label.split(separator: " ") {
                let candidate = cur.isEmpty ? String(word) : cur + " " + word
                if Glyphs.width(candidate) <= room || cur.isEmpty { cur = candidate } else { pieces.append(cur); cur = String(word) }
            }
            if !cur.isEmpty { pieces.append(cur) }
            lines[i].label = pieces.first
            var j = i + 1
            for piece in pieces.dropFirst() {
                guard j < lines.count, lines[j].label == nil, lines[j].gutter != nil else {
                    // No more room beside the quote: the last piece shown says it goes on.
                    let k = j - 1
                    lines[k].label = Glyphs.clip((lines[k].label ?? "") + " …", to: room)
                    break
                }
                lines[j].label = piece
                lines[j].labelStyle = lines[i].labelStyle
                j += 1
            }
        }
    }

    /// The offsets of a span that lie in a text of `n` scalars (spans from elsewhere may not).
    static func offsets(_ span: Span, within n: Int) -> Range<Int> {
        let lo = min(max(0, span.start), n)
        return lo..<max(lo, min(span.end, n))
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Word-wraps one paragraph, breaking at spaces, and cutting words longer than the width.
    private mutating func appendWrapped(_ glyphs: [Glyph], _ styles: [CellStyle], width: Int,
                                        quoteAt: [Int32], quotes: [Quote], currentQuote: Int?) {
        var ranges: [Range<Int>] = []
        var start = 0, col = 0, lastSpace = -1, i = 0
        while i < glyphs.count {
            let g = glyphs[i]
            if col + g.width > width {
                if g.text == " " {
                    ranges.append(start..<i); start = i + 1; col = 0; lastSpace = -1; i += 1; continue
                }
                if lastSpace > start {
                    ranges.append(start..<lastSpace)
                    start = lastSpace + 1
                    col = glyphs[start..<i].reduce(0) { $0 + $1.width }
                    lastSpace = -1
                    continue
                }
                if i > start {
                    ranges.append(start..<i); start = i; col = 0; lastSpace = -1; continue
                }
                // A glyph wider than the whole line: alone on its line.
                ranges.append(i..<(i + 1)); start = i + 1; col = 0; i += 1; continue
            }
            if g.text == " " { lastSpace = i }
            col += g.width
            i += 1
        }
        if start < glyphs.count || ranges.isEmpty { ranges.append(start..<glyphs.count) }

        for r in ranges {
            var line = ReaderLine(glyphs: Array(glyphs[r]), styles: Array(styles[r]))
            var seen: [Int] = []
            for g in line.glyphs where g.offset >= 0 && g.offset < quoteAt.count {
                let q = Int(quoteAt[g.offset])
                if q >= 0 && !seen.contains(q) { seen.append(q) }
            }
            line.quotes = seen
            for q in seen where quoteLines[q] == nil {
                quoteLines[q] = lines.count
                // A quote inside another of the same speaker, already named above, gets no second label.
                let sameSpeakerAbove = seen.contains { p in
                    p != q && quoteLines[p].map { $0 < lines.count } == true && quotes[p].speaker == quotes[q].speaker
                }
                if line.label == nil && !sameSpeakerAbove {
                    let name = quotes[q].speaker ?? "?"
                    line.label = name
                    line.labelStyle = CellStyle(.speaker(SpeakerPalette.index(for: name)),
                                                quoted: q == currentQuote ? .current : .quote)
                }
            }
            if let q = seen.first {
                let isCurrent = seen.contains { $0 == currentQuote }
                line.gutter = isCurrent ? CellStyle(.currentQuote, quoted: .current)
                    : CellStyle(.speaker(SpeakerPalette.index(for: quotes[q].speaker ?? "?")), quoted: .quote)
            }
            lines.append(line)
        }
    }
}
