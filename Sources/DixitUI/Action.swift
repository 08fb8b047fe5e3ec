import DixitKit

/// Everything that can happen to the reader: input, resize, loading.
public enum Action: Sendable {
    case key(Key)
    /// A command of the action table, as if its key had been pressed in the focused pane.
    case command(Command)
    case mouse(MouseEvent)
    case resize(Size)
    /// Articles loaded so far (a batch, prepared for the corpus index off the main
    /// thread), with progress over all files.
    case loaded([CorpusIndexPart], done: Int, total: Int)
    /// Articles loaded, shown at once, indexed later (`indexLoaded`, `indexed`): what
    /// `ReaderFeed` sends while it reads back a saved index. Until then a filter
    /// leaves them out, and corpus-wide views do not count them.
    case arrived([AnalyzedArticle], done: Int, total: Int)
    /// The corpus index of the first articles, saved by an earlier start (`IndexStore`).
    /// Only into an empty index.
    case indexLoaded(CorpusIndex)
    /// The next articles of the corpus (arrived already) prepared for the index.
    case indexed([CorpusIndexPart])
    /// Loading is over; `problems` are the files that could not be read.
    case loadingFinished(problems: [String])
    /// Matches of a slice of the filter's phrase check (`AppState.filterCheck`), run off the keystroke.
    case filterChecked(FilterCheckResult)
    /// What the corpus-wide quotes pane's search found or counted off the keystroke
    /// (`AppState.quoteSearchRequest`).
    case quoteSearched(QuoteSearchResult)
}

extension Action {
    /// A batch of analysed articles (prepared here).
    public static func loaded(articles: [AnalyzedArticle], done: Int, total: Int) -> Action {
        .loaded([CorpusIndexPart(articles)], done: done, total: total)
    }
}

/// What the backend must do after an update.
public enum Effect: Hashable, Sendable {
    case none
    case quit
}
