/// Turns query text into a `Query`, or a `QueryError` naming the first problem.
/// Never traps, whatever the input.
enum QueryParser {
    /// Opening quote marks and the closing marks each accepts.
    static let quotePairs: [Character: Set<Character>] = [
        "\"": ["\"", "\u{201D}", "\u{201C}"],
        "\u{201C}": ["\u{201D}", "\"", "\u{201C}"],
        "\u{201E}": ["\u{201C}", "\u{201D}", "\""],
        "\u{00AB}": ["\u{00BB}"],
        "'": ["'"],
    ]

    static func parse(_ source: String) -> Result<Query, QueryError> {
        let chars = Array(source)
        var terms: [QueryTerm] = []
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var negated = false
            if chars[i] == "-" {
                negated = true
                i += 1
                if i >= chars.count || chars[i].isWhitespace {
                    return .failure(QueryError(message: "'-' must be followed by the term to exclude", position: start))
                }
            }
            // A quoted phrase.
            if let closers = quotePairs[chars[i]], chars[i] != "'" {
                switch readQuoted(chars, at: i, closers: closers) {
                case .failure(let e): return .failure(e)
                case .success(let (text, next)):
                    let folded = QueryText.normalize(text).trimmingSpaces
                    if folded.trimmingSpaces.isEmpty {
                        return .failure(QueryError(message: "empty quoted phrase", position: i))
                    }
                    terms.append(QueryTerm(field: .text, value: .text(folded), negated: negated, range: start..<next))
                    i = next
                    continue
                }
            }
            // A word, possibly `field:value` or `field:"quoted value"`.
            let wordStart = i
            while i < chars.count, !chars[i].isWhitespace {
                if chars[i] == ":" { break }
                i += 1
            }
            if i < chars.count, chars[i] == ":" {
                let name = String(chars[wordStart..<i])
                let isURL = i + 1 < chars.count && chars[i + 1] == "/"
                if name.allSatisfy({ $0.isLetter }) && !name.isEmpty && !isURL {
                    guard let field = QueryTerm.Field(rawValue: TextFolding.fold(name)), field != .text else {
                        return .failure(QueryError(
                            message: "unknown field '\(name)': use speaker:, entity:, type:, date:, lang: or kind:",
                            position: wordStart))
                    }
                    i += 1
                    let valueStart = i
                    var raw: String
                    if i < chars.count, let closers = quotePairs[chars[i]] {
                        switch readQuoted(chars, at: i, closers: closers) {
                        case .failure(let e): return .failure(e)
                        case .success(let (text, next)): raw = text; i = next
                        }
                    } else {
                        while i < chars.count, !chars[i].isWhitespace { i += 1 }
                        raw = String(chars[valueStart..<i])
                    }
                    switch value(for: field, raw: raw, at: valueStart) {
                    case .failure(let e): return .failure(e)
                    case .success(let v):
                        terms.append(QueryTerm(field: field, value: v, negated: negated, range: start..<i))
                    }
                    continue
                }
                // `12:30`, `http://…`: not a field, part of a word.
            }
            while i < chars.count, !chars[i].isWhitespace { i += 1 }
            let word = QueryText.normalize(String(chars[wordStart..<i]))
            terms.append(QueryTerm(field: .text, value: .text(word), negated: negated, range: start..<i))
        }
        return .success(Query(terms: terms, source: source))
    }

    /// Reads from the opening mark at `at` to its closing mark.
    private static func readQuoted(_ chars: [Character], at: Int, closers: Set<Character>)
        -> Result<(String, Int), QueryError>
    {
        var j = at + 1
        while j < chars.count, !closers.contains(chars[j]) { j += 1 }
        guard j < chars.count else {
            return .failure(QueryError(message: "quote opened here is never closed", position: at))
        }
        return .success((String(chars[(at + 1)..<j]), j + 1))
    }

    private static func value(for field: QueryTerm.Field, raw: String, at position: Int)
        -> Result<QueryTerm.Value, QueryError>
    {
        let trimmed = raw.trimmingSpaces
        guard !trimmed.isEmpty else {
            return .failure(QueryError(message: "\(field.rawValue): needs a value", position: position))
        }
        switch field {
        case .speaker, .entity, .text, .lang:
            return .success(.text(QueryText.normalize(trimmed)))
        case .type:
            let up = trimmed.uppercased()
            let aliases: [String: EntityType] = ["PERSON": .person, "PERSONNE": .person, "LIEU": .location,
                                                 "PLACE": .location, "ORGANISATION": .organisation,
                                                 "ORGANIZATION": .organisation]
            if let t = EntityType(rawValue: up) ?? aliases[up] { return .success(.entityType(t)) }
            return .failure(QueryError(message: "type: must be PER, ORG, LOC or MISC, not '\(trimmed)'", position: position))
        case .kind:
            if let k = QuoteKind(rawValue: TextFolding.fold(trimmed)) { return .success(.kind(k)) }
            return .failure(QueryError(message: "kind: must be direct, partial or indirect, not '\(trimmed)'", position: position))
        case .date:
            return dateRange(trimmed, at: position)
        }
    }

    /// `2022`, `2022-04`, `2022-04-05`, and ranges `A..B`, `A..`, `..B`.
    private static func dateRange(_ s: String, at position: Int) -> Result<QueryTerm.Value, QueryError> {
        if let r = s.range(of: "..") {
            let lo = String(s[s.startIndex..<r.lowerBound]), hi = String(s[r.upperBound...])
            if lo.isEmpty && hi.isEmpty {
                return .failure(QueryError(message: "date: range needs at least one end", position: position))
            }
            var from: ArticleDate?, to: ArticleDate?
            if !lo.isEmpty {
                guard let d = date(lo) else { return .failure(badDate(lo, at: position)) }
                from = d
            }
            if !hi.isEmpty {
                guard let d = date(hi) else {
                    return .failure(badDate(hi, at: position + lo.count + 2))
                }
                to = d
            }
            if let from, let to, Self.compare(to, from) < 0 {
                return .failure(QueryError(message: "date: range ends before it starts", position: position))
            }
            return .success(.dateRange(from: from, to: to))
        }
        guard let d = date(s) else { return .failure(badDate(s, at: position)) }
        return .success(.dateRange(from: d, to: d))
    }

    private static func badDate(_ s: String, at position: Int) -> QueryError {
        QueryError(message: "date: '\(s)' is not a date (use 2022, 2022-04 or 2022-04-05)", position: position)
    }

    private static func date(_ s: String) -> ArticleDate? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?, day: Int?
        if parts.count > 1 {
            guard parts[1].count <= 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count > 2 {
            guard parts[2].count <= 2, let d = Int(parts[2]), (1...31).contains(d) else { return nil }
            day = d
        }
        return ArticleDate(year: year, month: month, day: day)
    }

    /// Compares two dates at the precision both have (2022-04 equals 2022-04-05).
    static func compare(_ a: ArticleDate, _ b: ArticleDate) -> Int {
        let pa = [a.year, a.month, a.day], pb = [b.year, b.month, b.day]
        for k in 0..<3 {
            guard let x = pa[k], let y = pb[k] else { return 0 }
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
