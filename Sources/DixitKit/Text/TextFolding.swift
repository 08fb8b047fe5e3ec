import Foundation

/// Case- and accent-insensitive comparison keys (`États-Unis` → `etats-unis`).
public enum TextFolding {
    /// Folded forms (as UTF-8) of U+0000…U+024F (Latin scripts) and of U+2000…U+206F (general
    /// punctuation: dashes, curly quotes), computed once; other scalars go through Foundation's folding.
    private static let latinTable: [[UInt8]] = (0..<0x250).map { v in
        Array(String(slowFold(Unicode.Scalar(UInt32(v))!)).utf8)
    }
    private static let punctuationTable: [[UInt8]] = (0x2000..<0x2070).map { v in
        Array(String(slowFold(Unicode.Scalar(UInt32(v))!)).utf8)
    }

    private static func slowFold(_ ch: Unicode.Scalar) -> String.UnicodeScalarView {
        switch ch.value {
        case 0x2019, 0x2018, 0x02BC: return "'".unicodeScalars
        case 0x0153, 0x0152: return "oe".unicodeScalars
        case 0x00E6, 0x00C6: return "ae".unicodeScalars
        case 0x00DF: return "ss".unicodeScalars
        // Combining diacritics: decomposed text (NFD: `e` + U+0301) folds as composed does.
        case 0x0300...0x036F: return "".unicodeScalars
        case 0x41...0x5A: return String(Unicode.Scalar(ch.value + 32)!).unicodeScalars
        case 0..<0x80: return String(ch).unicodeScalars
        default:
            return String(ch).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
        }
    }

    /// Lowercased, diacritics removed, ligatures expanded, curly apostrophes made straight.
    public static func fold(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars { append(ch, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds the scalars of `text` in `span`.
    public static func fold(_ text: ScalarText, _ span: Span) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(span.length)
        for i in span.range { append(text[i], to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the folded UTF-8 of one scalar.
    @inline(__always)
    static func append(_ ch: Unicode.Scalar, to out: inout [UInt8]) {
        let v = ch.value
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
        } else if v < 0x250 {
            out.append(contentsOf: latinTable[Int(v)])
        } else if v >= 0x2000 && v < 0x2070 {
            out.append(contentsOf: punctuationTable[Int(v) - 0x2000])
        } else {
            out.append(contentsOf: String(slowFold(ch)).utf8)
        }
    }
}
