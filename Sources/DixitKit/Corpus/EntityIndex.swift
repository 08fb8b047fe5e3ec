/// Corpus-wide index of entities: each entity (canonical name and type) with its
/// mention count, the surface forms seen and the articles it appears in, with
/// where in each article, so that a reader can filter by an entity and jump
/// from one mention to the next.
public struct EntityIndex: Sendable {
    /// One entity's mentions in one article.
    public struct Occurrence: Sendable, Hashable {
        /// The article's path, as loaded.
        public var path: String
        /// The article's position in the corpus given to `init`.
        public var articleIndex: Int
        /// The mentions' spans in that article, in text order.
        public var spans: [Span]
        public var count: Int { spans.count }
    }

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var mentions: Int
        public var forms: [String]
        /// Paths of the articles, in corpus order.
        public var articles: [String]
        /// Where the entity is mentioned, article by article, in corpus order.
        public var occurrences: [Occurrence]
    }

    /// Most mentioned first, then by name.
    public let entries: [Entry]

    public init(_ articles: [AnalyzedArticle]) {
        struct Key: Hashable { var name: String; var type: EntityType }
        var byKey: [Key: Entry] = [:]
        var order: [Key] = []
        for (index, a) in articles.enumerated() {
            for e in a.entities {
                let key = Key(name: e.canonical, type: e.type)
                if byKey[key] == nil {
                    byKey[key] = Entry(name: e.canonical, type: e.type, mentions: 0, forms: [], articles: [], occurrences: [])
                    order.append(key)
                }
                byKey[key]!.mentions += 1
                if !byKey[key]!.forms.contains(e.text) { byKey[key]!.forms.append(e.text) }
                if byKey[key]!.occurrences.last?.articleIndex != index {
                    byKey[key]!.articles.append(a.article.path)
                    byKey[key]!.occurrences.append(Occurrence(path: a.article.path, articleIndex: index, spans: []))
                }
                byKey[key]!.occurrences[byKey[key]!.occurrences.count - 1].spans.append(e.span)
            }
        }
        entries = order.compactMap { byKey[$0] }.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name < $1.name
        }
    }

    /// The entry of an entity, by canonical name (case and accents ignored) and optionally type.
    public func entry(named name: String, type: EntityType? = nil) -> Entry? {
        let key = TextFolding.fold(name)
        return entries.first { TextFolding.fold($0.name) == key && (type == nil || $0.type == type) }
    }

    /// Entries whose canonical name or one of whose forms contains `query`
    /// (case and accents ignored), most mentioned first: the TUI's entity filter.
    public func entries(matching query: String, type: EntityType? = nil) -> [Entry] {
        let q = TextFolding.fold(query)
        return entries.filter { e in
            (type == nil || e.type == type)
                && (q.isEmpty || TextFolding.fold(e.name).contains(q) || e.forms.contains { TextFolding.fold($0).contains(q) })
        }
    }

    /// Indexes (in the corpus given to `init`) of the articles that mention the entity.
    public func articleIndexes(of entry: Entry) -> [Int] { entry.occurrences.map(\.articleIndex) }
}
