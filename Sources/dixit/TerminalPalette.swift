import CNcursesw
import DixitKit
import DixitUI
import Foundation

/// Maps style roles to curses colour pairs and attributes: 256 colours when the
/// terminal has them, 8 otherwise, and only bold/underline/reverse/dim with
/// NO_COLOR or on a monochrome terminal.
struct TerminalPalette {
    enum Depth { case none, eight, full }
    let depth: Depth
    /// Whether the selection has its own background pairs (else it is drawn reversed).
    let selectionPairs: Bool

    static let roles: [StyleRole] = [
        .text, .title, .meta, .boilerplate, .entity(.person), .entity(.organisation), .entity(.location),
        .entity(.misc), .quote, .currentQuote, .border, .paneTitle, .paneTitleFocused, .statusLine, .hint,
        .hintKey, .input, .error, .notice, .marker, .overlay, .overlayTitle,
    ] + (0..<SpeakerPalette.size).map { StyleRole.speaker($0) }

    static func start() -> TerminalPalette {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        guard !noColor, has_colors() else { return TerminalPalette(depth: .none, selectionPairs: false) }
        start_color()
        use_default_colors()
        let depth: Depth = dixit_colors() >= 256 ? .full : .eight
        let needed = 2 * roles.count + 2
        let p = TerminalPalette(depth: depth, selectionPairs: Int(dixit_color_pairs()) > needed)
        p.definePairs()
        return p
    }

    /// (foreground, background) for a role; -1 is the terminal's default.
    func colours(_ role: StyleRole) -> (Int16, Int16) {
        let full = depth == .full
        switch role {
        case .text, .input: return (-1, -1)
        case .title: return (full ? 231 : 7, -1)
        case .meta: return (full ? 245 : 6, -1)
        case .boilerplate: return (full ? 241 : 7, -1)
        case .entity(.person): return (full ? 214 : 3, -1)
        case .entity(.organisation): return (full ? 81 : 6, -1)
        case .entity(.location): return (full ? 114 : 2, -1)
        case .entity(.misc): return (full ? 177 : 5, -1)
        case .quote: return (full ? 223 : 7, -1)
        case .currentQuote: return (full ? 16 : 0, full ? 223 : 3)
        case .speaker(let i):
            let p: [Int16] = full ? [204, 141, 75, 179, 42, 209] : [1, 5, 4, 3, 2, 6]
            return (p[i % p.count], -1)
        case .border: return (full ? 240 : 4, -1)
        case .paneTitle: return (full ? 250 : 7, full ? 236 : 4)
        case .paneTitleFocused: return (full ? 16 : 0, full ? 75 : 6)
        case .statusLine: return (full ? 252 : 7, full ? 238 : 4)
        case .hint: return (full ? 246 : 7, -1)
        case .hintKey: return (full ? 75 : 6, -1)
        case .error: return (full ? 196 : 1, -1)
        case .notice: return (full ? 180 : 3, -1)
        case .marker: return (full ? 214 : 3, -1)
        case .overlay: return (full ? 252 : 7, full ? 235 : 4)
        case .overlayTitle: return (full ? 75 : 6, full ? 235 : 4)
        }
    }

    private func index(_ role: StyleRole) -> Int { Self.roles.firstIndex(of: role) ?? 0 }

    private func definePairs() {
        let selectBg: Int16 = depth == .full ? 237 : 4
        for (i, role) in Self.roles.enumerated() {
            let (fg, bg) = colours(role)
            init_pair(Int16(i + 1), fg, bg)
            if selectionPairs { init_pair(Int16(Self.roles.count + i + 1), fg, bg == -1 ? selectBg : bg) }
        }
        let match = Int16(2 * Self.roles.count + 1)
        init_pair(match, 0, depth == .full ? 220 : 3)
    }

    func pair(_ style: CellStyle) -> Int16 {
        guard depth != .none else { return 0 }
        if style.match { return Int16(2 * Self.roles.count + 1) }
        let i = index(style.role)
        if style.selected && selectionPairs { return Int16(Self.roles.count + i + 1) }
        return Int16(i + 1)
    }

    func attributes(_ style: CellStyle) -> attr_t {
        var a = dixit_a_normal()
        if depth == .none {
            switch style.role {
            case .title, .hintKey, .marker, .overlayTitle, .speaker: a |= dixit_a_bold()
            case .entity(.person): a |= dixit_a_bold()
            case .entity(.organisation): a |= dixit_a_underline()
            case .entity(.location): a |= dixit_a_bold() | dixit_a_underline()
            case .entity(.misc): a |= dixit_a_italic()
            case .quote: a |= dixit_a_italic()
            case .currentQuote: a |= dixit_a_reverse()
            case .boilerplate, .meta, .border, .hint: a |= dixit_a_dim()
            case .paneTitle: a |= dixit_a_underline()
            case .paneTitleFocused, .statusLine: a |= dixit_a_reverse()
            case .error: a |= dixit_a_bold() | dixit_a_reverse()
            case .text, .input, .notice, .overlay: break
            }
            if style.quoted == .current, case .entity = style.role { a |= dixit_a_reverse() }
            if style.selected { a ^= dixit_a_reverse() }
            if style.match { a |= dixit_a_standout() | dixit_a_underline() }
            return a
        }
        switch style.role {
        case .title, .hintKey, .marker, .overlayTitle, .paneTitleFocused, .error, .currentQuote: a |= dixit_a_bold()
        case .speaker: a |= dixit_a_bold()
        default: break
        }
        if case .entity = style.role, style.quoted != .none {
            a |= dixit_a_underline()
            if style.quoted == .current { a |= dixit_a_bold() }
        }
        if style.selected && !selectionPairs { a |= dixit_a_reverse() }
        return a
    }
}
