/// Corpus-wide index of entities: each entity (canonical name and type) with its
/// mention count, the surface forms seen and the articles it appears in.
public struct EntityIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var mentions: Int
        public var forms: [String]
        /// Paths of the articles, in corpus order.
        public var articles: [String]
    }

    /// Most mentioned first, then by name.
    public let entries: [Entry]

    public init(_ articles: [AnalyzedArticle]) {
        struct Key: Hashable { var name: String; var type: EntityType }
        var byKey: [Key: Entry] = [:]
        var order: [Key] = []
        for a in articles {
            for e in a.entities {
                let key = Key(name: e.canonical, type: e.type)
                if byKey[key] == nil {
                    byKey[key] = Entry(name: e.canonical, type: e.type, mentions: 0, forms: [], articles: [])
                    order.append(key)
                }
                byKey[key]!.mentions += 1
                if !byKey[key]!.forms.contains(e.text) { byKey[key]!.forms.append(e.text) }
                if byKey[key]!.articles.last != a.article.path { byKey[key]!.articles.append(a.article.path) }
            }
        }
        entries = order.compactMap { byKey[$0] }.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name < $1.name
        }
    }
}
