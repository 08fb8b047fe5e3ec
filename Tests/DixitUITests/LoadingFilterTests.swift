import DixitKit
import Testing
@testable import DixitUI

/// A filter typed while articles are still arriving is applied to each batch through
/// the corpus index: the articles shown and the quotes let through must be those the
/// reference evaluation (each article prepared and matched) gives at every step.
struct LoadingFilterTests {
    static let filters = ["otan", "-ukraine", "\"fosses communes\"", "-\"fosses communes\"", "speaker:borne kind:direct",
                          "entity:otan", "type:LOC -speaker:stoltenberg", "date:2022-04 \"les États-Unis\""]

    @Test func batchesArrivingUnderAFilterAreJudgedAsTheWholeCorpus() {
        let articles = SpeakerIndexTests.generated(40)
        for f in Self.filters {
            var s = run(AppState(size: Size(width: 120, height: 40)), [.key(.char("f"))] + keys(f) + [.key(.enter)])
            #expect(s.filter.source == f)
            var done = 0
            for chunk in stride(from: 0, to: articles.count, by: 9) {
                let batch = Array(articles[chunk..<min(articles.count, chunk + 9)])
                done += batch.count
                // Several parts in one batch, as the loader prepares them.
                _ = s.apply(.loaded(CorpusIndexPart.prepare(batch, partSize: 4), done: done, total: articles.count))
                let want = s.corpus.indices.filter { s.filter.matches(QueryTarget(s.corpus[$0])) }
                #expect(s.visible == want, "filter \(f) after \(done)")
                #expect(s.filteredQuotes() == SpeakerIndexTests.plainQuotes(s), "filter \(f) after \(done)")
            }
            #expect(s.corpus.count == articles.count)
        }
        // Something is shown and something left out.
        let last = run(AppState(size: Size(width: 120, height: 40), articles: articles),
                       [.key(.char("f"))] + keys("\"fosses communes\"") + [.key(.enter)])
        #expect(!last.visible.isEmpty && last.visible.count < articles.count)
    }
}
