/// Entity types of the export contract.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PER"
    case organisation = "ORG"
    case location = "LOC"
    case misc = "MISC"
}

/// A named-entity mention.
public struct Entity: Hashable, Codable, Sendable {
    public var span: Span
    public var text: String
    public var type: EntityType
    /// The fullest name of this entity in the article (`Stoltenberg` → `Jens Stoltenberg`).
    public var canonical: String

    public init(span: Span, text: String, type: EntityType, canonical: String) {
        self.span = span
        self.text = text
        self.type = type
        self.canonical = canonical
    }
}

/// Kinds of quotation, as `../shared/eval/GUIDELINES.md` defines them.
public enum QuoteKind: String, Codable, Sendable, CaseIterable {
    case direct, partial, indirect
}

/// Words of the text with their position.
public struct Mention: Hashable, Codable, Sendable {
    public var span: Span
    public var text: String
    public init(span: Span, text: String) {
        self.span = span
        self.text = text
    }
}

/// A quotation and who said it.
public struct Quote: Hashable, Codable, Sendable {
    /// The quoted words, without the quote marks.
    public var span: Span
    public var text: String
    public var kind: QuoteKind
    /// The speaker's fullest name in the article, or a description; nil when unknown.
    public var speaker: String?
    /// The words this quote's attribution uses for the speaker (a name, a description, a pronoun).
    public var speakerMention: Mention?
    /// The verb or phrase of attribution.
    public var cue: Mention?

    public init(span: Span, text: String, kind: QuoteKind, speaker: String? = nil,
                speakerMention: Mention? = nil, cue: Mention? = nil) {
        self.span = span
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
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
