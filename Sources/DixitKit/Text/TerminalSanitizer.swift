/// Makes article text safe to draw on a terminal.
///
/// No byte of an article reaches the terminal as a control: C0 and C1 controls,
/// ESC and DEL become visible Control Pictures or `�`; bidi overrides and
/// isolates become a visible marker; zero-width joiners and variation
/// selectors, whose widths terminals disagree on, are dropped; tabs expand.
public enum TerminalSanitizer {
    /// The replacement for one scalar: nil to drop it, else what to draw.
    public static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        switch v {
        case 0x09: return " "
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + v)!      // ␀…␟, ESC → ␛
        case 0x7F: return "\u{2421}"                                // ␡
        case 0x80...0x9F: return "\u{FFFD}"                         // C1 controls
        case 0x200D, 0xFE0E, 0xFE0F: return nil
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "\u{2E2E}" // ⸮ for bidi controls
        case 0x2028, 0x2029: return " "
        case 0xD800...0xDFFF: return "\u{FFFD}"
        default: return s
        }
    }

    /// Sanitised text (tabs become one space; callers that lay out text expand them).
    public static func sanitize(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        for s in string.unicodeScalars {
            if let r = replacement(for: s) { out.append(r) }
        }
        return String(out)
    }

    /// Sanitised text for plain line-by-line output: line feeds are kept, everything
    /// else as `sanitize` (a carriage return, which could overwrite a line, shows as ␍).
    public static func sanitizeKeepingLineFeeds(_ string: String) -> String {
        var out = String.UnicodeScalarView()
        for s in string.unicodeScalars {
            if s == "\n" { out.append(s) } else if let r = replacement(for: s) { out.append(r) }
        }
        return String(out)
    }

    /// Whether drawing `string` as is could send a control to the terminal.
    public static func isSafe(_ string: String) -> Bool {
        string.unicodeScalars.allSatisfy { replacement(for: $0) == $0 }
    }
}
