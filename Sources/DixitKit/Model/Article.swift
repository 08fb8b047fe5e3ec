/// What part of an article a paragraph (a non-blank line of the file) plays.
public enum ParagraphRole: String, Codable, Sendable, CaseIterable {
    case title
    /// A first line that only repeats the start of the title (a truncated copy).
    case titleFragment
    case dateline
    case byline
    /// A subheading between body paragraphs: short, no closing full stop.
    case heading
    case body
    /// Text that is not the article: "Lire aussi", share prompts, footers.
    /// Kept and shown (dimmed), never analysed.
    case boilerplate

    /// Whether quotes and entities are looked for in this paragraph.
    public var isAnalysed: Bool {
        switch self {
        case .title, .heading, .body: return true
        case .titleFragment, .dateline, .byline, .boilerplate: return false
        }
    }
}

/// One non-blank line of the file, trimmed of surrounding white space.
public struct Paragraph: Hashable, Codable, Sendable {
    public var span: Span
    public var role: ParagraphRole
    public init(span: Span, role: ParagraphRole) {
        self.span = span
        self.role = role
    }
}

/// A date as precise as the article gives it: year, month, day, time.
public struct ArticleDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.hour = self.day == nil ? nil : hour
        self.minute = self.hour == nil ? nil : minute
    }

    /// ISO 8601 at the precision known: `2022-09`, `2022-04-05`, `2022-04-05T16:43`.
    public var iso: String {
        var s = pad(year, 4)
        guard let month else { return s }
        s += "-" + pad(month, 2)
        guard let day else { return s }
        s += "-" + pad(day, 2)
        guard let hour else { return s }
        return s + "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2)
    }

    public var description: String { iso }

    /// Sort key: unknown parts sort first.
    public var sortKey: [Int] { [year, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0] }

    public static func < (a: ArticleDate, b: ArticleDate) -> Bool {
        a.sortKey.lexicographicallyPrecedes(b.sortKey)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The text encoding an article file was decoded from.
public enum SourceEncoding: String, Codable, Sendable, CaseIterable {
    case utf8, utf8WithReplacements, windows1252, utf16LE, utf16BE
}

/// One article: its decoded text and the structure found in it.
/// A value: loading and parsing produce it; nothing refers back to a file handle.
public struct Article: Sendable {
    /// The path as the user gave it (or `-` for standard input).
    public var path: String
    public var text: ScalarText
    public var encoding: SourceEncoding
    public var title: Span?
    public var date: ArticleDate?
    public var byline: Span?
    public var paragraphs: [Paragraph]
    /// ISO 639-1 code (`fr`, `en`).
    public var language: String
    /// Problems found while reading this article (decoding fallbacks and the like).
    public var warnings: [String]

    public init(path: String, text: ScalarText, encoding: SourceEncoding = .utf8, title: Span? = nil,
                date: ArticleDate? = nil, byline: Span? = nil, paragraphs: [Paragraph] = [],
                language: String = "fr", warnings: [String] = []) {
        self.path = path
        self.text = text
        self.encoding = encoding
        self.title = title
        self.date = date
        self.byline = byline
        self.paragraphs = paragraphs
        self.language = language
        self.warnings = warnings
    }

    public var titleText: String { title.map { text[$0] } ?? "" }
    public var bylineText: String? { byline.map { text[$0] } }

    /// Paragraphs that quote and entity extraction look at (title and body).
    public var analysedParagraphs: [Paragraph] { paragraphs.filter { $0.role.isAnalysed } }
    public var bodyParagraphs: [Paragraph] { paragraphs.filter { $0.role == .body } }
}
