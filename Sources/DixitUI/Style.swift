import DixitKit

/// What a cell shows, independent of how a terminal draws it. The backend maps
/// each role to colours (256 or 8) or, without colour, to bold/underline/reverse.
public enum StyleRole: Hashable, Sendable {
    case text
    case title
    /// Dates, paths, counts.
    case meta
    /// Text that is not the article (dimmed).
    case boilerplate
    case entity(EntityType)
    case quote
    case currentQuote
    /// A speaker's name or margin bar; the number picks a stable palette colour.
    case speaker(Int)
    case border
    case paneTitle
    case paneTitleFocused
    case statusLine
    case hint
    case hintKey
    case input
    case error
    case notice
    /// The marker of the current article or quote.
    case marker
    case overlay
    case overlayTitle
}

/// How a quote mark-up applies to a cell of the reader.
public enum QuoteMark: Hashable, Sendable {
    case none, quote, current
}

/// The style of one cell: its role plus the state marks layered over it.
public struct CellStyle: Hashable, Sendable {
    public var role: StyleRole
    /// Part of the selected row of a list.
    public var selected: Bool
    /// Part of a search match.
    public var match: Bool
    /// Inside a quotation (entities inside quotes keep their entity role and carry this).
    public var quoted: QuoteMark

    public init(_ role: StyleRole, selected: Bool = false, match: Bool = false, quoted: QuoteMark = .none) {
        self.role = role
        self.selected = selected
        self.match = match
        self.quoted = quoted
    }

    /// Plain text.
    public static let text = CellStyle(.text)
}

/// Stable colours for speakers: the same name gets the same colour in every run
/// (FNV-1a of the folded name, not Swift's per-process seeded hash).
public enum SpeakerPalette {
    /// Number of speaker colours.
    public static let size = 6

    /// The palette entry of a speaker (case and accents ignored).
    public static func index(for speaker: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in TextFolding.fold(speaker).utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        return Int(h % UInt32(size))
    }
}
