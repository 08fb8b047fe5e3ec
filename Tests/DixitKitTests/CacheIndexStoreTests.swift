import Foundation
import Testing
@testable import DixitKit

/// The corpus index saved between starts (`IndexStore`): read back, it answers every
/// query as the index it was saved from; a damaged, truncated or foreign file is
/// never taken for an index.
@Suite struct CacheIndexStoreTests {
    static func built(_ articles: [AnalyzedArticle]) -> CorpusIndex {
        var index = CorpusIndex()
        for part in CorpusIndexPart.prepare(articles, partSize: 2) { index.append(part) }
        index.freeze()
        return index
    }

    static func digests(_ n: Int, salt: UInt64 = 0) -> [UInt64] {
        var d = IndexStore.emptyDigest
        return (0..<n).map { i in d = IndexStore.digest(d, UInt64(i + 1) &* 0x1234_5677 &+ salt); return d }
    }

    @Test func aSavedIndexAnswersAsTheOneItWasSavedFrom() throws {
        let dir = try TemporaryDirectory("dixit-index")
        defer { dir.remove() }
        let articles = QueryCorpusIndexTests.written() + QueryCorpusIndexTests.written().reversed()
        let index = Self.built(articles)
        let store = IndexStore(cacheDirectory: dir.url)
        let key = try #require(IndexStore.pathsKey(["/news/a", "b"], currentDirectory: "/home/u"))
        #expect(key == "/news/a\n/home/u/b")
        #expect(!store.hasIndex(forKey: key))
        try store.save(index, digests: Self.digests(articles.count), forKey: key)
        #expect(store.hasIndex(forKey: key))

        let (saved, problem) = store.load(forKey: key)
        #expect(problem == nil)
        let back = try #require(saved)
        #expect(back.digests == Self.digests(articles.count))
        try QueryCorpusIndexTests().check(back.index, articles, articles.map { QueryTarget($0) })
        #expect(back.index.storageBreakdown["speakerCount"] == index.storageBreakdown["speakerCount"])
        for s in 0..<index.speakerCount {
            #expect(back.index.speakerKey(s) == index.speakerKey(s))
            #expect(back.index.speakerQuotes(s) == index.speakerQuotes(s))
        }
        // More articles can follow a saved index, as they follow a built one.
        var grown = back.index
        var reference = index
        for a in QueryCorpusIndexTests.written() { grown.append(a); reference.append(a) }
        grown.freeze()
        let all = articles + QueryCorpusIndexTests.written()
        try QueryCorpusIndexTests().check(grown, all, all.map { QueryTarget($0) })
        // Other paths: no index.
        #expect(store.load(forKey: "/news/other").saved == nil)
    }

    @Test func aDamagedOrForeignFileIsSetAsideNotTaken() throws {
        let dir = try TemporaryDirectory("dixit-index")
        defer { dir.remove() }
        let articles = QueryCorpusIndexTests.written()
        let store = IndexStore(cacheDirectory: dir.url)
        let key = "/news"
        let file = store.fileURL(key)
        func saveFresh() throws { try store.save(Self.built(articles), digests: Self.digests(articles.count), forKey: key) }

        // One byte changed in the middle, then the file cut short, then garbage.
        try saveFresh()
        var bytes = try Array(Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: file)
        var (saved, problem) = store.load(forKey: key)
        #expect(saved == nil)
        #expect(problem?.message.contains("damaged") == true)
        #expect(FileManager.default.fileExists(atPath: file.path + ".damaged"))
        #expect(!store.hasIndex(forKey: key))

        try saveFresh()
        let whole = try Array(Data(contentsOf: file))
        for cut in [0, 7, whole.count / 3, whole.count - 1] {
            try Data(whole[..<cut]).write(to: file)
            (saved, problem) = store.load(forKey: key)
            #expect(saved == nil && problem != nil, "cut at \(cut)")
        }
        try Data("SQLite format 3\0 not an index at all".utf8).write(to: file)
        (saved, problem) = store.load(forKey: key)
        #expect(saved == nil && problem?.message.contains("not a dixit corpus index") == true)

        // Another analyser's index is not an error: it is rebuilt (and replaced) quietly.
        try IndexStore(cacheDirectory: dir.url, fingerprint: "another analyser").save(Self.built(articles), digests: Self.digests(articles.count), forKey: key)
        (saved, problem) = store.load(forKey: key)
        #expect(saved == nil && problem == nil)
        try saveFresh()
        #expect(store.load(forKey: key).saved?.index.articleCount == articles.count)
    }

    @Test func onlyTheMostRecentIndexesAreKept() throws {
        let dir = try TemporaryDirectory("dixit-index")
        defer { dir.remove() }
        var store = IndexStore(cacheDirectory: dir.url)
        store.keep = 3
        let index = Self.built(Array(QueryCorpusIndexTests.written().prefix(1)))
        for k in 0..<5 {
            try store.save(index, digests: Self.digests(1), forKey: "/news/\(k)")
            // Distinct modification times, oldest first.
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(k - 10))],
                                                  ofItemAtPath: store.fileURL("/news/\(k)").path)
        }
        try store.save(index, digests: Self.digests(1), forKey: "/news/5")
        let kept = (0...5).filter { store.hasIndex(forKey: "/news/\($0)") }
        #expect(kept == [3, 4, 5])
        #expect(throws: BinaryFileError.self) { try store.save(index, digests: Self.digests(2), forKey: "/news/6") }
    }
}
