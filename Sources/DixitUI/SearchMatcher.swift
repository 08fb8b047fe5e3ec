import DixitKit

/// Finds a search pattern in drawn text, with smart case: a pattern with a
/// capital letter matches case (and accents) exactly; otherwise both are folded.
public enum SearchMatcher {
    /// Smart case: a pattern with a capital letter is matched exactly.
    public static func isCaseSensitive(_ pattern: String) -> Bool {
        pattern.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// Ranges of `pieces` (cells or glyph texts) that the pattern covers.
    public static func ranges(in pieces: [String], pattern: String) -> [Range<Int>] {
        guard !pattern.isEmpty else { return [] }
        let exact = isCaseSensitive(pattern)
        var hay: [Unicode.Scalar] = []
        var owner: [Int] = []
        for (i, p) in pieces.enumerated() where !p.isEmpty {
            let k = exact ? p : TextFolding.fold(p)
            for s in k.unicodeScalars { hay.append(s); owner.append(i) }
        }
        let needle = Array((exact ? pattern : TextFolding.fold(pattern)).unicodeScalars)
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
                out.append(owner[i]..<(owner[i + needle.count - 1] + 1))
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether `text` contains the pattern.
    public static func contains(_ text: String, pattern: String) -> Bool {
        guard !pattern.isEmpty else { return false }
        if isCaseSensitive(pattern) { return text.contains(pattern) }
        return TextFolding.fold(text).contains(TextFolding.fold(pattern))
    }

    /// `contains(_:pattern:)` for one pattern and many texts: the pattern's case is
    /// looked at, and the pattern folded, once.
    public static func matcher(_ pattern: String) -> (String) -> Bool {
        guard !pattern.isEmpty else { return { _ in false } }
        if isCaseSensitive(pattern) { return { $0.contains(pattern) } }
        let folded = TextFolding.fold(pattern)
        return { TextFolding.fold($0).contains(folded) }
    }
}
