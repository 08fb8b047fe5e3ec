/// Word-wraps short texts (list rows, quotes) to a width in columns.
public enum TextWrap {
    /// At most `maxLines` lines of at most `width` columns; a text that does not
    /// fit ends its last line with `…`.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var cur = "", curW = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = Glyphs.width(String(word))
            if curW > 0 && curW + 1 + w > width { lines.append(cur); cur = ""; curW = 0 }
            if w > width {
                // A word wider than the line is cut at column boundaries.
                for g in Glyphs.of(String(word)) {
                    if curW + g.width > width { lines.append(cur); cur = ""; curW = 0 }
                    cur += g.text
                    curW += g.width
                }
                continue
            }
            if curW > 0 { cur += " "; curW += 1 }
            cur += word
            curW += w
        }
        if !cur.isEmpty || lines.isEmpty { lines.append(cur) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = Glyphs.clip(kept[maxLines - 1] + " …", to: width)
        return kept
    }
}
