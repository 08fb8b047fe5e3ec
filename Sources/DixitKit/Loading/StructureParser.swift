/// Finds an article's title, date, byline, body paragraphs and boilerplate in its text.
///
/// The files are plain text as scraped from news sites: a title on the first line
/// (sometimes preceded by a `date 2022-09` header, or by a truncated copy of
/// itself), then perhaps a date line and a byline, then one paragraph per line.
public enum StructureParser {
    /// How many non-blank lines after the title may hold the date and byline.
    static let headerLines = 4

    public static func parse(path: String, text: ScalarText, encoding: SourceEncoding = .utf8,
                             warnings: [String] = []) -> Article {
        var lines = nonBlankLines(text)
        var paragraphs: [Paragraph] = []
        var title: Span?
        var date: ArticleDate?
        var byline: Span?

        if !lines.isEmpty {
            let first = lines.removeFirst()
            if let (dateSpan, parsed, rest) = dateHeader(text, first) {
                date = parsed
                paragraphs.append(Paragraph(span: dateSpan, role: .dateline))
                if !rest.isEmpty {
                    title = rest
                    paragraphs.append(Paragraph(span: rest, role: .title))
                }
            } else if let next = lines.first, first.length < next.length,
                      text[next].hasPrefix(text[first]) {
                // A truncated copy of the title, repeated in full on the next line.
                paragraphs.append(Paragraph(span: first, role: .titleFragment))
                title = next
                paragraphs.append(Paragraph(span: lines.removeFirst(), role: .title))
            } else {
                title = first
                paragraphs.append(Paragraph(span: first, role: .title))
            }
        }

        for (index, line) in lines.enumerated() {
            var role: ParagraphRole = .body
            if Boilerplate.isBoilerplate(text, line) {
                role = .boilerplate
            } else if index < headerLines, line.length <= 200 {
                let s = text[line]
                if DateParser.isDateLine(s) {
                    role = .dateline
                    if date == nil { date = DateParser.firstDate(in: s) }
                } else if byline == nil, let name = bylineName(text, line) {
                    role = .byline
                    byline = name
                }
            }
            paragraphs.append(Paragraph(span: line, role: role))
        }
        markHeadings(text, &paragraphs)

        var article = Article(path: path, text: text, encoding: encoding, title: title, date: date,
                              byline: byline, paragraphs: paragraphs, warnings: warnings)
        article.language = LanguageGuesser.guess(text)
        return article
    }

    /// Body lines between body paragraphs that read as subheadings: at most 12
    /// words, no sentence-ending punctuation, a capital first letter.
    static func markHeadings(_ text: ScalarText, _ paragraphs: inout [Paragraph]) {
        guard paragraphs.count > 2 else { return }
        for i in 1..<(paragraphs.count - 1) where paragraphs[i].role == .body {
            guard paragraphs[i - 1].role == .body || paragraphs[i - 1].role == .heading,
                  paragraphs[i + 1].role == .body else { continue }
            let span = paragraphs[i].span
            guard let first = text.at(span.start), first.isUppercaseLetter || first == "«" || first == "\"" || first == "\u{201C}",
                  var last = text.at(span.end - 1) else { continue }
            // A sentence may end inside its closing quote mark: `… energy.”`, `… satisfait. »`
            var k = span.end - 1
            while k > span.start, "\"»”’'".unicodeScalars.contains(last) || last.isSpaceLike {
                k -= 1
                last = text[k]
            }
            if ".:;,!?…)".unicodeScalars.contains(last) { continue }
            var words = 1
            for k in span.range where text[k] == " " { words += 1 }
            if words <= 12 { paragraphs[i].role = .heading }
        }
    }

    /// Spans of the non-blank lines, trimmed. LF, CRLF, CR and U+2028/2029 end lines.
    public static func nonBlankLines(_ text: ScalarText) -> [Span] {
        var out: [Span] = []
        // Read through a pointer: no bounds check per scalar.
        text.scalars.withUnsafeBufferPointer { sc in
            var start = 0
            var i = 0
            let n = sc.count
            while i <= n {
                // Most scalars (U+000E…U+0084: ASCII after the controls) are no line break:
                // one comparison, not five.
                if i < n, sc[i].value &- 0x0E < 0x85 - 0x0E { i += 1; continue }
                if i == n || sc[i].isLineBreak {
                    // The line trimmed (as `ScalarText.trimmed`).
                    var s = start, e = i
                    while s < e, sc[s].isSpaceLike { s += 1 }
                    while e > s, sc[e - 1].isSpaceLike { e -= 1 }
                    if s < e { out.append(Span(s, e)) }
                    if i < n, sc[i] == "\r", i + 1 < n, sc[i + 1] == "\n" { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        return out
    }

    /// `date 2022-09 Title…`: the header span, its date and the title after it.
    static func dateHeader(_ text: ScalarText, _ line: Span) -> (Span, ArticleDate, Span)? {
        let tokens = Tokenizer.tokenize(text, in: Span(line.start, min(line.end, line.start + 40)))
        guard tokens.count >= 2, TextFolding.fold(text[tokens[0].span]) == "date" else { return nil }
        // The date is the run of number and '-' tokens after the word `date`.
        var end = tokens[0].span.end
        var k = 1
        while k < tokens.count, tokens[k].kind == .number || text[tokens[k].span] == "-" || text[tokens[k].span] == ":" {
            end = tokens[k].span.end
            k += 1
        }
        guard k > 1, let parsed = DateParser.firstDate(in: text[Span(tokens[1].span.start, end)]) else { return nil }
        let rest = text.trimmed(Span(end, line.end))
        return (Span(tokens[0].span.start, end), parsed, rest)
    }

    /// `Par Jean Dupont` / `By Jane Doe, Reuters`: the name part.
    static func bylineName(_ text: ScalarText, _ line: Span) -> Span? {
        let s = text[line]
        guard s.count <= 80 else { return nil }
        let lower = s.lowercased()
        let prefix: Int
        if lower.hasPrefix("par ") { prefix = 4 } else if lower.hasPrefix("by ") { prefix = 3 } else { return nil }
        let rest = text.trimmed(Span(line.start + prefix, line.end))
        guard let first = text.at(rest.start), first.isUppercaseLetter else { return nil }
        let words = text[rest].split(separator: " ")
        guard words.count <= 10, !s.hasSuffix(".") || s.hasSuffix(" Jr.") else { return nil }
        return rest
    }
}
