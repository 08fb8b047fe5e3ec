/// The reader's panes.
public enum Pane: String, CaseIterable, Hashable, Sendable {
    case list, reader, quotes

    /// The name shown in pane titles and tabs.
    public var title: String {
        switch self {
        case .list: return "Articles"
        case .reader: return "Reader"
        case .quotes: return "Quotes"
        }
    }
}

/// Everything a user can ask for with a key. The action table gives each its
/// keys, description and panes; dispatch, help and hints all come from it.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case nextPane, previousPane, paneLeft, paneRight
    case open
    case nextQuote, previousQuote, nextSpeakerQuote, previousSpeakerQuote, speakerPicker
    case toggleQuotesScope
    case search, searchNext, searchPrevious
    case filter, clearFilter
    case toggleEntities
    case help
    case quit
}

/// One row of the action table.
public struct ActionSpec: Hashable, Sendable {
    public var command: Command
    /// Short name for the hint bar.
    public var name: String
    public var description: String
    public var keys: [Key]
    /// Panes where the keys work; all panes when it holds every one.
    public var panes: Set<Pane>
    /// Shown in the hint bar of these panes.
    public var hinted: Bool

    public init(_ command: Command, _ name: String, _ description: String, keys: [Key],
                panes: Set<Pane> = Set(Pane.allCases), hinted: Bool = false) {
        self.command = command
        self.name = name
        self.description = description
        self.keys = keys
        self.panes = panes
        self.hinted = hinted
    }
}

/// The one table of actions and their default keys.
public enum ActionTable {
    /// Every action with its default keys, in the order the help lists them.
    public static let all: [ActionSpec] = [
        ActionSpec(.moveDown, "down", "Move down a row (in the reader: scroll a line)", keys: [.char("j"), .down]),
        ActionSpec(.moveUp, "up", "Move up a row (in the reader: scroll a line)", keys: [.char("k"), .up]),
        ActionSpec(.pageDown, "page down", "Move down a page", keys: [.pageDown, .char(" ")]),
        ActionSpec(.pageUp, "page up", "Move up a page", keys: [.pageUp]),
        ActionSpec(.halfPageDown, "half page down", "Move down half a page", keys: [.ctrl("d")]),
        ActionSpec(.halfPageUp, "half page up", "Move up half a page", keys: [.ctrl("u")]),
        ActionSpec(.top, "top", "Go to the first row", keys: [.char("g"), .home]),
        ActionSpec(.bottom, "bottom", "Go to the last row", keys: [.char("G"), .end]),
        ActionSpec(.nextPane, "next pane", "Focus the next pane", keys: [.tab], hinted: true),
        ActionSpec(.previousPane, "previous pane", "Focus the previous pane", keys: [.backTab]),
        ActionSpec(.paneLeft, "pane left", "Focus the pane on the left", keys: [.char("h"), .left]),
        ActionSpec(.paneRight, "pane right", "Focus the pane on the right", keys: [.char("l"), .right]),
        ActionSpec(.open, "open", "Open the article / jump to the quote in the reader", keys: [.enter],
                   panes: [.list, .quotes], hinted: true),
        ActionSpec(.nextQuote, "next quote", "Next quote in the article (shown in the reader)", keys: [.char("]")],
                   hinted: true),
        ActionSpec(.previousQuote, "prev quote", "Previous quote in the article", keys: [.char("[")]),
        ActionSpec(.nextSpeakerQuote, "same speaker", "Next quote by the same speaker, across the articles (or the filtered set)",
                   keys: [.char("}")], hinted: true),
        ActionSpec(.previousSpeakerQuote, "same speaker back", "Previous quote by the same speaker, across the articles",
                   keys: [.char("{")]),
        ActionSpec(.speakerPicker, "speakers", "Pick a speaker (type to narrow, Enter jumps to the first quote)",
                   keys: [.char("s")], hinted: true),
        ActionSpec(.toggleQuotesScope, "all quotes", "Quotes pane: this article's quotes / all quotes of the articles shown",
                   keys: [.char("a")], panes: [.quotes], hinted: true),
        ActionSpec(.search, "search", "Search (smart case; Enter keeps, Esc cancels; all quotes: searching…, match …/…)",
                   keys: [.char("/")], hinted: true),
        ActionSpec(.searchNext, "next match", "Next search match (wraps)", keys: [.char("n")]),
        ActionSpec(.searchPrevious, "prev match", "Previous search match (wraps)", keys: [.char("N")]),
        ActionSpec(.filter, "filter", "Filter articles, quotes and entities with a query (phrases: checking… N%)", keys: [.char("f")], hinted: true),
        ActionSpec(.clearFilter, "clear filter", "Clear the filter and the search", keys: [.char("F"), .escape]),
        ActionSpec(.toggleEntities, "entities", "Entity highlighting on/off (by type: people, organisations, places)",
                   keys: [.char("e")], panes: [.reader], hinted: true),
        ActionSpec(.help, "help", "Show all keys", keys: [.char("?")], hinted: true),
        ActionSpec(.quit, "quit", "Quit", keys: [.char("q")], hinted: true),
    ]

    /// The table row of a command.
    public static func spec(_ command: Command) -> ActionSpec {
        all.first { $0.command == command }!
    }

    /// The command a key runs in a pane, if any.
    public static func command(for key: Key, in pane: Pane) -> Command? {
        all.first { $0.panes.contains(pane) && $0.keys.contains(key) }?.command
    }

    /// `j/↓` style key list.
    public static func keyLabel(_ spec: ActionSpec) -> String {
        spec.keys.map(\.label).joined(separator: " ")
    }

    /// Hint bar entries (`key name`) for a pane.
    public static func hints(for pane: Pane) -> [(key: String, name: String)] {
        all.filter { $0.hinted && $0.panes.contains(pane) }.map { ($0.keys[0].label, $0.name) }
    }

    /// `all`, or the panes an action works in (`reader, quotes`).
    public static func paneLabel(_ spec: ActionSpec) -> String {
        spec.panes.count == Pane.allCases.count ? "all"
            : Pane.allCases.filter { spec.panes.contains($0) }.map { $0.title.lowercased() }.joined(separator: ", ")
    }

    /// The key table as plain text (for `--help` and `dixit read --keys`).
    public static func plainText() -> String {
        let keyWidth = all.map { Glyphs.width(keyLabel($0)) }.max() ?? 10
        return all.map { spec in
            let k = keyLabel(spec)
            let pad = String(repeating: " ", count: keyWidth - Glyphs.width(k) + 2)
            let panes = spec.panes.count == Pane.allCases.count ? "" : "  [\(paneLabel(spec))]"
            return "  " + k + pad + spec.description + panes
        }.joined(separator: "\n")
    }

    /// The key table in Markdown (for the README).
    public static func markdown() -> String {
        var s = "| Keys | Action | Panes |\n|---|---|---|\n"
        for spec in all {
            let keys = spec.keys.map { "`\($0.label == "`" ? "` ` `" : $0.label)`" }.joined(separator: " ")
            s += "| \(keys) | \(spec.description) | \(paneLabel(spec)) |\n"
        }
        return s
    }
}
