/// Entity types of the export contract.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PER"
    case organisation = "ORG"
    case location = "LOC"
    case misc = "MISC"
}

/// A named-entity mention.
///
/// `text` is usually the article's own words at `span`: a loaded corpus reads it from
/// the article's text on demand rather than keeping a copy (see `SpanText`).
public struct Entity: Hashable, Codable, Sendable {
    private var spanText: SpanText
    /// The fullest name of this entity in the article (`Stoltenberg` → `Jens Stoltenberg`).
    public var canonical: String
    public var type: EntityType

    public init(span: Span, text: String, type: EntityType, canonical: String) {
        self.spanText = SpanText(span: span, text: text)
        self.type = type
        self.canonical = canonical
    }

    /// Where the name is in the article's text.
    public var span: Span {
        get { spanText.span }
        set { spanText.span = newValue }
    }

    /// The name as written (made from the article's text on demand when shared).
    public var text: String {
        get { spanText.text }
        set { spanText.text = newValue }
    }

    /// Reads `text` from the article's shared text when it is the span's own words.
    mutating func shareText(_ shared: SharedArticleText) { spanText.share(shared) }

    /// `shareText`, comparing with `words`, the same scalars as `shared.text` (see `SpanText.share`).
    mutating func shareText(_ shared: SharedArticleText, comparingWith words: UnsafeBufferPointer<Unicode.Scalar>) {
        spanText.share(shared, comparingWith: words)
    }

    /// An entity whose text is the span's words in `shared` (not copied); nil when the span is not within it.
    init?(span: Span, sharedIn shared: SharedArticleText, type: EntityType, canonical: String) {
        guard let spanText = SpanText(span: span, sharedIn: shared) else { return nil }
        self.spanText = spanText
        self.type = type
        self.canonical = canonical
    }

    /// Whether `text` is read from the article's text rather than kept as a copy.
    public var textIsShared: Bool { spanText.isShared }
    /// Heap bytes held for `text` alone (0 when shared).
    public var ownedTextBytes: Int { spanText.ownedBytes }

    public static func == (a: Entity, b: Entity) -> Bool {
        a.type == b.type && a.canonical == b.canonical && a.spanText.sameSpanAndText(b.spanText)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(span)
        hasher.combine(text)
        hasher.combine(type)
        hasher.combine(canonical)
    }

    private enum CodingKeys: String, CodingKey { case span, text, type, canonical }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(span: try c.decode(Span.self, forKey: .span), text: try c.decode(String.self, forKey: .text),
                  type: try c.decode(EntityType.self, forKey: .type), canonical: try c.decode(String.self, forKey: .canonical))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(text, forKey: .text)
        try c.encode(type, forKey: .type)
        try c.encode(canonical, forKey: .canonical)
    }
}

/// Kinds of quotation, as `../shared/eval/GUIDELINES.md` defines them.
public enum QuoteKind: String, Codable, Sendable, CaseIterable {
    case direct, partial, indirect
}

/// Words of the text with their position.
public struct Mention: Hashable, Codable, Sendable {
    private var spanText: SpanText

    public init(span: Span, text: String) {
        self.spanText = SpanText(span: span, text: text)
    }

    /// A mention whose text is the span's words in `shared` (not copied); nil when the span is not within it.
    init?(span: Span, sharedIn shared: SharedArticleText) {
        guard let spanText = SpanText(span: span, sharedIn: shared) else { return nil }
        self.spanText = spanText
    }

    /// Where the words are in the article's text.
    public var span: Span {
        get { spanText.span }
        set { spanText.span = newValue }
    }

    /// The words (made from the article's text on demand when shared).
    public var text: String {
        get { spanText.text }
        set { spanText.text = newValue }
    }

    /// Reads `text` from the article's shared text when it is the span's own words
    /// (without comparing when it reads `replacing`, see `SpanText.share`).
    mutating func shareText(_ shared: SharedArticleText, replacing old: SharedArticleText? = nil) {
        spanText.share(shared, replacing: old)
    }

    /// The shared text `text` is read from, if any.
    var sharedSource: SharedArticleText? { spanText.sharedSource }

    /// Whether `text` is read from the article's text rather than kept as a copy.
    public var textIsShared: Bool { spanText.isShared }
    /// Heap bytes held for `text` alone (0 when shared).
    public var ownedTextBytes: Int { spanText.ownedBytes }

    public static func == (a: Mention, b: Mention) -> Bool { a.spanText.sameSpanAndText(b.spanText) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(span)
        hasher.combine(text)
    }

    private enum CodingKeys: String, CodingKey { case span, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(span: try c.decode(Span.self, forKey: .span), text: try c.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(text, forKey: .text)
    }
}

/// A quotation and who said it.
///
/// `text` is usually the article's own words at `span`: a loaded corpus reads it from
/// the article's text on demand rather than keeping a copy (see `SpanText`).
public struct Quote: Hashable, Codable, Sendable {
    private var spanText: SpanText
    /// The speaker's fullest name in the article, or a description; nil when unknown.
    public var speaker: String?
    /// The words this quote's attribution uses for the speaker (a name, a description, a pronoun).
    public var speakerMention: Mention?
    /// The verb or phrase of attribution.
    public var cue: Mention?
    public var kind: QuoteKind

    public init(span: Span, text: String, kind: QuoteKind, speaker: String? = nil,
                speakerMention: Mention? = nil, cue: Mention? = nil) {
        self.spanText = SpanText(span: span, text: text)
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
    }

    /// A quote whose text is the span's words in `shared` (not copied); nil when the span is not within it.
    init?(span: Span, sharedIn shared: SharedArticleText, kind: QuoteKind, speaker: String?,
          speakerMention: Mention?, cue: Mention?) {
        guard let spanText = SpanText(span: span, sharedIn: shared) else { return nil }
        self.spanText = spanText
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
    }

    /// Where the quoted words are, without the quote marks.
    public var span: Span {
        get { spanText.span }
        set { spanText.span = newValue }
    }

    /// The quoted words, without the quote marks (made from the article's text on demand when shared).
    public var text: String {
        get { spanText.text }
        set { spanText.text = newValue }
    }

    /// Reads the texts of the quote and its mentions from the article's shared text
    /// where they are the spans' own words.
    /// (Without comparing where they read `replacing`, see `SpanText.share`.)
    mutating func shareText(_ shared: SharedArticleText, replacing old: SharedArticleText? = nil) {
        spanText.share(shared, replacing: old)
        speakerMention?.shareText(shared, replacing: old)
        cue?.shareText(shared, replacing: old)
    }

    /// The shared text `text` is read from, if any.
    var sharedSource: SharedArticleText? { spanText.sharedSource }

    /// Whether `text` is read from the article's text rather than kept as a copy.
    public var textIsShared: Bool { spanText.isShared }
    /// Heap bytes held for `text` alone (0 when shared).
    public var ownedTextBytes: Int { spanText.ownedBytes }

    public static func == (a: Quote, b: Quote) -> Bool {
        a.kind == b.kind && a.speaker == b.speaker && a.speakerMention == b.speakerMention && a.cue == b.cue
            && a.spanText.sameSpanAndText(b.spanText)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(span)
        hasher.combine(text)
        hasher.combine(kind)
        hasher.combine(speaker)
        hasher.combine(speakerMention)
        hasher.combine(cue)
    }

    private enum CodingKeys: String, CodingKey { case span, text, kind, speaker, speakerMention, cue }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(span: try c.decode(Span.self, forKey: .span), text: try c.decode(String.self, forKey: .text),
                  kind: try c.decode(QuoteKind.self, forKey: .kind),
                  speaker: try c.decodeIfPresent(String.self, forKey: .speaker),
                  speakerMention: try c.decodeIfPresent(Mention.self, forKey: .speakerMention),
                  cue: try c.decodeIfPresent(Mention.self, forKey: .cue))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(speaker, forKey: .speaker)
        try c.encodeIfPresent(speakerMention, forKey: .speakerMention)
        try c.encodeIfPresent(cue, forKey: .cue)
    }
}

/// An article with the quotes and entities found in it.
public struct AnalyzedArticle: Sendable {
    public var article: Article
    public var entities: [Entity]
    public var quotes: [Quote]

    public init(article: Article, entities: [Entity] = [], quotes: [Quote] = []) {
        self.article = article
        self.entities = entities
        self.quotes = quotes
    }
}
