import Foundation
import Testing
@testable import DixitKit

/// The analysis cache is keyed on the analysis (a hand-bumped version, the record
/// layout, the stored enumerations, the lexicon files), not on the executable: a
/// rebuild keeps it, a change to the analysis's data empties it.
@Suite struct CacheFingerprintTests {
    @Test func theFingerprintNamesTheAnalysisVersionAndTheLexiconNotTheExecutable() {
        let f = AnalyserFingerprint.compute()
        #expect(f == AnalyserFingerprint.current)
        #expect(f.contains("dixit-analyser \(AnalyserFingerprint.analyserVersion);"))
        #expect(f.contains("record \(AnalysisRecord.layoutVersion);"))
        #expect(f.contains("lexicon \(String(AnalyserFingerprint.lexiconHash(), radix: 16))"))
        // Nothing from the binary: not its size, not its modification time.
        #expect(!f.contains("exe"))
        #expect(!f.contains("@"))
        #expect(AnalyserFingerprint.lexiconHash() != 0)
    }

    @Test func aRebuiltBinaryReusesTheCache() throws {
        // A later process (another build of the same analysis) computes the fingerprint
        // anew: it must be the one the cache was written with.
        let cacheDir = try TemporaryDirectory("dixit-cache")
        defer { cacheDir.remove() }
        let loader = CorpusLoader(batchSize: 4)
        _ = loader.load([CacheFixtures.seedsDirectory], cacheDirectory: cacheDir.url)
        let (cache, problems) = AnalysisCache.open(directory: cacheDir.url, fingerprint: AnalyserFingerprint.compute())
        #expect(problems.isEmpty)
        #expect(try cache?.count() == 2)
        cache?.close()
        #expect(loader.load([CacheFixtures.seedsDirectory], cacheDirectory: cacheDir.url).cacheHits == 2)
    }

    @Test func theStoredEnumerationsAreInTheFingerprint() {
        // A record stores an entity type or a quote kind by its position among the
        // cases: a case added or two swapped must give another fingerprint.
        let cases = AnalyserFingerprint.storedCases
        #expect(cases.contains(EntityType.allCases.map(\.rawValue)))
        let h = AnalyserFingerprint.casesHash()
        #expect(AnalyserFingerprint.compute().contains("cases \(String(h, radix: 16))"))
        var added = cases
        added[2].append("EVENT")
        #expect(AnalyserFingerprint.casesHash(added) != h)
        var swapped = cases
        swapped[3].swapAt(0, 1)
        #expect(AnalyserFingerprint.casesHash(swapped) != h)
    }
}
