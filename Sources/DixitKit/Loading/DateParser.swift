/// Finds dates written the way news sites write them, in French and English.
///
/// `date 2022-09`, `Mardi 05 Avril 2022 16:43`, `5 avril 2022`, `1er avril 2022 à 16h43`,
/// `April 5, 2022`, `5 April 2022`, `2022-04-05`, `2022-04-05T16:43:00Z`.
public enum DateParser {
    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    ]
    static let weekdays: Set<String> = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    /// Words that may stand in a date line without making it something else.
    static let fillers: Set<String> = [
        "le", "a", "at", "on", "the", "of", "publie", "published", "mis", "jour", "updated", "update",
        "modifie", "er", "h", "am", "pm", "utc", "gmt", "cet", "cest", "et", "edt", "est", "pst", "pdt",
        "z", "t", "date", "par", "by", "heure", "heures",
    ]

    private struct Piece {
        var text: String       // folded
        var isNumber: Bool
        var value: Int
    }

    /// Splits into alphanumeric pieces; `16:43` and `16h43` give two numbers.
    private static func pieces(_ s: String) -> [Piece] {
        var out: [Piece] = []
        var cur = ""
        func flush() {
            guard !cur.isEmpty else { return }
            let folded = TextFolding.fold(cur)
            if let v = Int(folded), folded.count <= 4 {
                out.append(Piece(text: folded, isNumber: true, value: v))
            } else if folded.hasSuffix("z"), let v = Int(folded.dropLast()) {
                out.append(Piece(text: String(v), isNumber: true, value: v)) // 00Z: seconds in UTC
            } else if folded.hasSuffix("er"), let v = Int(folded.dropLast(2)), v == 1 {
                out.append(Piece(text: folded, isNumber: true, value: v)) // 1er
            } else if let idx = folded.firstIndex(of: "h"), let h = Int(folded[..<idx]),
                      let m = Int(folded[folded.index(after: idx)...]) {
                out.append(Piece(text: String(h), isNumber: true, value: h))
                out.append(Piece(text: String(m), isNumber: true, value: m))
                out.append(Piece(text: ":", isNumber: false, value: 0))
            } else {
                out.append(Piece(text: folded, isNumber: false, value: 0))
            }
            cur = ""
        }
        // Below U+0300 every scalar is a character of its own (no combining mark; a line holds
        // no CR LF), and a character's `isLetter` and `isNumber` are its scalar's: the scalars
        // are read as they are, without breaking the line into characters.
        if s.unicodeScalars.allSatisfy({ $0.value < 0x300 && $0.value != 0x0D }) {
            let sc = Array(s.unicodeScalars)
            @inline(__always) func isNumber(_ c: Unicode.Scalar) -> Bool {
                c.value < 0x80 ? c.value >= 0x30 && c.value <= 0x39 : c.properties.numericType != nil
            }
            for (k, c) in sc.enumerated() {
                // ISO 8601's `T` between date and time separates, as a space would.
                let isoT = (c == "T" || c == "t") && k > 0 && k + 1 < sc.count && isNumber(sc[k - 1]) && isNumber(sc[k + 1])
                if (c.isLetter || isNumber(c)) && !isoT { cur.unicodeScalars.append(c) } else {
                    flush()
                    if c == ":" { out.append(Piece(text: ":", isNumber: false, value: 0)) }
                    if c == "-" || c == "/" { out.append(Piece(text: String(c), isNumber: false, value: 0)) }
                }
            }
            flush()
            return out
        }
        let chars = Array(s)
        for (k, ch) in chars.enumerated() {
            // ISO 8601's `T` between date and time separates, as a space would.
            let isoT = (ch == "T" || ch == "t") && k > 0 && k + 1 < chars.count && chars[k - 1].isNumber && chars[k + 1].isNumber
            if (ch.isLetter || ch.isNumber) && !isoT { cur.append(ch) } else {
                flush()
                if ch == ":" { out.append(Piece(text: ":", isNumber: false, value: 0)) }
                if ch == "-" || ch == "/" { out.append(Piece(text: String(ch), isNumber: false, value: 0)) }
            }
        }
        flush()
        return out
    }

    /// The first date in `line`, if any.
    public static func firstDate(in line: String) -> ArticleDate? { scan(line).date }

    /// Whether the line is nothing but a date (with weekday, time and filler words).
    public static func isDateLine(_ line: String) -> Bool {
        let r = scan(line)
        return r.date != nil && r.otherWords == 0
    }

    private static func scan(_ line: String) -> (date: ArticleDate?, otherWords: Int) {
        // Every date holds a year, four ASCII digits in a row (the pieces are read with `Int(_:)`):
        // most lines have none.
        var run = 0, year = false
        for b in line.utf8 {
            if b >= 0x30 && b <= 0x39 { run += 1; if run == 4 { year = true; break } } else { run = 0 }
        }
        guard year else { return (nil, 0) }
        let p = pieces(line)
        var found: ArticleDate?
        var used = Set<Int>()
        var i = 0
        while i < p.count, found == nil {
            // ISO: 2022-04-05 or 2022-04
            if p[i].isNumber, p[i].text.count == 4, (1900...2100).contains(p[i].value),
               i + 2 < p.count, p[i + 1].text == "-", p[i + 2].isNumber, (1...12).contains(p[i + 2].value) {
                var d = ArticleDate(year: p[i].value, month: p[i + 2].value)
                used.formUnion([i, i + 1, i + 2])
                if i + 4 < p.count, p[i + 3].text == "-", p[i + 4].isNumber, (1...31).contains(p[i + 4].value) {
                    d = ArticleDate(year: d.year, month: d.month, day: p[i + 4].value)
                    used.formUnion([i + 3, i + 4])
                    if let (h, m, k) = time(p, i + 5) {
                        d = ArticleDate(year: d.year, month: d.month, day: d.day, hour: h, minute: m)
                        used.formUnion(k)
                    }
                }
                found = d
                break
            }
            // 5 avril 2022 / 05 Avril 2022
            if p[i].isNumber, (1...31).contains(p[i].value), i + 2 < p.count, let m = months[p[i + 1].text],
               p[i + 2].isNumber, p[i + 2].text.count == 4 {
                var d = ArticleDate(year: p[i + 2].value, month: m, day: p[i].value)
                used.formUnion([i, i + 1, i + 2])
                if let (h, mi, k) = time(p, i + 3) {
                    d = ArticleDate(year: d.year, month: m, day: d.day, hour: h, minute: mi)
                    used.formUnion(k)
                }
                found = d
                break
            }
            // April 5, 2022
            if let m = months[p[i].text], i + 2 < p.count, p[i + 1].isNumber, (1...31).contains(p[i + 1].value),
               p[i + 2].isNumber, p[i + 2].text.count == 4 {
                var d = ArticleDate(year: p[i + 2].value, month: m, day: p[i + 1].value)
                used.formUnion([i, i + 1, i + 2])
                if let (h, mi, k) = time(p, i + 3) {
                    d = ArticleDate(year: d.year, month: m, day: d.day, hour: h, minute: mi)
                    used.formUnion(k)
                }
                found = d
                break
            }
            // avril 2022 (month precision), only when the month word is a full name
            if let m = months[p[i].text], p[i].text.count >= 4, i + 1 < p.count, p[i + 1].isNumber,
               p[i + 1].text.count == 4, (1900...2100).contains(p[i + 1].value) {
                found = ArticleDate(year: p[i + 1].value, month: m)
                used.formUnion([i, i + 1])
                break
            }
            i += 1
        }
        var other = 0
        for (k, piece) in p.enumerated() where !used.contains(k) {
            if piece.text == ":" || piece.text == "-" || piece.text == "/" { continue }
            if piece.isNumber || weekdays.contains(piece.text) || fillers.contains(piece.text) { continue }
            other += 1
        }
        return (found, other)
    }

    /// `16:43`, `16h43`, `à 16 h 43` after position `i`.
    private static func time(_ p: [Piece], _ i: Int) -> (Int, Int, [Int])? {
        var j = i
        while j < p.count, !p[j].isNumber, p[j].text != ":" { j += 1; if j - i > 2 { return nil } }
        guard j + 2 < p.count, p[j].isNumber, (0...23).contains(p[j].value) else { return nil }
        if p[j + 1].text == ":", p[j + 2].isNumber, (0...59).contains(p[j + 2].value) { return (p[j].value, p[j + 2].value, [j, j + 1, j + 2]) }
        if p[j + 1].isNumber, (0...59).contains(p[j + 1].value), p[j + 2].text == ":" { return (p[j].value, p[j + 1].value, [j, j + 1, j + 2]) }
        return nil
    }
}
