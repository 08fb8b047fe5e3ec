/// Finds people, organisations and places in an article.
///
/// Rules over tokens and lexicons, no statistical model: names are found in
/// each paragraph (`CandidateFinder`, typed by `EntityTyping`), paired with
/// their acronyms (`AcronymPairing`), then made consistent across the article
/// (`ArticleConsistency`). Boilerplate lines are read too, so that a name is
/// highlighted wherever it stands; date lines are not.
public struct EntityRecognizer: Sendable {
    let lexicon: EntityLexicon

    public init() { lexicon = EntityLexicon.shared }

    /// Entity mentions in the article's paragraphs (all but date lines), sorted by position.
    public func recognize(_ article: Article) -> [Entity] {
        recognizeKeepingTokens(article).entities
    }

    /// `recognize`, with the tokens of each paragraph it read (nil for the others), so that
    /// quote extraction need not tokenise the same paragraphs again (see `Analyzer`).
    func recognizeKeepingTokens(_ article: Article) -> (entities: [Entity], tokens: [[Token]?]) {
        let french = article.language == "fr"
        var views: [TokenView?] = []
        var found: [EntityCandidate] = []
        let cache = WordInfoCache.forCurrentThread(lexicon)
        for (p, paragraph) in article.paragraphs.enumerated() {
            guard paragraph.role != .dateline else { views.append(nil); continue }
            let view = TokenView(text: article.text, span: paragraph.span, lexicon: lexicon, cache: cache)
            views.append(view)
            // A truncated copy of the title only gets the names found elsewhere.
            guard paragraph.role != .titleFragment else { continue }
            found += CandidateFinder(lexicon: lexicon, view: view, paragraph: p, french: french).find()
        }
        let entities = ArticleConsistency(lexicon: lexicon, text: article.text, views: views).resolve(found)
        return (entities, views.map { $0?.tokens })
    }
}
