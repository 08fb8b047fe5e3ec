import Foundation
import Testing
@testable import DixitKit

/// The parallel load: how it splits the files, and that its batches come in input order
/// with the analysis of one file at a time.
@Suite struct CorpusPipelineTests {
    @Test func planCoversEveryFileOnceInOrderWithGrowingBatches() {
        let plan = LoadPlan(fileCount: 3000, batchSize: 1024, workers: 2)
        #expect(plan.batches.map(\.count) == [16, 32, 64, 128, 256, 512, 1024, 968])
        var next = 0
        for c in plan.chunks {
            #expect(c.files.lowerBound == next)
            #expect(!c.files.isEmpty)
            // No chunk spans two batches.
            #expect(plan.batches[c.batch].contains(c.files.lowerBound))
            #expect(plan.batches[c.batch].contains(c.files.upperBound - 1))
            next = c.files.upperBound
        }
        #expect(next == 3000)
    }

    @Test func planSplitsTheFirstBatchAndShrinksChunksAtTheEnd() {
        let plan = LoadPlan(fileCount: 3000, batchSize: 1024, workers: 2)
        // The first 16 files go to several threads, so that the first screen comes soon.
        #expect(plan.chunks.filter { $0.batch == 0 }.count >= 4)
        // Large chunks in the middle, one file at a time at the very end: no thread waits
        // long for another at the end of the load.
        #expect(plan.chunks.map(\.files.count).max() == 64)
        #expect(plan.chunks.last?.files.count == 1)
        // With a cache, chunks keep a few files each (one cache read per chunk).
        let cached = LoadPlan(fileCount: 3000, batchSize: 1024, workers: 2, minChunk: 4)
        #expect(cached.chunks.dropLast().allSatisfy { $0.files.count >= 4 })
    }

    @Test func planOfNothingOrOneFile() {
        #expect(LoadPlan(fileCount: 0, batchSize: 1024, workers: 2).chunks.isEmpty)
        let one = LoadPlan(fileCount: 1, batchSize: 1024, workers: 8)
        #expect(one.batches == [0..<1])
        #expect(one.chunks == [LoadPlan.Chunk(batch: 0, files: 0..<1)])
    }

    @Test func batchesComeInInputOrderWithTheAnalysisOfEachFileAlone() throws {
        // Articles written the way news is written, of very unequal sizes (so that the
        // threads finish their chunks out of order), plus files that cannot be read.
        let dir = try TemporaryDirectory("dixit-pipeline")
        defer { dir.remove() }
        let paragraph = "« Nous ne céderons pas », a déclaré mardi la maire de Lille, Martine Aubry, devant le conseil municipal. "
            + "Selon le préfet du Nord, Georges-François Leclerc, la réunion se tiendra à Paris.\n\n"
        var paths: [String] = []
        for n in 0..<90 {
            let name = String(format: "%03d.txt", n)
            if n % 29 == 7 {
                paths.append(try dir.write(name, bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]))
            } else {
                let body = String(repeating: paragraph, count: n % 7 == 0 ? 40 : 1 + n % 3)
                paths.append(try dir.write(name, "Grève à Lille : la mairie tient bon (\(n))\n\n" + body))
            }
        }
        var batches: [CorpusLoader.Batch] = []
        let out = CorpusLoader().load([dir.path], onBatch: { batches.append($0) })
        let oneByOne = paths.compactMap { p -> AnalyzedArticle? in
            guard case .success(let a) = ArticleLoader().load(p) else { return nil }
            return Analyzer().analyze(a)
        }
        #expect(out.articles.count == 87)
        #expect(batches.map(\.done) == [16, 48, 90])
        #expect(batches.flatMap(\.articles).map(\.article.path) == oneByOne.map(\.article.path))
        #expect(ExportFormat.documentJSON(out.articles) == ExportFormat.documentJSON(oneByOne))
        // Each unreadable file is reported once, in the batch that holds it.
        let errors = batches.flatMap(\.problems).filter { $0.severity == .error }.map(\.path)
        #expect(errors == paths.enumerated().filter { $0.offset % 29 == 7 }.map(\.element))
    }
}
