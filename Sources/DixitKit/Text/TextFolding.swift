import Foundation

/// Case- and accent-insensitive comparison keys (`États-Unis` → `etats-unis`).
public enum TextFolding {
    /// Folded forms of U+0000…U+024F (Latin scripts), computed once; other
    /// scalars go through Foundation's folding.
    private static let latinTable: [String.UnicodeScalarView] = (0..<0x250).map { v in
        let s = Unicode.Scalar(UInt32(v))!
        return slowFold(s)
    }

    private static func slowFold(_ ch: Unicode.Scalar) -> String.UnicodeScalarView {
        switch ch.value {
        case 0x2019, 0x2018, 0x02BC: return "'".unicodeScalars
        case 0x0153, 0x0152: return "oe".unicodeScalars
        case 0x00E6, 0x00C6: return "ae".unicodeScalars
        case 0x00DF: return "ss".unicodeScalars
        case 0x41...0x5A: return String(Unicode.Scalar(ch.value + 32)!).unicodeScalars
        case 0..<0x80: return String(ch).unicodeScalars
        default:
            return String(ch).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
        }
    }

    /// Lowercased, diacritics removed, ligatures expanded, curly apostrophes made straight.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars { append(ch, to: &out) }
        return String(out)
    }

    /// Folds the scalars of `text` in `span`.
    public static func fold(_ text: ScalarText, _ span: Span) -> String {
        var out = String.UnicodeScalarView()
        for i in span.range { append(text[i], to: &out) }
        return String(out)
    }

    @inline(__always)
    static func append(_ ch: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = ch.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : ch)
        } else if v < 0x250 {
            out.append(contentsOf: latinTable[Int(v)])
        } else {
            out.append(contentsOf: slowFold(ch))
        }
    }
}
