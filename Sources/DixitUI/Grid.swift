import DixitKit

/// One terminal cell: a character (a base scalar and its combining marks) and a style.
/// A double-width character fills its cell and leaves the next one empty (`text == ""`).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .text) {
        self.text = text
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(" ")
    /// Whether this cell is the right half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }
}

/// The size of a terminal or of a region, in columns and rows.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A screen as a grid of cells: what `render` produces and the backend draws.
/// Text enters only through `put`, which sanitises it and clips at column boundaries.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row after row, `width` cells each.
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        width = size.width
        height = size.height
        cells = Array(repeating: fill, count: width * height)
    }

    /// The grid's size.
    public var size: Size { Size(width: width, height: height) }

    /// The cell at column `x` of row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The rows as text (wide characters once, trailing spaces trimmed).
    public var lines: [String] {
        (0..<height).map { line($0) }
    }

    /// Row `y` as text, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Sets one cell, keeping double-width characters whole.
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell, width w: Int = 1) {
        guard y >= 0, y < height, x >= 0, x + w <= width else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1].text = " " }
        let after = x + w
        if after < width, cells[i + w].isContinuation { cells[i + w].text = " " }
        cells[i] = cell
        if w == 2 { cells[i + 1] = Cell("", cell.style) }
    }

    /// Writes `text` from column `x` of row `y`, never past column `limit` (exclusive).
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: CellStyle = .text) -> Int {
        let end = min(limit ?? width, width)
        var col = x
        for g in Glyphs.of(text) {
            if col + g.width > end {
                if g.width == 2 && col < end { set(col, y, Cell(" ", style)); col += 1 }
                break
            }
            if col >= 0 { set(col, y, Cell(g.text, style), width: g.width) }
            col += g.width
        }
        return col
    }

    /// Writes glyphs prepared elsewhere (the reader's wrapped lines).
    @discardableResult
    public mutating func put(glyphs: [Glyph], styles: [CellStyle], x: Int, y: Int, limit: Int) -> Int {
        var col = x
        for (g, s) in zip(glyphs, styles) {
            if col + g.width > limit { break }
            set(col, y, Cell(g.text, s), width: g.width)
            col += g.width
        }
        return col
    }

    /// Fills columns `from..<to` of row `y` with blanks in `style`.
    public mutating func fill(y: Int, from: Int = 0, to: Int? = nil, style: CellStyle = .text) {
        let end = min(to ?? width, width)
        guard y >= 0, y < height, from < end else { return }
        for x in max(0, from)..<end { set(x, y, Cell(" ", style)) }
    }

    /// Changes the style of existing cells (keeps their text).
    public mutating func restyle(y: Int, from: Int, to: Int, _ change: (inout CellStyle) -> Void) {
        let lo = max(0, from), hi = min(to, width)
        guard y >= 0, y < height, lo < hi else { return }
        for x in lo..<hi { change(&cells[y * width + x].style) }
    }
}

/// A character as drawn: sanitised text and its width in columns (1 or 2).
public struct Glyph: Hashable, Sendable {
    public var text: String
    public var width: Int
    /// Scalar offset of its base in the article (reader text), or -1.
    public var offset: Int

    public init(text: String, width: Int, offset: Int = -1) {
        self.text = text
        self.width = width
        self.offset = offset
    }
}

/// Cuts text into drawable glyphs. Every scalar goes through `TerminalSanitizer`;
/// zero-width scalars join the glyph before them.
public enum Glyphs {
    /// The glyphs of a text, sanitised.
    public static func of(_ text: String) -> [Glyph] {
        var out: [Glyph] = []
        for s in text.unicodeScalars { append(s, offset: -1, to: &out) }
        return out
    }

    /// Adds one scalar of text at `offset` to a glyph list.
    public static func append(_ scalar: Unicode.Scalar, offset: Int, to out: inout [Glyph]) {
        guard let r = TerminalSanitizer.replacement(for: scalar) else { return }
        let w = DisplayWidth.of(r)
        if w == 0 {
            if !out.isEmpty { out[out.count - 1].text.unicodeScalars.append(r) }
            return
        }
        out.append(Glyph(text: String(r), width: w, offset: offset))
    }

    /// Columns of a string as drawn.
    public static func width(_ text: String) -> Int {
        of(text).reduce(0) { $0 + $1.width }
    }

    /// `text` cut to `width` columns, with `…` when cut.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let gs = of(text)
        let total = gs.reduce(0) { $0 + $1.width }
        if total <= width { return gs.map(\.text).joined() }
        var out = "", w = 0
        for g in gs {
            if w + g.width > width - 1 { break }
            out += g.text
            w += g.width
        }
        return out + "…"
    }
}
