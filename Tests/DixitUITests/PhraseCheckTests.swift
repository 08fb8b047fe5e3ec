import DixitKit
import Foundation
import Testing
@testable import DixitUI

/// A phrase filter's texts are read off the keystroke: Enter shows what the index
/// decides, the check's slices bring the rest in corpus order with a progress
/// indicator, and the end result is the reference evaluation's (each article
/// prepared and matched). A newer filter wins over an older check.
struct PhraseCheckTests {
    /// Short news items written for the test: some say "a déclaré" (in the text or inside a
    /// quote), some have both words apart, some neither.
    static let corpus: [AnalyzedArticle] = {
        let towns = ["Lyon", "Nantes", "Lille", "Rennes", "Dijon", "Brest", "Metz"]
        let people = ["Claire Dubois", "Marc Lefèvre", "Sophie Martin", "Paul Girard", "Nadia Benali"]
        var out: [AnalyzedArticle] = []
        for i in 0..<48 {
            let town = towns[i % towns.count], who = people[(i * 3) % people.count]
            let body: String
            switch i % 4 {
            case 0:
                body = """
                La maire de \(town), \(who), a déclaré mardi que le budget serait voté avant l'été. \
                « Nous tiendrons nos engagements », a-t-elle ajouté devant le conseil municipal.
                """
            case 1:
                body = """
                Le conseil de \(town) a voté \(i + 3) délibérations lundi. \(who) avait déclaré la veille \
                qu'elle s'abstiendrait. « Ce texte arrive trop tard », a-t-elle estimé.
                """
            case 2:
                body = """
                « Le gouvernement a déclaré la guerre aux communes », a lancé \(who), élu de \(town), \
                lors d'une réunion publique jeudi soir.
                """
            default:
                body = """
                Les travaux du tramway de \(town) reprendront en septembre, selon la métropole. \
                Le chantier durera \(i % 5 + 2) ans.
                """
            }
            let text = "\(town) : séance du \(i + 1) mars\n\n\(body)\n"
            guard case .success(let article) = ArticleLoader().parse(path: "news/\(i).txt", bytes: Array(text.utf8)) else {
                continue
            }
            out.append(Analyzer().analyze(article))
        }
        return out
    }()

    /// The articles a filter lets through, each one prepared and matched.
    static func reference(_ filter: String, _ articles: [AnalyzedArticle]) -> [Int] {
        let q = (try? Query.parse(filter).get()) ?? .all
        return articles.indices.filter { q.matches(QueryTarget(articles[$0])) }
    }

    static func state() -> AppState {
        var s = AppState(size: Size(width: 120, height: 40), articles: corpus)
        s.inlineCheckLimit = 0   // every phrase checked in slices, as in a large corpus
        s.checkSliceSize = 10
        return s
    }

    static func filter(_ f: String) -> [Action] {
        [.key(.char("f")), .key(.ctrl("u"))] + keys(f) + [.key(.enter)]
    }

    @Test func thePhraseIsCheckedInSlicesWithProgressThenMatchesTheReference() throws {
        let phrase = "\"a déclaré\""
        let want = Self.reference(phrase, Self.corpus)
        // The test means something: some articles match, and some hold both words apart.
        #expect(!want.isEmpty && want.count < Self.corpus.count)
        let plan = AppState(size: Size(width: 120, height: 40), articles: Self.corpus).index.plan(try Query.parse(phrase).get())
        #expect(plan.pendingArticles.count > want.count)

        var s = run(Self.state(), Self.filter(phrase))
        let check = try #require(s.filterCheck)
        #expect(s.checkProgress == CheckProgress(done: 0, total: Self.corpus.count))
        #expect(screen(s).contains("checking… 0%"))
        #expect(s.message?.text.contains("checking the phrase in") == true)
        // Article 0 was being read: checked on the key, it stays under the cursor.
        let keep = want.contains(0) ? [0] : []
        #expect(s.visible == keep)
        let slices = check.slices
        #expect(slices.count == 5)
        for (k, slice) in slices.enumerated() {
            _ = s.apply(check.check(slice))
            if k < slices.count - 1 {
                #expect(s.visible == want.filter { $0 < slice.upperBound || keep.contains($0) })
                let percent = slice.upperBound * 100 / Self.corpus.count
                #expect(s.checkProgress?.percent == percent)
                #expect(screen(s).contains("checking… \(percent)%"), "\(screen(s))")
                // Keys are answered meanwhile.
                let row = s.listCursor
                _ = s.apply(.key(.char("j")))
                #expect(s.listCursor == min(row + 1, s.visible.count - 1))
            }
        }
        #expect(s.filterCheck == nil && s.checkProgress == nil)
        #expect(s.visible == want)
        #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s))
        #expect(s.filteredQuotes().contains { s.corpus[$0.article].quotes[$0.quote].text.contains("a déclaré") })
        #expect(!screen(s).contains("checking"))
        #expect(s.message?.text == "\(want.count)/\(Self.corpus.count) articles · \(SpeakerIndexTests.plainQuotes(s).count) quotes match")
        // The same as the answer on the key itself (a corpus this small is checked at once).
        let inline = run(AppState(size: Size(width: 120, height: 40), articles: Self.corpus), Self.filter(phrase))
        #expect(inline.filterCheck == nil && inline.visible == want)
    }

    final class Posted: @unchecked Sendable {
        let lock = NSLock()
        var actions: [Action] = []
        func add(_ a: Action) { lock.lock(); actions.append(a); lock.unlock() }
    }

    @Test func threadsCheckingSlicesPostThemInCorpusOrder() throws {
        let phrase = "\"a déclaré\""
        let want = Self.reference(phrase, Self.corpus)
        var s = Self.state()
        s.checkSliceSize = 3   // 16 slices over 4 threads
        s = run(s, Self.filter(phrase))
        let check = try #require(s.filterCheck)
        let posted = Posted()
        let group = DispatchGroup()
        check.start(workers: 4, spawn: { body in
            group.enter()
            Thread { body(); group.leave() }.start()
        }, isCancelled: { false }, post: { posted.add($0) })
        group.wait()
        let done = posted.actions.compactMap { if case .filterChecked(let r) = $0 { r.done } else { nil } }
        #expect(done == check.slices.map { $0.upperBound })
        for a in posted.actions { _ = s.apply(a) }
        #expect(s.filterCheck == nil && s.visible == want)
        #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s))
        // Cancelled: the threads stop taking slices.
        let stopped = Posted()
        let cancelled = try #require(run(Self.state(), Self.filter(phrase)).filterCheck)
        let g2 = DispatchGroup()
        cancelled.start(workers: 2, spawn: { body in g2.enter(); Thread { body(); g2.leave() }.start() },
                        isCancelled: { true }, post: { stopped.add($0) })
        g2.wait()
        #expect(stopped.actions.isEmpty)
    }

    @Test func aNewerFilterTypedDuringTheCheckWins() throws {
        var s = run(Self.state(), Self.filter("\"a déclaré\""))
        let old = try #require(s.filterCheck)
        let slices = old.slices
        _ = s.apply(old.check(slices[0]))
        // A second phrase, typed while the first is being checked.
        let second = "\"le gouvernement\" -\"a voté\""
        s = run(s, Self.filter(second))
        let new = try #require(s.filterCheck)
        #expect(new.generation != old.generation)
        // The older check's slices still arriving change nothing.
        let before = s.visible
        for slice in slices.dropFirst() { _ = s.apply(old.check(slice)) }
        #expect(s.visible == before)
        #expect(s.filterCheck?.generation == new.generation)
        new.run(isCancelled: { false }, post: { _ = s.apply($0) })
        let want = Self.reference(second, Self.corpus)
        #expect(!want.isEmpty)
        #expect(s.visible == want)
        #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s))
        #expect(s.filterCheck == nil)
    }

    @Test func anEmptyFilterCancelsTheCheckAndRestoresTheList() throws {
        var s = run(Self.state(), Self.filter("\"a déclaré\""))
        let check = try #require(s.filterCheck)
        _ = s.apply(check.check(check.slices[0]))
        #expect(s.visible.count < Self.corpus.count)
        s = run(s, Self.filter(""))
        #expect(s.filterCheck == nil && s.checkProgress == nil)
        #expect(s.visible == Array(Self.corpus.indices))
        for slice in check.slices.dropFirst() { _ = s.apply(check.check(slice)) }
        #expect(s.visible == Array(Self.corpus.indices))
        #expect(s.matchedQuotes == nil)
        #expect(!screen(s).contains("checking"))
        // F clears a filter being checked the same way.
        s = run(s, Self.filter("\"a déclaré\""))
        #expect(s.filterCheck != nil)
        s = run(s, [.key(.char("F"))])
        #expect(s.filterCheck == nil && s.visible == Array(Self.corpus.indices))
    }

    @Test func anExcludedPhraseShowsTheArticlesWithoutItsWordsAtOnceAndKeepsTheCursor() throws {
        let phrase = "-\"a déclaré\""
        let want = Self.reference(phrase, Self.corpus)
        // The article being read: one with neither word (a tramway item).
        var s = Self.state()
        s = run(s, Array(repeating: .key(.char("j")), count: 7))
        let reading = try #require(s.currentIndex)
        #expect(want.contains(reading))
        s = run(s, Self.filter(phrase))
        let check = try #require(s.filterCheck)
        // Articles without the words are decided by the index: shown before any text is read.
        let shownAtOnce = s.visible
        #expect(!shownAtOnce.isEmpty && shownAtOnce.allSatisfy(want.contains))
        #expect(s.currentIndex == reading)
        for slice in check.slices {
            _ = s.apply(check.check(slice))
            #expect(s.currentIndex == reading, "the cursor follows the article read")
            #expect(s.visible == s.visible.sorted() && Set(s.visible).count == s.visible.count)
        }
        #expect(s.visible == want)
        #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s))
    }

    @Test func theQuotesPaneAndThePickerFollowTheMatchesAsTheyArrive() throws {
        var s = run(Self.state(), [.key(.char("l")), .key(.char("l")), .key(.char("a"))] + Self.filter("\"a déclaré\""))
        #expect(s.quotesScope == .corpus)
        let check = try #require(s.filterCheck)
        var counts: [Int] = []
        for slice in check.slices {
            _ = s.apply(check.check(slice))
            counts.append(s.filteredQuotes().count)
            #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s).filter { s.visible.contains($0.article) })
            #expect(s.speakerGroups() == AppState.groupBySpeaker(s.filteredQuotes(), in: s.corpus).filter { $0.name != nil })
        }
        #expect(counts == counts.sorted() && counts.first! < counts.last!)
        #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s))
    }
}
