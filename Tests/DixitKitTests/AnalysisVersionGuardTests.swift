import Foundation
import Testing
@testable import DixitKit

/// The analysis cache trusts `AnalyserFingerprint.analyserVersion`: a cached record is
/// reused as long as the version (and the lexicon) are unchanged. This test pins what
/// the analysis produces on the seeds and on passages written here, so that a change to
/// an extractor cannot land without bumping the version (which empties every cache).
/// When it fails: bump `analyserVersion`, then record the new digest below with it.
@Suite struct AnalysisVersionGuardTests {
    static let recorded: (version: Int, digest: String) = (3, "c6e1ffe82e34ab02")

    /// Written the way news is written, in both languages and with every kind of mark.
    static let passages = [
        """
        Retraites : la Première ministre promet « un dialogue sans tabou »

        « Nous ne reculerons pas », a déclaré mardi Élisabeth Borne devant les députés. Selon elle, la réforme est « indispensable ».
        Le secrétaire général de la CFDT, Laurent Berger, a répondu qu’il jugeait le texte « injuste et brutal ». « On ne lâchera rien », a-t-il ajouté à Paris.
        """,
        """
        Storm leaves thousands without power

        "We are doing everything we can," said Maria Lopez, a spokeswoman for Pacific Gas and Electric. The mayor of San Francisco, London Breed, told reporters the city would open shelters.
        According to the National Weather Service, more rain is expected. "It's not over yet," she added.
        """,
        // Decomposed accents (NFD), as some sites and tools write them.
        "Le\u{301}gislatives : le pre\u{301}sident appelle au calme\n\nPublie\u{301} le 3 fe\u{301}vrier 2024\n\n"
            + "« Le pays a besoin de stabilite\u{301} », a estime\u{301} E\u{301}douard Philippe a\u{300} Nice. "
            + "« Nous ne ce\u{301}derons pas », a de\u{301}clare\u{301} le ministre de l’Inte\u{301}rieur, Ge\u{301}rald Darmanin.\n",
    ]

    static func analysisDigest() throws -> String {
        var articles: [Article] = []
        let seeds = try FileManager.default.contentsOfDirectory(atPath: CacheFixtures.seedsDirectory)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(seeds.count == 2)
        let loader = ArticleLoader()
        for name in seeds {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CacheFixtures.seedsDirectory + "/" + name)))
            articles.append(try loader.parse(path: name, bytes: bytes).get())
        }
        for (i, p) in passages.enumerated() {
            articles.append(try loader.parse(path: "passage-\(i).txt", bytes: Array(p.utf8)).get())
        }
        let analyzer = Analyzer()
        let analysed = articles.map(analyzer.analyze)
        // The pinned output is not empty: every passage has attributed quotes.
        for a in analysed.suffix(passages.count) {
            #expect(a.quotes.filter { $0.speaker != nil }.count >= 2)
        }
        let json = ExportFormat.documentJSON(analysed)
        // FNV-1a, 64 bits: stable across runs and platforms (Hasher is seeded per process).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in json.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    @Test func theAnalysisIsTheOneItsVersionRecorded() throws {
        let digest = try Self.analysisDigest()
        #expect(AnalyserFingerprint.analyserVersion == Self.recorded.version,
                "the analysis version changed: record its digest \(digest) with it")
        #expect(digest == Self.recorded.digest || AnalyserFingerprint.analyserVersion != Self.recorded.version,
                "the analysis output changed (digest \(digest)): bump AnalyserFingerprint.analyserVersion and record the new digest")
    }
}
