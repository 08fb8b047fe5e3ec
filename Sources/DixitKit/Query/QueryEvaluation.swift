/// An analysed article prepared for queries: its folded texts, computed once.
/// `Query.matches` on it is the reference evaluation: the CLI filters with it, and
/// the tests hold the reader's `CorpusIndex` to its answers. The reader never makes
/// one for the corpus (the index is built from the articles themselves), only for
/// the article it shows, without its text, to judge entities (`includingText: false`).
public struct QueryTarget: Sendable {
    /// The article as analysed.
    public let article: AnalyzedArticle
    /// Title and text, normalised (`QueryText.normalize`); nil when not prepared
    /// (then normalised when a text term asks for it).
    let text: String?
    let quoteTexts: [String]
    let speakers: [String?]
    let entityTexts: [String]
    let entityCanonicals: [String]

    /// Prepares `article`; without `includingText`, its whole text is left as is
    /// (what judging its quotes and entities needs).
    public init(_ article: AnalyzedArticle, includingText: Bool = true) {
        self.article = article
        text = includingText ? QueryText.normalize(article.article.text.string) : nil
        quoteTexts = article.quotes.map { QueryText.normalize($0.text) }
        speakers = article.quotes.map { $0.speaker.map(QueryText.normalize) }
        entityTexts = article.entities.map { QueryText.normalize($0.text) }
        entityCanonicals = article.entities.map { QueryText.normalize($0.canonical) }
    }

    /// The normalised text, prepared or made now.
    var normalizedText: String { text ?? QueryText.normalize(article.article.text.string) }
}

// MARK: - Matching

extension Query {
    /// Whether an article matches: each term holds for something in it
    /// (a quote by that speaker, an entity of that name or type, the text…).
    public func matches(_ target: QueryTarget) -> Bool {
        terms.allSatisfy { $0.negated != $0.holds(article: target) }
    }

    /// Whether a quote matches. `speaker:`, `kind:` and words look at the quote;
    /// `entity:` and `type:` at the entities inside it or naming its speaker;
    /// `date:` and `lang:` at its article.
    public func matches(quote index: Int, in target: QueryTarget) -> Bool {
        terms.allSatisfy { $0.negated != $0.holds(quote: index, in: target) }
    }

    /// Whether an entity matches. `entity:`, `type:` and words look at the entity;
    /// `speaker:` and `kind:` hold when it is the speaker of such a quote;
    /// `date:` and `lang:` look at its article.
    public func matches(entity index: Int, in target: QueryTarget) -> Bool {
        terms.allSatisfy { $0.negated != $0.holds(entity: index, in: target) }
    }

    /// Convenience for one article (prepares it each time; use `QueryTarget` for many queries).
    public func matches(_ article: AnalyzedArticle) -> Bool { matches(QueryTarget(article)) }
}

extension QueryTerm {
    var textValue: String {
        if case .text(let s) = value { return s }
        return ""
    }

    func holds(article t: QueryTarget) -> Bool {
        switch field {
        case .text: return t.normalizedText.queryContains(textValue)
        case .speaker: return t.speakers.contains { $0?.queryContains(textValue) == true }
        case .entity:
            return t.entityTexts.contains { $0.queryContains(textValue) } || t.entityCanonicals.contains { $0.queryContains(textValue) }
        case .type, .kind:
            return t.article.quotes.indices.contains { holdsOnQuoteOnly($0, t) }
                || t.article.entities.indices.contains { holdsOnEntityOnly($0, t) }
        case .date, .lang: return holdsOnArticle(t)
        }
    }

    func holds(quote q: Int, in t: QueryTarget) -> Bool {
        let quote = t.article.quotes[q]
        switch field {
        case .text: return t.quoteTexts[q].queryContains(textValue)
        case .speaker: return t.speakers[q]?.queryContains(textValue) == true
        case .kind: return holdsOnQuoteOnly(q, t)
        case .entity, .type:
            if field == .entity, t.speakers[q]?.queryContains(textValue) == true { return true }
            return t.article.entities.indices.contains { e in
                let span = t.article.entities[e].span
                let inside = quote.span.contains(span) || quote.speakerMention.map { $0.span.overlaps(span) } == true
                return inside && holdsOnEntityOnly(e, t)
            }
        case .date, .lang: return holdsOnArticle(t)
        }
    }

    func holds(entity e: Int, in t: QueryTarget) -> Bool {
        switch field {
        case .text, .entity, .type: return holdsOnEntityOnly(e, t)
        case .speaker, .kind:
            let entity = t.article.entities[e]
            let name = t.entityCanonicals[e]
            if field == .speaker && !name.queryContains(textValue) && !t.entityTexts[e].queryContains(textValue) { return false }
            return t.article.quotes.indices.contains { q in
                let quote = t.article.quotes[q]
                let said = quote.speakerMention?.span == entity.span || t.speakers[q] == name
                return said && (field == .speaker || holdsOnQuoteOnly(q, t))
            }
        case .date, .lang: return holdsOnArticle(t)
        }
    }

    private func holdsOnQuoteOnly(_ q: Int, _ t: QueryTarget) -> Bool {
        if case .kind(let k) = value { return t.article.quotes[q].kind == k }
        return false
    }

    private func holdsOnEntityOnly(_ e: Int, _ t: QueryTarget) -> Bool {
        switch value {
        case .entityType(let type): return t.article.entities[e].type == type
        case .text(let s): return t.entityTexts[e].queryContains(s) || t.entityCanonicals[e].queryContains(s)
        default: return false
        }
    }

    private func holdsOnArticle(_ t: QueryTarget) -> Bool {
        switch value {
        case .text(let s): return QueryText.normalize(t.article.article.language) == s
        case .dateRange(let from, let to):
            guard let d = t.article.article.date else { return false }
            if let from, QueryParser.compare(d, from) < 0 { return false }
            if let to, QueryParser.compare(d, to) > 0 { return false }
            return true
        default: return false
        }
    }
}
