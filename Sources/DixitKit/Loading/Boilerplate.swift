/// Lines that are not the article's text: links to other articles, share
/// prompts, subscription calls, copyright footers.
public enum Boilerplate {
    /// Folded line starts that mark a whole line as boilerplate.
    static let prefixes: [String] = [
        "lire la suite", "lire aussi", "a lire aussi", "a lire egalement", "lire egalement", "voir aussi",
        "afficher plus", "afficher moins", "en savoir plus", "read more", "read also", "see also",
        "related:", "related articles", "related stories", "more:", "share this", "share on",
        "partager", "partagez", "suivez-nous", "suivez nous", "abonnez-vous", "inscrivez-vous",
        "subscribe", "sign up for", "follow us", "click here", "cliquez ici", "publicite", "advertisement",
        "©", "(c) ", "copyright", "tous droits reserves", "all rights reserved", "newsletter",
        "recevez notre newsletter", "toute reproduction", "this article was", "cet article a ete",
        "regarder aussi", "ecouter aussi", "watch:", "video:", "photo:", "image:", "credit:",
        "map:", "carte :", "carte:", "graphic:", "infographie", "[read", "[lire", "[watch", "[see",
    ]
    /// Folded line endings of credit lines (`Jane Doe contributed to this report.`).
    static let suffixes: [String] = [
        "contributed to this report.", "contributed reporting.", "a contribue a cet article.",
        "avec afp", "(avec afp)", "avec reuters", "(avec reuters)",
    ]
    /// Prefixes that are boilerplate only on a short line (else they start a sentence).
    static let shortOnly: Set<String> = ["partager", "partagez", "subscribe", "newsletter", "copyright"]
    /// Folded whole lines that are boilerplate alone.
    static let wholeLines: Set<String> = [
        "facebook", "twitter", "linkedin", "whatsapp", "email", "e-mail", "imprimer", "print",
        "partager", "share", "commenter", "comments", "commentaires", "publicite", "advertisement",
        "afficher plus", "read more", "lire plus", "voir plus", "tweet", "pinterest", "reddit",
    ]

    /// Whether the (trimmed) line at `span` is boilerplate. Only a line's ends
    /// matter, so a 10 MB line costs no more than a short one.
    public static func isBoilerplate(_ text: ScalarText, _ span: Span) -> Bool {
        if span.length <= 120 {
            // The line's scalars folded straight from the text: the same bytes as
            // `isBoilerplate(text[span])` folds, without making the string.
            var folded: [UInt8] = []
            folded.reserveCapacity(span.length * 2)
            for i in span.range { TextFolding.append(text[i], to: &folded) }
            return isBoilerplate(folded: folded, whole: true)
        }
        // Long lines: only a prefix can make them boilerplate. Bytes rule most out; the
        // string comparison decides for the few that begin like a prefix.
        var head: [UInt8] = []
        head.reserveCapacity(80)
        for i in span.start..<min(span.end, span.start + 40) { TextFolding.append(text[i], to: &head) }
        guard let b = head.first,
              prefixesByFirstByte[Int(b)].contains(where: { !prefixBytes[$0].shortOnly && head.starts(with: prefixBytes[$0].bytes) })
        else { return false }
        let string = String(decoding: head, as: UTF8.self)
        return prefixes.contains { string.hasPrefix($0) && !shortOnly.contains($0) }
    }

    /// The same lists as UTF-8 bytes, so that most lines are ruled out without building strings.
    private static let prefixBytes: [(bytes: [UInt8], shortOnly: Bool)] = prefixes.map { (Array($0.utf8), shortOnly.contains($0)) }
    private static let suffixBytes: [[UInt8]] = suffixes.map { Array($0.utf8) }
    private static let wholeLineBytes: [[UInt8]] = wholeLines.map { Array($0.utf8) }
    /// For each byte, the indices in `prefixBytes` (in order) of the prefixes that begin with it:
    /// a line is compared only with the few prefixes that begin as it does.
    private static let prefixesByFirstByte: [[Int]] = (0..<256).map { b in
        prefixBytes.indices.filter { prefixBytes[$0].bytes.first == UInt8(b) }
    }
    /// The same for `wholeLineBytes`.
    private static let wholeLinesByFirstByte: [[[UInt8]]] = (0..<256).map { b in
        wholeLineBytes.filter { $0.first == UInt8(b) }
    }

    /// Whether a (trimmed) line is boilerplate.
    public static func isBoilerplate(_ line: String) -> Bool {
        // Only a line's ends can match: fold no more than that (a line may be megabytes).
        let limit = 300
        var folded: [UInt8] = []
        folded.reserveCapacity(min(line.utf8.count, limit * 2))
        var scalars = 0
        for ch in line.unicodeScalars {
            if scalars == limit { break }
            TextFolding.append(ch, to: &folded)
            scalars += 1
        }
        let whole = scalars < limit || line.unicodeScalars.count <= limit
        return isBoilerplate(folded: folded, whole: whole)
    }

    /// Whether a line is boilerplate, from its folded UTF-8 (whole, or only its first scalars).
    private static func isBoilerplate(folded: [UInt8], whole: Bool) -> Bool {
        // Character counts (what the thresholds below mean) only for the few lines that match.
        func characters() -> Int { String(decoding: folded, as: UTF8.self).count }
        guard let firstByte = folded.first else { return false }
        if whole, wholeLinesByFirstByte[Int(firstByte)].contains(where: { folded.starts(with: $0) }),
           wholeLines.contains(String(decoding: folded, as: UTF8.self).trimmingTrailingPunctuation) { return true }
        // A whole line in brackets is a link to another article.
        if whole, folded.first == 0x5B, folded.last == 0x5D, !folded.dropFirst().contains(0x5B) { return true }
        if whole { for suffix in suffixBytes where folded.ends(with: suffix) && characters() < 120 { return true } }
        for index in prefixesByFirstByte[Int(firstByte)] where folded.starts(with: prefixBytes[index].bytes) {
            let p = prefixBytes[index]
            // "Partager" as a verb in a sentence is text: only short lines or prompts count.
            if p.shortOnly {
                return characters() < 60
            }
            return true
        }
        return false
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

extension String {
    var trimmingTrailingPunctuation: String {
        // One backward walk: dropLast() in a loop is quadratic on a line of 100,000 quote marks.
        guard let last = lastIndex(where: { !($0.isPunctuation || $0.isWhitespace) }) else { return "" }
        return String(self[...last])
    }
}
