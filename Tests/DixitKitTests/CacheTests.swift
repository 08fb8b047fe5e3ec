import Foundation
import GRDB
import Testing
@testable import DixitKit

@Suite struct CacheTests {
    let loader = CorpusLoader(batchSize: 2)   // small batches: several transactions per load

    @Test func seedsGiveTheSameAnalysisWithAndWithoutCache() throws {
        let cacheDir = try TemporaryDirectory("dixit-cache")
        defer { cacheDir.remove() }
        let seeds = CacheFixtures.seedsDirectory
        let plain = loader.load([seeds])
        let cold = loader.load([seeds], cacheDirectory: cacheDir.url)
        let warm = loader.load([seeds], cacheDirectory: cacheDir.url)
        #expect(plain.articles.count == 2)
        #expect(cold.cacheHits == 0)
        #expect(warm.cacheHits == 2)
        #expect(CacheFixtures.export(cold) == CacheFixtures.export(plain))
        #expect(CacheFixtures.export(warm) == CacheFixtures.export(plain))
        #expect(CacheFixtures.structure(warm) == CacheFixtures.structure(plain))
        #expect(CacheFixtures.export(plain).contains("Stoltenberg"))
    }

    @Test func writtenArticlesGiveTheSameAnalysisWithAndWithoutCache() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        let plain = loader.load([corpus.path])
        let cold = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        let warm = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        // The binary file is refused every time, never cached.
        #expect(plain.articles.count == 5)
        #expect(plain.problems.contains { $0.path.hasSuffix("binaire.txt") && $0.severity == .error })
        #expect(warm.problems.contains { $0.path.hasSuffix("binaire.txt") && $0.severity == .error })
        #expect(warm.cacheHits == 5)
        #expect(CacheFixtures.export(cold) == CacheFixtures.export(plain))
        #expect(CacheFixtures.export(warm) == CacheFixtures.export(plain))
        #expect(CacheFixtures.structure(warm) == CacheFixtures.structure(plain))
        // Decoding warnings come back from the cache too.
        #expect(warm.problems.map(\.description).filter { !$0.contains("binaire") } == plain.problems.map(\.description).filter { !$0.contains("binaire") })
        #expect(warm.articles.map(\.article.encoding).contains(.windows1252))
        #expect(warm.articles.map(\.article.encoding).contains(.utf16LE))
    }

    @Test func aChangedFileIsAnalysedAgainEvenWithItsSizeAndTimeKept() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        let paths = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        // Same length, same modification time, other words: only the content hash tells.
        let target = paths[0]
        let before = try FileManager.default.attributesOfItem(atPath: target)[.modificationDate] as! Date
        let old = try String(contentsOfFile: target, encoding: .utf8)
        let new = old.replacingOccurrences(of: "Agnès Dumont", with: "Agnès Dupont")
        #expect(new != old && new.utf8.count == old.utf8.count)
        try Data(new.utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: target)
        let warm = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(warm.cacheHits == 4)
        #expect(CacheFixtures.export(warm) == CacheFixtures.export(loader.load([corpus.path])))
        #expect(warm.articles.first { $0.article.path == target }?.article.text.string.contains("Agnès Dupont") == true)
    }

    @Test func deletedFilesAreDroppedAndNewOnesAdded() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        let paths = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(try entryCount(cacheDir) == 5)
        try FileManager.default.removeItem(atPath: paths[1])
        try corpus.write("fr/nouveau.txt", "Un nouvel article\n\n« Rien n’est joué », a estimé lundi le maire, Paul Roche.\n")
        let next = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(next.articles.count == 5)
        #expect(next.cacheHits == 4)
        #expect(try entryCount(cacheDir) == 5)
        // A file named on the command line that is gone is dropped too.
        try FileManager.default.removeItem(atPath: paths[0])
        _ = loader.load([paths[0]], cacheDirectory: cacheDir.url)
        #expect(try entryCount(cacheDir) == 4)
    }

    @Test func aFileThatTurnedBinaryLosesItsEntry() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        let paths = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        try corpus.write("en/port.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
        let out = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(out.problems.contains { $0.path == paths[1] && $0.severity == .error })
        #expect(out.articles.count == 4)
        #expect(try entryCount(cacheDir) == 4)
    }

    @Test func loadingAnotherDirectoryKeepsTheFirstOnesEntries() throws {
        let a = try TemporaryDirectory("dixit-a"), b = try TemporaryDirectory("dixit-b"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { a.remove(); b.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: a)
        try b.write("seul.txt", "Un titre\n\nLe texte, dit-il, est court.\n")
        _ = loader.load([a.path], cacheDirectory: cacheDir.url)
        _ = loader.load([b.path], cacheDirectory: cacheDir.url)
        #expect(try entryCount(cacheDir) == 6)
        #expect(loader.load([a.path], cacheDirectory: cacheDir.url).cacheHits == 5)
    }

    @Test func aRelativePathAndAnAbsoluteOneShareTheirEntry() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path + "/fr/../en"], cacheDirectory: cacheDir.url)
        let again = loader.load([corpus.path + "/en/port.txt"], cacheDirectory: cacheDir.url)
        #expect(again.cacheHits == 1)
        #expect(again.articles.first?.article.path == corpus.path + "/en/port.txt")
    }

    @Test func aFileThatIsNotSQLiteIsSetAsideAndRebuilt() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        try cacheDir.write(AnalysisCache.fileName, "these are someone's notes, not a database\n")
        let out = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(out.problems.contains { $0.severity == .warning && $0.message.contains("set aside") })
        #expect(CacheFixtures.export(out) == CacheFixtures.export(loader.load([corpus.path])))
        let aside = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).filter { $0.contains(".bad-") }
        #expect(aside.count == 1)
        // The notes are kept, byte for byte.
        #expect(try String(contentsOfFile: cacheDir.path + "/" + aside[0], encoding: .utf8) == "these are someone's notes, not a database\n")
        #expect(loader.load([corpus.path], cacheDirectory: cacheDir.url).cacheHits == 5)
    }

    @Test func aForeignDatabaseIsSetAsideAndRebuilt() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        let other = try DatabaseQueue(path: cacheDir.path + "/" + AnalysisCache.fileName)
        try other.write { db in try db.execute(sql: "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('tarte')") }
        try other.close()
        let out = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(out.problems.contains { $0.message.contains("not a dixit analysis cache") })
        #expect(out.articles.count == 5)
        let aside = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).filter { $0.hasSuffix(".sqlite.bad-") || ($0.contains(".bad-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")) }
        let kept = try DatabaseQueue(path: cacheDir.path + "/" + aside[0])
        #expect(try kept.read { db in try String.fetchOne(db, sql: "SELECT name FROM recipes") } == "tarte")
        try kept.close()
        #expect(loader.load([corpus.path], cacheDirectory: cacheDir.url).cacheHits == 5)
    }

    @Test func aDamagedDatabaseIsSetAsideAndRebuilt() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        // Keep the SQLite header, scribble over every page after the first.
        let file = cacheDir.path + "/" + AnalysisCache.fileName
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(bytes.count > 4096)
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        for i in 100..<4096 where i % 7 == 0 { bytes[i] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let out = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(CacheFixtures.export(out) == CacheFixtures.export(loader.load([corpus.path])))
        #expect(out.problems.contains { $0.message.contains("set aside") })
        #expect(loader.load([corpus.path], cacheDirectory: cacheDir.url).cacheHits == 5)
    }

    @Test func anotherAnalyserVersionEmptiesTheCache() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        _ = loader.load([corpus.path], cacheDirectory: cacheDir.url)
        #expect(try entryCount(cacheDir) == 5)
        let (other, problems) = AnalysisCache.open(directory: cacheDir.url, fingerprint: "an older dixit")
        #expect(problems.isEmpty)
        #expect(try other?.count() == 0)
        other?.close()
        #expect(loader.load([corpus.path], cacheDirectory: cacheDir.url).cacheHits == 0)
    }

    @Test func anUnwritableCacheDirectoryOnlyTurnsTheCacheOff() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), blocker = try TemporaryDirectory("dixit-blocker")
        defer { corpus.remove(); blocker.remove() }
        _ = try CacheFixtures.writeCorpus(in: corpus)
        // A regular file where the cache directory should be.
        let notADir = try blocker.write("file", "x")
        let out = loader.load([corpus.path], cacheDirectory: URL(fileURLWithPath: notADir))
        #expect(out.articles.count == 5)
        #expect(out.problems.contains { $0.message.contains("without cache") })
        #expect(CacheFixtures.export(out) == CacheFixtures.export(loader.load([corpus.path])))
    }

    @Test func cacheDirectoryFollowsXDG() {
        #expect(CacheLocation.defaultDirectory(environment: ["XDG_CACHE_HOME": "/var/tmp/c", "HOME": "/home/u"]).path == "/var/tmp/c/dixit")
        #expect(CacheLocation.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/dixit")
        #expect(CacheLocation.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/dixit")
    }

    @Test func keysAreAbsoluteAndNormalised() {
        #expect(CacheLocation.absoluteKey("a/./b/../c.txt", currentDirectory: "/w") == "/w/a/c.txt")
        #expect(CacheLocation.absoluteKey("/x//y/", currentDirectory: "/w") == "/x/y")
        let cases = ["/a/b.txt": "/a/b.txt", "/a/./b": "/a/b", "/a/../b": "/b", "/a/b/": "/a/b", "/a/.b": "/a/.b",
                     "/a/..b/c": "/a/..b/c", "/": "/", "/a/b/..": "/a", "/a/b/.": "/a/b", "/a/...": "/a/...", "/a//": "/a"]
        for (path, key) in cases {
            #expect(CacheLocation.absoluteKey(path, currentDirectory: "/w") == key, "\(path)")
        }
        #expect(CacheLocation.absoluteKey("seeds/a.txt", currentDirectory: "/w/") == "/w/seeds/a.txt")
    }

    func entryCount(_ dir: TemporaryDirectory) throws -> Int {
        let (cache, _) = AnalysisCache.open(directory: dir.url)
        defer { cache?.close() }
        return try cache?.count() ?? -1
    }
}

@Suite struct CacheBatchTests {
    @Test func batchesArriveInOrderAndGrow() throws {
        let corpus = try TemporaryDirectory("dixit-corpus"), cacheDir = try TemporaryDirectory("dixit-cache")
        defer { corpus.remove(); cacheDir.remove() }
        for i in 0..<70 {
            try corpus.write(String(format: "a/%03d.txt", i), "Titre \(i)\n\n« Phrase \(i) », a dit le maire, Jean Roche.\n")
        }
        for cache in [nil, cacheDir.url, cacheDir.url] {
            var batches: [[AnalyzedArticle]] = []
            var done: [Int] = []
            let out = CorpusLoader(batchSize: 64, cacheDirectory: cache).load([corpus.path], onBatch: {
                batches.append($0.articles)
                done.append($0.done)
                #expect($0.total == 70)
            })
            #expect(batches.map(\.count) == [16, 32, 22])
            #expect(done == [16, 48, 70])
            #expect(batches.flatMap { $0 }.map(\.article.path) == out.articles.map(\.article.path))
            #expect(out.articles.map { ($0.article.path as NSString).lastPathComponent } == (0..<70).map { String(format: "%03d.txt", $0) })
        }
    }
}
