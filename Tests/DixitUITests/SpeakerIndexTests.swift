import DixitKit
import Testing
@testable import DixitUI

/// The kept speaker index (picker, `}`/`{`) gives the same groups as grouping the
/// filtered quotes afresh, whether the corpus came at once or in loading batches.
struct SpeakerIndexTests {
    /// The quotes the filter lets through, judged article by article on each one
    /// prepared afresh (the reference the corpus index must agree with).
    static func plainQuotes(_ s: AppState) -> [QuoteRef] {
        var out: [QuoteRef] = []
        for (a, article) in s.corpus.enumerated() {
            let t = QueryTarget(article)
            guard s.filter.matches(t) else { continue }
            for q in article.quotes.indices where s.filter.matches(quote: q, in: t) { out.append(QuoteRef(article: a, quote: q)) }
        }
        return out
    }

    /// The groups as the plain evaluation makes them: every filtered quote regrouped.
    static func plainGroups(_ s: AppState) -> [SpeakerGroup] {
        AppState.groupBySpeaker(plainQuotes(s), in: s.corpus).filter { $0.name != nil }
    }

    /// The seeds again and again, their quotes given speakers written in varied ways
    /// (case, accents), some unattributed, the way a large corpus repeats names.
    static func generated(_ n: Int) -> [AnalyzedArticle] {
        let speakers: [String?] = ["Jens Stoltenberg", "jens stoltenberg", "Julianne Smith", "Jake Sullivan",
                                   "Emmanuel Macron", "Élisabeth Borne", "ELISABETH BORNE", nil, "Olaf Scholz"]
        var out: [AnalyzedArticle] = []
        for i in 0..<n {
            var a = i % 2 == 0 ? SeedFixture.seed000 : SeedFixture.seed004
            a.quotes = a.quotes.enumerated().map { j, q in
                var q = q
                q.speaker = speakers[(i * 7 + j * 3) % speakers.count]
                return q
            }
            if i % 5 == 4 { a.quotes.removeLast() }
            out.append(a)
        }
        return out
    }

    static let filters = ["", "speaker:borne", "otan", "-ukraine", "kind:direct", "date:2022-04", "speaker:stoltenberg kind:partial"]

    @Test func seedsGiveTheSameGroupsAsThePlainGrouping() {
        for f in Self.filters {
            let s = run(SeedFixture.state(120, 40), [.key(.char("f"))] + keys(f) + [.key(.enter)])
            #expect(s.filter.source == f)
            #expect(s.filteredQuotes() == Self.plainQuotes(s), "filter \(f)")
            #expect(s.speakerGroups() == Self.plainGroups(s), "filter \(f)")
        }
        let s = SeedFixture.state(120, 40)
        #expect(s.speakerGroups().map(\.name) == ["Jens Stoltenberg", "Jake Sullivan", "Julianne Smith"])
    }

    @Test func batchesGiveTheSameGroupsAsTheWholeCorpus() {
        let articles = Self.generated(60)
        for f in Self.filters {
            var batched = run(AppState(size: Size(width: 120, height: 40)), [.key(.char("f"))] + keys(f) + [.key(.enter)])
            var done = 0
            for chunk in stride(from: 0, to: articles.count, by: 7) {
                let batch = Array(articles[chunk..<min(articles.count, chunk + 7)])
                done += batch.count
                _ = batched.apply(.loaded(articles: batch, done: done, total: articles.count))
                #expect(batched.speakerGroups() == Self.plainGroups(batched), "filter \(f) after \(done)")
            }
            let whole = run(AppState(size: Size(width: 120, height: 40), articles: articles),
                            [.key(.char("f"))] + keys(f) + [.key(.enter)])
            #expect(whole.speakerGroups() == Self.plainGroups(whole), "filter \(f)")
            #expect(batched.speakerGroups() == whole.speakerGroups(), "filter \(f)")
        }
    }

    @Test func spellingsOfOneSpeakerMakeOneGroupNamedAsFirstWritten() {
        let s = AppState(size: Size(width: 120, height: 40), articles: Self.generated(30))
        let names = s.speakerGroups().compactMap(\.name)
        #expect(names.contains("Jens Stoltenberg") && !names.contains("jens stoltenberg"))
        #expect(names.filter { TextFolding.fold($0) == "elisabeth borne" }.count == 1)
        #expect(!s.speakerGroups().contains { $0.name == nil })
    }

    @Test func pickerNarrowsLikeFoldedSubstring() {
        let s = AppState(size: Size(width: 120, height: 40), articles: Self.generated(30))
        for typed in ["", "bor", "BÖRNE", "stolt", "s", "zz", "é"] {
            var p = SpeakerPicker()
            p.input = TextInput(typed)
            let folded = TextFolding.fold(typed)
            let want = folded.isEmpty ? Self.plainGroups(s)
                : Self.plainGroups(s).filter { TextFolding.fold($0.name ?? "").contains(folded) }
            #expect(Array(s.pickerChoices(p)) == want, "typed \(typed)")
        }
    }

    @Test func speakerJumpWalksTheIndexedQuotes() {
        var s = AppState(size: Size(width: 120, height: 40), articles: Self.generated(20))
        _ = s.apply(.key(.char("]")))
        guard let a = s.currentIndex, let q = s.currentQuote, let name = s.corpus[a].quotes[q].speaker else {
            Issue.record("no first quote"); return
        }
        let key = TextFolding.fold(name)
        let refs = SpeakerIndexTests.plainQuotes(s).filter { s.corpus[$0.article].quotes[$0.quote].speaker.map(TextFolding.fold) == key }
        var seen: [QuoteRef] = []
        for _ in refs.indices {
            _ = s.apply(.key(.char("}")))
            if let a = s.currentIndex, let q = s.currentQuote { seen.append(QuoteRef(article: a, quote: q)) }
        }
        #expect(Set(seen) == Set(refs))
    }
}

/// The filter's match count on the status line comes from the index: it must count
/// every filtered quote, unattributed ones too.
struct SpeakerIndexCountTests {
    @Test func matchCountIsEveryFilteredQuote() {
        let base = AppState(size: Size(width: 120, height: 40), articles: SpeakerIndexTests.generated(25))
        for f in SpeakerIndexTests.filters where !f.isEmpty {
            let s = run(base, [.key(.char("f"))] + keys(f) + [.key(.enter)])
            let want = SpeakerIndexTests.plainQuotes(s)
            #expect(s.speakerIndex().quoteCount == want.count, "filter \(f)")
            #expect(s.message?.text.hasSuffix("· \(want.count) quotes match") == true, "filter \(f)")
        }
    }
}

/// Typing in the picker narrows the last answer; erasing starts again: the choices
/// stay those of a fresh folded-substring match at every key.
struct PickerNarrowingTests {
    @Test func eachKeyListsWhatAFreshMatchLists() {
        var s = run(AppState(size: Size(width: 120, height: 40), articles: SpeakerIndexTests.generated(30)), keys("s"))
        let typing: [Key] = [.char("b"), .char("O"), .char("r"), .backspace, .backspace, .backspace, .char("e"), .char("L"), .char("z")]
        for k in typing {
            _ = s.apply(.key(k))
            guard case .picker(let p) = s.mode else { Issue.record("picker closed"); return }
            let typed = TextFolding.fold(p.input.text)
            let want = typed.isEmpty ? SpeakerIndexTests.plainGroups(s)
                : SpeakerIndexTests.plainGroups(s).filter { TextFolding.fold($0.name ?? "").contains(typed) }
            #expect(Array(s.pickerChoices(p)) == want, "typed \(p.input.text)")
        }
    }
}
