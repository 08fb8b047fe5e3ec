import DixitKit
import DixitUI
import Foundation

/// `dixit-bench keys`: the reader's own update and render, timed key by key on a loaded
/// corpus: filter typing and Enter (which refilters the corpus), the speaker picker,
/// and corpus-wide `}` jumps. What a user waits for between a key and the redraw
/// (the terminal's own drawing aside).
enum ReaderKeys {
    struct Latencies {
        var filterTyping: [Double] = []
        var filterEnter: [Double] = []
        var picker: [Double] = []
        var speakerJump: [Double] = []
        /// `/` in the article list: each key of a title word, then Enter.
        var search: [Double] = []
        /// Enter on a filter that is a quoted phrase: common words, then two words in a row of some quote.
        var phraseEnter: [Double] = []
        /// From that Enter until the phrase check (on a background thread) is over and its
        /// last matches shown; the keys answered meanwhile; each batch of matches taken in.
        var phraseComplete: [Double] = []
        var keysDuringCheck: [Double] = []
        var checkResults: [Double] = []
        /// Phrase filters whose matches, once the check was over, differed from `CorpusIndex.evaluate`'s.
        var phraseMismatches = 0
        /// The index's plan of each phrase alone (no text read), ms, and how many articles it leaves to read.
        var phrasePlan: [Double] = []
        var phrasePending: [Double] = []
        var phraseChecked = 0
        /// The corpus-wide quotes pane: opening it (`a` in the quotes pane), moving, paging,
        /// going to the bottom and top, jumping to a quote, with and without a filter.
        var quotesPane: [Double] = []
        var quotesPaneByKey: [String: [Double]] = [:]
        var prepareSeconds = 0.0
        /// Resident memory (KiB) with the corpus loaded, before the reader's state is made,
        /// and with it made (its corpus index built), before the first key.
        var residentBeforeKiB = 0
        var residentKiB = 0
        /// What the corpus index says it holds, bytes.
        var indexBytes = 0
        /// The same by part (bytes; counts for the `…Count` keys).
        var indexBreakdown: [String: Int] = [:]
    }

    /// CPU time of the calling thread, seconds.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Phrases of common words, French and English (the corpus recombines real articles).
    static let commonPhrases = ["\"il a dit\"", "\"a déclaré\"", "\"said on\"", "\"de la\"", "\"selon le\"", "\"in the\""]

    /// With `phrasesOnTheKey`, phrases are checked on Enter itself, as before the background check (for comparison).
    static func measure(_ articles: [AnalyzedArticle], queries: Int, seed: UInt64, phrasesOnTheKey: Bool = false) -> Latencies {
        var out = Latencies()
        let size = Size(width: 160, height: 48)
        out.residentBeforeKiB = Memory.residentKiB()
        let t0 = Clock.now()
        // As the reader's loader does: batches prepared for the index on every core, then
        // handed to the reader, which merges them into its index.
        var state = AppState(size: size)
        if phrasesOnTheKey { state.inlineCheckLimit = .max }
        let batchSize = 1024
        for start in stride(from: 0, to: articles.count, by: batchSize) {
            let end = min(articles.count, start + batchSize)
            let parts = CorpusIndexPart.prepare(Array(articles[start..<end]))
            _ = state.apply(.loaded(parts, done: end, total: articles.count))
        }
        _ = state.apply(.loadingFinished(problems: []))
        _ = render(state, size: size)
        out.prepareSeconds = Clock.now() - t0
        // Measured here: the query lists below are the benchmark's own, not the reader's.
        out.residentKiB = Memory.residentKiB()
        out.indexBytes = state.index.storageBytes
        out.indexBreakdown = state.index.storageBreakdown

        func timed(_ actions: [Action]) -> Double {
            let k0 = Clock.now()
            for a in actions { _ = state.apply(a) }
            _ = render(state, size: size)
            return (Clock.now() - k0) * 1000
        }

        func quotesPaneKeys() {
            state.focus = .quotes
            let open = timed([.command(.toggleQuotesScope)])
            out.quotesPane.append(open)
            out.quotesPaneByKey["open", default: []].append(open)
            for (name, k) in [("j", Key.char("j")), ("j", .char("j")), ("pageDown", .pageDown), ("pageDown", .pageDown),
                              ("G", .char("G")), ("k", .char("k")), ("g", .char("g")), ("j", .char("j")), ("enter", .enter)] {
                let t = timed([.key(k)])
                out.quotesPane.append(t)
                out.quotesPaneByKey[name, default: []].append(t)
                state.focus = .quotes
            }
            // A search through every row of the corpus-wide pane, for a word of some quote:
            // each key, then what it leaves to the backend (the match past the rows read
            // on the key, the count) run to its end, as the reader's own thread would.
            if !searchWords.isEmpty {
                _ = state.apply(.key(.char("/")))
                func searchKey(_ k: Key, as name: String) {
                    let k0 = Clock.now()
                    let c0 = Self.threadCPUSeconds()
                    let t = timed([.key(k)])
                    // The main thread's CPU time too: what the key costs, other work on the cores aside.
                    out.quotesPaneByKey[name + "CPU", default: []].append((Self.threadCPUSeconds() - c0) * 1000)
                    out.quotesPaneByKey[name, default: []].append(t)
                    if name == "search" { out.quotesPane.append(t) }
                    if state.quoteSearchRequest != nil {
                        let run = QuoteSearchRun.run(&state, size: size, keyStart: k0)
                        out.quotesPaneByKey["searchResult", default: []] += run.results
                        out.quotesPaneByKey["searchSettled", default: []].append(run.settledMs)
                        if let f = run.foundMs { out.quotesPaneByKey["searchFound", default: []].append(f) }
                    }
                }
                for ch in searchWords[rng.below(searchWords.count)] { searchKey(.char(ch), as: "search") }
                searchKey(.enter, as: "search")
                // The next and previous matches (not in the `quotesPane` figure, which they joined later).
                for k in [Key.char("n"), .char("n"), .char("N")] { searchKey(k, as: "searchNext") }
                state.focus = .quotes
            }
            let close = timed([.command(.toggleQuotesScope)])
            out.quotesPane.append(close)
            out.quotesPaneByKey["close", default: []].append(close)
        }

        var rng = SplitMix64(seed: seed)
        let quotes = articles.flatMap(\.quotes)
        let searchWords = quotes.prefix(2000).flatMap { $0.text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 6 } }.map(String.init)
        let speakers = quotes.compactMap(\.speaker)
        let entities = articles.flatMap(\.entities)
        for n in 0..<queries {
            // Bare words, speaker: and entity: terms, as a user types them.
            var query: String
            switch n % 3 {
            case 0:
                guard !quotes.isEmpty else { continue }
                let words = quotes[rng.below(quotes.count)].text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }
                guard !words.isEmpty else { continue }
                query = String(words[rng.below(words.count)])
            case 1:
                guard !speakers.isEmpty else { continue }
                query = "speaker:" + (speakers[rng.below(speakers.count)].split(separator: " ").last.map(String.init) ?? "")
            default:
                guard !entities.isEmpty else { continue }
                query = "entity:" + (entities[rng.below(entities.count)].text.split(separator: " ").last.map(String.init) ?? "")
            }
            query = String(query.filter { $0 != "\"" })
            _ = state.apply(.key(.char("f")))
            for ch in query { out.filterTyping.append(timed([.key(.char(ch))])) }
            out.filterEnter.append(timed([.key(.enter)]))
            // Jumps to the next quotes of the same speaker across the (filtered) corpus.
            for _ in 0..<3 { out.speakerJump.append(timed([.key(.char("}"))])) }
            quotesPaneKeys()
            _ = state.apply(.key(.char("F")))   // clear the filter
            if n % 4 == 0 { quotesPaneKeys() }
            // A quoted phrase: common words first (what a reader of the news types, found in
            // thousands of articles), then two words in a row of some quote.
            var phrase: String?
            if n < Self.commonPhrases.count {
                phrase = Self.commonPhrases[n]
            } else if !quotes.isEmpty {
                let words = quotes[rng.below(quotes.count)].text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 2 }
                if words.count >= 2 {
                    let k = rng.below(words.count - 1)
                    phrase = "\"" + String(words[k]) + " " + String(words[k + 1]) + "\""
                }
            }
            if let phrase {
                if case .success(let q) = Query.parse(phrase) {
                    let p0 = Clock.now()
                    let plan = state.index.plan(q)
                    out.phrasePlan.append((Clock.now() - p0) * 1000)
                    out.phrasePending.append(Double(plan.pendingArticles.count))
                }
                _ = state.apply(.key(.char("f")))
                for ch in phrase { _ = state.apply(.key(.char(ch))) }
                let e0 = Clock.now()
                out.phraseEnter.append(timed([.key(.enter)]))
                if state.filterCheck != nil {
                    let run = PhraseCheckRun.run(&state, size: size)
                    out.phraseComplete.append((Clock.now() - e0) * 1000)
                    out.keysDuringCheck += run.keys
                    out.checkResults += run.results
                    // The first few checked against the answer on the key itself.
                    if out.phraseChecked < 3 {
                        out.phraseChecked += 1
                        let (docs, quotes) = state.index.evaluate(state.filter, in: state.corpus)
                        if docs.sorted != state.visible || state.index.quotes(quotes, inArticles: docs) != state.matchedQuotes {
                            out.phraseMismatches += 1
                        }
                    }
                }
                _ = state.apply(.key(.char("F")))
            }
            // The speaker picker, narrowed letter by letter, then Escape.
            if !speakers.isEmpty {
                _ = state.apply(.key(.char("s")))
                let name = speakers[rng.below(speakers.count)]
                for ch in name.prefix(6) { out.picker.append(timed([.key(.char(ch))])) }
                _ = state.apply(.key(.escape))
            }
            // A search in the article list for a word of some article's title, then Enter.
            let title = articles[rng.below(articles.count)].article.titleText
            let titleWords = title.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }
            if !titleWords.isEmpty {
                state.focus = .list
                _ = state.apply(.key(.char("/")))
                for ch in titleWords[rng.below(titleWords.count)] { out.search.append(timed([.key(.char(ch))])) }
                out.search.append(timed([.key(.enter)]))
            }
        }
        withExtendedLifetime(state) {}
        return out
    }
}
