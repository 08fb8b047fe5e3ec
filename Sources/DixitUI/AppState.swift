import DixitKit

/// Which quotes the quotes pane lists.
public enum QuotesScope: Hashable, Sendable {
    /// The current article's quotes.
    case article
    /// All quotes of the articles shown (the filtered set).
    case corpus
}

/// A line of text being typed (search, filter, speaker picker). The cursor is at the end.
public struct TextInput: Hashable, Sendable {
    public var text: String = ""
    public init(_ text: String = "") { self.text = text }
}

/// The speaker picker overlay.
public struct SpeakerPicker: Hashable, Sendable {
    public var input = TextInput()
    public var cursor = 0
    public var top = 0
}

/// What owns the keyboard besides the panes.
public enum Mode: Hashable, Sendable {
    case normal
    case help(scroll: Int)
    /// Typing a search; `origin` is the position to go back to on Esc.
    case search(TextInput, origin: PanePosition)
    /// Typing a filter; `error` is the current text's parse error, shown inline.
    case filter(TextInput, error: QueryError?)
    case picker(SpeakerPicker)
}

/// Where a pane is: its cursor (lists) or first line (reader).
public struct PanePosition: Hashable, Sendable {
    public var pane: Pane
    public var row: Int
    public var top: Int
}

/// The search in force (kept after Enter for `n`/`N`).
public struct SearchState: Hashable, Sendable {
    public var pattern: String
    public var pane: Pane
    /// The row of the current match in that pane.
    public var row: Int?
}

/// A transient message on the status line.
public struct Message: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Background loading progress.
public struct LoadingProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var finished: Bool
    public init(done: Int, total: Int, finished: Bool) {
        self.done = done
        self.total = total
        self.finished = finished
    }
}

/// The whole reader as a value. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    /// Every article loaded so far, in input order.
    public internal(set) var corpus: [AnalyzedArticle] = []
    /// The same articles indexed for queries (ids and postings, not texts).
    public internal(set) var index = CorpusIndex()
    /// With a filter: the corpus quotes it lets through in the visible articles
    /// (nil without a filter: every quote of every article).
    public internal(set) var matchedQuotes: IdSet?
    /// The list rows' texts (`listRowText`), folded, by article: what a search in the list looks through.
    var listSearch = FoldedTexts()
    /// The same as written, for patterns with a capital (smart case).
    var listSearchExact = FoldedTexts(folded: false)
    /// Indices into `corpus` of the articles the filter lets through.
    public internal(set) var visible: [Int] = []

    /// The terminal's size, which the layout and scrolling depend on.
    public var size: Size
    /// The pane that receives keys (the one shown, in the tabbed layout).
    public var focus: Pane = .list
    /// Whether an overlay or an input line owns the keyboard.
    public var mode: Mode = .normal

    /// Row of the article list (index into `visible`); the current article is `visible[listCursor]`.
    public var listCursor = 0
    /// First row of the article list shown.
    public var listTop = 0
    /// First wrapped line of the reader shown.
    public var readerTop = 0
    /// Index of the current quote in the current article's quotes.
    public var currentQuote: Int?
    public var quotesScope: QuotesScope = .article
    /// Row of the quotes pane (rows include speaker headings, which the cursor skips).
    public var quotesCursor = 0
    public var quotesTop = 0

    /// Whether entities are highlighted by type in the reader.
    public var showEntities = true
    /// The filter in force (`Query.all` when none).
    public var filter: Query = .all
    /// The last search, kept for `n`/`N` and the highlighting.
    public var search: SearchState?
    public var message: Message?
    /// Background loading progress; nil when the articles were given at once.
    public var loading: LoadingProgress?
    /// Files that could not be read, as `path: reason`.
    public var problems: [String] = []
    /// The filter's phrase check for the backend to run off the keystroke (nil when
    /// the filter is answered whole); its matches come back as `Action.filterChecked`.
    public internal(set) var filterCheck: FilterCheck?
    /// How far that check has gone (nil when none runs).
    public internal(set) var checkProgress: CheckProgress?
    /// Bumped by every filter applied: results of an older check are ignored.
    var checkGeneration = 0
    /// Bumped whenever the matches change without the filter or the counts saying so
    /// (a check's quotes): part of the keys of what is derived from them.
    var matchRevision = 0
    /// A search in the corpus-wide quotes pane reads rows instead of asking the corpus
    /// index when the postings to join exceed this many bytes a quote (`corpusQuoteRowTest`).
    public var quoteSearchReadAbove = 0.5

    /// What the corpus-wide quotes pane's search leaves to the backend (its next match
    /// past the rows read on the key, its match count), run off the keystroke
    /// (`quoteSearchJob()`); its results come back as `Action.quoteSearched`.
    public internal(set) var quoteSearchRequest: QuoteSearchRequest?
    /// The match that search still looks for (nil when found, or when the cursor was
    /// moved since: the answer would come too late to follow).
    var pendingFind: QuoteSearchFind?
    /// Bumped by every new request: results of older ones are dropped.
    var searchGeneration = 0
    /// Rows of the corpus-wide quotes pane a search key reads itself, from the cursor,
    /// before leaving the rest to the backend (each read makes the row's text).
    public var inlineSearchRows = 384

    /// A phrase check this small (articles to read, plus quotes / 16) is done on the key itself.
    public var inlineCheckLimit = 256
    /// Articles per slice of a check (each slice's matches are one action).
    public var checkSliceSize = 1024

    /// Derived values kept between actions (large corpora, long articles); each is
    /// used only while its key still describes the state, so it is never stale.
    /// (Corpus-wide rows read the corpus and its index: dropped before either changes,
    /// which would otherwise copy them.)
    var quoteRowsCache: (key: QuoteRowsKey, rows: QuoteRows)?
    var documentCache: (key: DocumentKey, document: ReaderDocument)?
    var speakerIndexCache: SpeakerIndex?
    /// The speaker index without a filter, kept across filters (clearing one is instant).
    var allSpeakersCache: SpeakerIndex?
    var pickerNarrowing: PickerNarrowing?
    var searchHitsCache: (key: SearchHitsKey, hits: [Int], more: Bool)?

    public init(size: Size, articles: [AnalyzedArticle] = []) {
        self.size = size
        if !articles.isEmpty {
            append(articles)
            index.freeze()
        }
        refreshCaches()
    }

    /// The article shown in the reader.
    public var currentIndex: Int? {
        visible.indices.contains(listCursor) ? visible[listCursor] : nil
    }

    /// The article shown in the reader, with its analysis.
    public var currentArticle: AnalyzedArticle? {
        currentIndex.map { corpus[$0] }
    }

    /// Adds articles (background loading delivers them in batches, prepared for the
    /// index off the main thread): the index takes them in, and the filter in force
    /// is applied to them through it.
    /// (Behind articles that arrived unindexed, they are listed only: `ReaderFeed` never
    /// sends both.)
    mutating func append(_ parts: [CorpusIndexPart]) {
        guard index.articleCount == corpus.count else {
            for part in parts { arrive(part.articles) }
            return
        }
        quoteRowsCache = nil
        let first = corpus.count
        for part in parts {
            corpus.append(contentsOf: part.articles)
            index.append(part)
        }
        addRows(from: first)
        if filter.isEmpty { visible.append(contentsOf: first..<corpus.count) }
        indexAdvanced(from: first)
    }

    /// Articles that join the corpus ahead of the index (`Action.arrived`): listed (and
    /// shown, without a filter) at once; a filter takes them when the index has them.
    mutating func arrive(_ articles: [AnalyzedArticle]) {
        guard !articles.isEmpty else { return }
        quoteRowsCache = nil
        let first = corpus.count
        corpus.append(contentsOf: articles)
        addRows(from: first)
        if filter.isEmpty { visible.append(contentsOf: first..<corpus.count) }
    }

    /// The list rows of articles `first...`, for searching the list.
    private mutating func addRows(from first: Int) {
        for a in first..<corpus.count {
            let row = listRowText(a)
            listSearch.append(row)
            listSearchExact.append(row)
        }
    }

    /// The saved index of the first articles (`Action.indexLoaded`), into an empty index.
    mutating func install(_ saved: CorpusIndex) {
        guard index.articleCount == 0, saved.articleCount <= corpus.count else { return }
        quoteRowsCache = nil
        index = saved
        indexAdvanced(from: 0)
    }

    /// The next arrived articles prepared for the index (`Action.indexed`).
    mutating func catchUp(_ parts: [CorpusIndexPart]) {
        let first = index.articleCount
        quoteRowsCache = nil
        for part in parts where index.articleCount + part.articles.count <= corpus.count {
            index.append(part)
        }
        indexAdvanced(from: first)
    }

    /// The index took in articles `first..<index.articleCount`: the filter in force is
    /// applied to them (all over again when they are many: the phrases are then checked
    /// off the keystroke).
    private mutating func indexAdvanced(from first: Int) {
        let end = index.articleCount
        guard end > first else { return }
        matchRevision += 1
        guard !filter.isEmpty else { return }
        if end - first > checkSliceSize {
            refilter()
            return
        }
        let (docs, quotes) = index.evaluate(filter, in: corpus, range: first..<end)
        visible.append(contentsOf: docs.sorted)
        if matchedQuotes != nil {
            matchedQuotes!.grow(to: index.quoteCount)
            matchedQuotes!.formUnion(index.quotes(quotes, inArticles: docs))
        }
    }

    mutating func append(_ articles: [AnalyzedArticle]) {
        append([CorpusIndexPart(articles)])
    }

    /// Whether quote `q` of article `a` is let through by the filter (its article shown).
    func quoteMatches(article a: Int, quote q: Int) -> Bool {
        guard let matchedQuotes else { return true }
        guard a < index.articleCount else { return false }   // not indexed yet: a filter has not taken it
        return matchedQuotes.contains(index.quoteId(article: a, quote: q))
    }

    /// Stores the derived values for the current state, so that rendering it reuses them.
    mutating func refreshCaches() {
        // Corpus-wide quote rows are read from the speaker index.
        if quotesScope == .corpus { refreshSpeakerIndex() }
        let rows = quoteRows()
        quoteRowsCache = (quoteRowsKey, rows)
        // The picker draws from the speaker index; other keys build it when they need it.
        if case .picker = mode { refreshSpeakerIndex() }
        // Counted here in the list; the corpus-wide quotes pane's count is the backend's.
        if let key = searchHitsKey, searchHitsCache?.key != key {
            searchHitsCache = nil
            if let (hits, more) = searchHits() { searchHitsCache = (key, hits, more) }
        }
        refreshQuoteSearchRequest()
        if let key = documentKey, let doc = readerDocument() { documentCache = (key, doc) }
    }

    /// Keeps the speaker index current (for `}`/`{` and the picker).
    mutating func refreshSpeakerIndex() {
        if speakerIndexCache?.isCurrent(for: self) == true { return }
        if filter.isEmpty, let all = allSpeakersCache, all.isCurrent(for: self) {
            speakerIndexCache = all
            return
        }
        speakerIndexCache = SpeakerIndex.build(for: self)
        if filter.isEmpty { allSpeakersCache = speakerIndexCache }
    }

    /// Recomputes the visible set after a filter change, keeping the current article when it stays.
    /// Phrases to read in many texts are left to a check (`filterCheck`) whose matches arrive later.
    mutating func refilter() {
        let keep = currentIndex
        checkGeneration += 1
        matchRevision += 1
        filterCheck = nil
        checkProgress = nil
        if filter.isEmpty {
            visible = Array(corpus.indices)
            matchedQuotes = nil
        } else {
            let plan = index.plan(filter)
            if plan.needsCheck {
                applyPlan(plan, keep: keep)
            } else {
                let docs = plan.decidedArticles
                visible = docs.sorted
                matchedQuotes = index.quotes(plan.decidedQuotes, inArticles: docs)
            }
        }
        // The corpus-wide quotes pane reads its rows from the speaker index.
        if quotesScope == .corpus { refreshSpeakerIndex() }
        if let keep, let row = visible.firstIndex(of: keep) {
            listCursor = row
        } else {
            listCursor = 0
            readerTop = 0
            currentQuote = nil
        }
        quotesCursor = 0
        quotesTop = 0
    }
}
