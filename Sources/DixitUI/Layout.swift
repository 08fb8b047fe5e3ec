/// A rectangle of the screen.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    /// Whether a screen position is inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}

/// Where each part of the screen goes for a terminal size.
///
/// Wide terminals show the three panes side by side; narrow ones show one pane
/// at a time under a tab bar; below `minimum` a "terminal too small" notice.
public struct Layout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case wide, tabbed, tooSmall }

    /// Below this size the screen only says it is too small.
    public static let minimum = Size(width: 30, height: 8)
    /// From this width on, the three panes sit side by side.
    public static let wideFrom = 100

    public var kind: Kind
    /// Each shown pane's rectangle; its first row is the pane's title (or the tab bar).
    public var panes: [Pane: Rect]
    /// The status line's row.
    public var statusRow: Int
    /// The hint (or input) line's row.
    public var hintRow: Int
    public var size: Size

    /// The layout for a size; in the tabbed layout the focused pane is the one shown.
    public static func compute(_ size: Size, focus: Pane) -> Layout {
        let w = size.width, h = size.height
        guard w >= minimum.width, h >= minimum.height else {
            return Layout(kind: .tooSmall, panes: [:], statusRow: -1, hintRow: -1, size: size)
        }
        let body = h - 2
        if w >= wideFrom {
            let listW = max(24, w * 26 / 100)
            let quotesW = max(26, w * 28 / 100)
            let readerW = w - listW - quotesW - 2
            return Layout(kind: .wide, panes: [
                .list: Rect(x: 0, y: 0, width: listW, height: body),
                .reader: Rect(x: listW + 1, y: 0, width: readerW, height: body),
                .quotes: Rect(x: listW + readerW + 2, y: 0, width: quotesW, height: body),
            ], statusRow: h - 2, hintRow: h - 1, size: size)
        }
        return Layout(kind: .tabbed, panes: [focus: Rect(x: 0, y: 0, width: w, height: body)],
                      statusRow: h - 2, hintRow: h - 1, size: size)
    }

    /// The rows of a pane below its title.
    public func content(_ pane: Pane) -> Rect? {
        guard let r = panes[pane] else { return nil }
        return Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1)
    }

    /// The pane at a screen position (for the mouse).
    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }

    /// Content size a pane has (also for panes hidden under a tab), for scrolling.
    public static func contentSize(_ pane: Pane, in size: Size) -> Size {
        let l = compute(size, focus: pane)
        guard let r = l.content(pane) else { return Size(width: 0, height: 0) }
        return Size(width: r.width, height: r.height)
    }
}
