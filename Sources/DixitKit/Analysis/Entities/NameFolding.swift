import Foundation

/// Fast case- and accent-insensitive keys for words and names, the same fold as
/// `TextFolding.fold` (and as `scripts/make-entity-lexicons.py`), but working
/// straight on scalar ranges: ASCII and Latin letters go through a table, only
/// other scripts fall back to Foundation.
enum NameFolding {
    /// Folded forms of U+00C0…U+024F, computed once.
    private static let latinTable: [String] = (0xC0...0x24F).map { v in
        guard let s = Unicode.Scalar(UInt32(v)) else { return "" }
        return TextFolding.fold(String(s))
    }

    /// Appends the folded form of one scalar to `out`.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s)
        } else if v >= 0xC0 && v <= 0x24F {
            out.append(contentsOf: latinTable[Int(v) - 0xC0].unicodeScalars)
        } else {
            out.append(contentsOf: TextFolding.fold(String(s)).unicodeScalars)
        }
    }

    /// The folded key of `scalars[range]`.
    static func fold(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        for i in range { append(scalars[i], to: &out) }
        return String(out)
    }

    /// The folded key of a string.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { append(c, to: &out) }
        return String(out)
    }
}
