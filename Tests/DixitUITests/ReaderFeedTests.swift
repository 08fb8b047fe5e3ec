import DixitKit
import Foundation
import Testing
@testable import DixitUI

/// The reader's start through `ReaderFeed`: a second start reads back the corpus
/// index saved by the first, and the reader answers every filter, the speaker
/// groups and the quotes exactly as with an index built from the articles; new files
/// after the last extend it, a changed one rebuilds it, and a filter typed while the
/// articles arrive ahead of their index is applied once the index comes.
@Suite struct ReaderFeedTests {
    static let filters = ["", "otan", "-ukraine", "speaker:stoltenberg", "\"fosses communes\"", "kind:direct", "type:LOC",
                          "grève", "speaker:garnier", "date:2023", "lang:en", "\"le dialogue reste\""]

    /// A corpus folder: the seeds, and news items written for this test.
    final class Corpus {
        let root: URL, cache: URL
        init() throws {
            let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dixit-feed-\(getpid())-\(UUID().uuidString)")
            root = base.appendingPathComponent("news")
            cache = base.appendingPathComponent("cache")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for name in ["000_62b49142b57b139c.txt", "004_f57e383da64bcd99.txt"] {
                try FileManager.default.copyItem(at: SeedFixture.seedsDirectory.appendingPathComponent(name),
                                                 to: root.appendingPathComponent("1-" + name))
            }
            try write("2-greve.txt", """
                Grève à la SNCF : « nous irons jusqu'au bout »

                Publié le 7 mars 2023

                « Nous irons jusqu'au bout », a prévenu mardi Paul Garnier, secrétaire de la CGT-Cheminots, à Lyon.

                La ministre des Transports, Élise Martin, juge que « le dialogue reste ouvert ». Selon elle, un accord est « encore possible ».
                """)
            try write("3-port.txt", """
                Port strike enters second week

                March 14, 2023

                "We are not going back until the company listens," union leader Tom Becker told reporters in Rotterdam on Monday.

                The operator, Northsea Terminals, said it had offered a raise. "That offer remains on the table," a spokeswoman said.
                """)
        }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    }

    final class Posted: @unchecked Sendable {
        var actions: [Action] = []
    }

    /// The actions of a start, and its outcome (with the cache, or without any).
    static func start(_ corpus: Corpus, cached: Bool = true) -> ([Action], ReaderFeed.Outcome) {
        let feed = ReaderFeed(corpusLoader: CorpusLoader(cacheDirectory: cached ? corpus.cache : nil),
                              store: cached ? IndexStore(cacheDirectory: corpus.cache) : nil)
        let posted = Posted()
        let outcome = feed.run([corpus.root.path]) { posted.actions.append($0) }
        return (posted.actions, outcome)
    }

    /// The reader after the actions, its index saved as the reader saves it.
    static func reader(_ actions: [Action], _ outcome: ReaderFeed.Outcome, before: [Action] = []) -> AppState {
        var s = AppState(size: Size(width: 120, height: 40))
        s.loading = LoadingProgress(done: 0, total: 0, finished: false)
        s = run(s, before + actions)
        if let request = outcome.save { #expect(request.save(s.index) == nil) }
        return s
    }

    /// What the reader shows for each filter: articles, quotes, speaker groups.
    static func answers(_ s: AppState) -> [String] {
        filters.map { f in
            let t = run(s, [.key(.char("f"))] + keys(f) + [.key(.enter)])
            return "\(f) → \(t.visible.map { t.corpus[$0].article.path }) \(t.filteredQuotes()) \(t.speakerGroups().map { "\($0.name ?? "-")×\($0.quotes.count)" })"
        }
    }

    @Test func aSecondStartReadsTheSavedIndexAndAnswersTheSame() throws {
        let corpus = try Corpus()
        let (coldActions, cold) = Self.start(corpus)
        #expect(cold.fromSavedIndex == 0 && cold.save != nil)
        #expect(!coldActions.contains { if case .arrived = $0 { true } else { false } })
        let first = Self.reader(coldActions, cold)
        #expect(first.corpus.count == 4 && first.loading?.finished == true)
        #expect(FileManager.default.fileExists(atPath: corpus.cache.appendingPathComponent("indexes").path))

        let (warmActions, warm) = Self.start(corpus)
        #expect(warm.fromSavedIndex == 4 && warm.save == nil)
        #expect(warmActions.contains { if case .indexLoaded = $0 { true } else { false } })
        let second = Self.reader(warmActions, warm)
        let reference = Self.reader(Self.start(corpus, cached: false).0, Self.start(corpus, cached: false).1)
        let want = Self.answers(reference)
        #expect(Self.answers(second) == want)
        #expect(Self.answers(first) == want)
        // The comparison finds something and leaves something out.
        #expect(want.contains { $0.hasPrefix("speaker:garnier → [") && $0.contains("2-greve.txt") && !$0.contains("3-port") })

        // A new file after the last: the saved index serves the first four.
        try corpus.write("4-nouveau.txt", """
            Inondations dans le Gard

            Publié le 2 octobre 2024

            « Nous n'avions jamais vu ça », a raconté Hélène Roux, maire de la commune, à Nîmes.
            """)
        let (moreActions, more) = Self.start(corpus)
        #expect(more.fromSavedIndex == 4 && more.save != nil)
        let grown = Self.reader(moreActions, more)
        #expect(grown.corpus.count == 5)
        let grownReference = Self.reader(Self.start(corpus, cached: false).0, Self.start(corpus, cached: false).1)
        #expect(Self.answers(grown) == Self.answers(grownReference))
        #expect(Self.start(corpus).1.fromSavedIndex == 5)

        // A changed file before the last: the index is built again.
        try corpus.write("2-greve.txt", "Grève reconduite\n\n« La grève continue », a annoncé Paul Garnier.\n")
        let (changedActions, changed) = Self.start(corpus)
        #expect(changed.fromSavedIndex == 0 && changed.save != nil)
        let rebuilt = Self.reader(changedActions, changed)
        let changedReference = Self.reader(Self.start(corpus, cached: false).0, Self.start(corpus, cached: false).1)
        #expect(Self.answers(rebuilt) == Self.answers(changedReference))
    }

    @Test func aFilterTypedWhileArticlesArriveIsAppliedWhenTheIndexComes() throws {
        let corpus = try Corpus()
        let (coldActions, cold) = Self.start(corpus)
        _ = Self.reader(coldActions, cold)
        let (warmActions, warm) = Self.start(corpus)
        #expect(warm.fromSavedIndex == 4)
        let reference = Self.reader(Self.start(corpus, cached: false).0, Self.start(corpus, cached: false).1)
        for f in Self.filters where !f.isEmpty {
            var s = AppState(size: Size(width: 120, height: 40))
            s.loading = LoadingProgress(done: 0, total: 0, finished: false)
            var arrived = 0
            for a in warmActions {
                if case .arrived(let articles, _, _) = a { arrived += articles.count }
                _ = s.apply(a)
                if arrived > 0 && s.filter.isEmpty {
                    // Articles listed, none indexed yet: the filter keeps them out for now.
                    #expect(s.index.articleCount == 0 && s.visible.count == s.corpus.count)
                    s = run(s, [.key(.char("f"))] + keys(f) + [.key(.enter)])
                    #expect(s.visible.isEmpty && s.filteredQuotes().isEmpty)
                    _ = s.apply(.key(.char("}")))   // a corpus-wide jump before the index: no crash
                }
            }
            let want = run(reference, [.key(.char("f"))] + keys(f) + [.key(.enter)])
            #expect(s.visible == want.visible, "filter \(f)")
            #expect(s.filteredQuotes() == want.filteredQuotes(), "filter \(f)")
            #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s), "filter \(f)")
        }
    }

    @Test func anIndexThatCannotBeSavedIsAWarningNotAFailure() throws {
        let corpus = try Corpus()
        let (actions, outcome) = Self.start(corpus)
        let request = try #require(outcome.save)
        var s = AppState(size: Size(width: 120, height: 40))
        s = run(s, actions)
        // Where the index would go is a file: nothing can be written under it.
        let blocked = IndexStore(cacheDirectory: corpus.root.appendingPathComponent("1-000_62b49142b57b139c.txt"))
        let problem = ReaderFeed.SaveRequest(store: blocked, key: request.key, digests: request.digests).save(s.index)
        #expect(problem?.severity == .warning && problem?.message.contains("cannot save the corpus index") == true)
        // The articles are untouched, and the reader has them all.
        #expect(s.corpus.count == 4 && s.index.articleCount == 4)
        #expect(try String(contentsOf: corpus.root.appendingPathComponent("2-greve.txt"), encoding: .utf8).hasPrefix("Grève à la SNCF"))
    }

    @Test func withoutTheCacheNothingIsSaved() throws {
        let corpus = try Corpus()
        let (actions, outcome) = Self.start(corpus, cached: false)
        #expect(outcome.save == nil && outcome.fromSavedIndex == 0)
        #expect(Self.reader(actions, outcome).corpus.count == 4)
        #expect(!FileManager.default.fileExists(atPath: corpus.cache.path))
    }
}
