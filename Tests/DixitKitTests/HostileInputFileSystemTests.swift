import Foundation
import Testing
@testable import DixitKit

/// Files and folders that fight back: unreadable, looping, vanishing, too large,
/// not files at all. Every one is loaded or named in a message; the walk ends.
@Suite struct HostileInputFileSystemTests {
    static let article = "Titre de l'article\nLe maire a annoncé lundi : « Le pont rouvrira en mai. »\n"

    @Test func unreadableFileIsNamedOrReadAsPrivilegeAllows() throws {
        let dir = ScratchDirectory()
        let locked = dir.write("verrou.txt", Self.article)
        dir.write("libre.txt", Self.article)
        #expect(chmod(locked, 0) == 0)
        let out = CorpusLoader().load([dir.path])
        // chmod 000 does not stop root (tests may run as root): then the file simply loads.
        let canRead = access(locked, R_OK) == 0
        if canRead {
            #expect(out.articles.count == 2, "readable despite chmod 000 (running as root): loads")
        } else {
            #expect(out.articles.count == 1)
            let p = try #require(out.problems.first { $0.path == locked })
            #expect(p.severity == .error && p.message.contains("cannot read") && p.message.contains("ermission"))
        }
        expectAccountedFor([locked], in: out)
    }

    @Test func unreadableDirectoryIsNamed() throws {
        let dir = ScratchDirectory()
        dir.write("ouvert/a.txt", Self.article)
        let closed = dir.path + "/ferme"
        dir.write("ferme/b.txt", Self.article)
        #expect(chmod(closed, 0) == 0)
        let out = CorpusLoader().load([dir.path])
        if access(closed, R_OK) == 0 {
            #expect(out.articles.count == 2)   // root
        } else {
            #expect(out.articles.count == 1)
            #expect(out.problems.contains { $0.path == closed && $0.severity == .error })
        }
    }

    @Test func pathThatCannotBeOpenedIsRefusedWithItsName() throws {
        // What even root cannot open: a dangling link, and a path through a file.
        let dir = ScratchDirectory()
        let file = dir.write("vrai.txt", Self.article)
        let dangling = dir.path + "/lien-mort.txt"
        #expect(symlink(dir.path + "/absent.txt", dangling) == 0)
        for path in [file + "/dessous.txt", dir.path + "/absent.txt"] {
            guard case .failure(let p) = ArticleLoader().load(path) else { Issue.record("\(path) loaded"); continue }
            #expect(p.path == path && p.description.hasPrefix(path + ": "))
        }
        let out = CorpusLoader().load([dir.path, dangling])
        #expect(out.articles.map(\.article.path) == [file])
        #expect(out.problems.contains { $0.path == dangling && $0.message.contains("broken symbolic link") })
        #expect(out.problems.contains { $0.path == dangling && $0.message.contains("no such file") })
    }

    @Test func symbolicLinkLoopsEnd() throws {
        let dir = ScratchDirectory()
        let a = dir.write("a/article.txt", Self.article)
        let b = dir.write("a/b/autre.txt", Self.article)
        #expect(symlink("..", dir.path + "/a/b/retour") == 0)          // b/retour → a
        #expect(symlink(dir.path + "/a", dir.path + "/a/b/absolu") == 0) // absolute link to an ancestor
        #expect(symlink("boucle", dir.path + "/a/boucle") == 0)        // a link to itself
        #expect(symlink("y", dir.path + "/a/x") == 0)                  // x → y → x
        #expect(symlink("x", dir.path + "/a/y") == 0)
        #expect(symlink(".", dir.path + "/a/ici") == 0)
        let (files, problems) = ArticleLoader().collectFiles([dir.path])
        #expect(files == [a, b], "each real file once")
        for loop in ["a/b/retour", "a/b/absolu", "a/ici"] {
            #expect(problems.contains { $0.path == dir.path + "/" + loop && $0.message.contains("already visited") }, "\(loop)")
        }
        for loop in ["a/boucle", "a/x", "a/y"] {
            #expect(problems.contains { $0.path == dir.path + "/" + loop && $0.message.contains("loop") }, "\(loop)")
        }
        let out = CorpusLoader().load([dir.path])
        #expect(out.articles.count == 2 && !out.hadErrors)
    }

    @Test func namedPipesAndSocketsInAFolderAreSkippedNotWaitedOn() throws {
        let dir = ScratchDirectory()
        let fifo = dir.path + "/tube.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        dir.write("article.txt", Self.article)
        // Opening the pipe for reading would block until a writer comes: the walk must not.
        let out = CorpusLoader().load([dir.path])
        #expect(out.articles.count == 1)
        #expect(out.problems.contains { $0.path == fifo && $0.message.contains("not a regular file") })
    }

    @Test func fileThatVanishesBetweenListingAndReadingIsNamed() throws {
        let dir = ScratchDirectory()
        let keep = dir.write("reste.txt", Self.article)
        let gone = dir.write("parti.txt", Self.article)
        let (files, _) = ArticleLoader().collectFiles([dir.path])
        #expect(files.sorted() == [gone, keep])
        try FileManager.default.removeItem(atPath: gone)
        guard case .failure(let p) = ArticleLoader().load(gone) else { Issue.record("vanished file loaded"); return }
        #expect(p.path == gone && p.message.contains("No such file"))
    }

    @Test func filesDeletedWhileTheCorpusLoadsAreAllAccountedFor() throws {
        let dir = ScratchDirectory()
        let files = (0..<60).map { dir.write(String(format: "art-%02d.txt", $0), Self.article + "Paragraphe \($0).\n") }
        // Delete every other file as soon as loading starts, while other files are being read.
        let deleted = Flag()
        let out = CorpusLoader().load([dir.path]) { _, _ in
            if deleted.setOnce() { for f in files.enumerated() where f.offset % 2 == 1 { unlink(f.element) } }
        }
        expectAccountedFor(files, in: out)
        #expect(out.articles.count + out.problems.filter { $0.severity == .error }.count == files.count)
        for a in out.articles { expectWellFormed(a) }
    }

    @Test func filesOverTheSizeLimitAreSkippedWithAMessage() throws {
        let dir = ScratchDirectory()
        let limit = 4096
        let small = dir.write("petit.txt", Array(repeating: UInt8(ascii: "a"), count: limit))
        let big = dir.write("gros.txt", Array(repeating: UInt8(ascii: "a"), count: limit + 1))
        let out = CorpusLoader(loader: ArticleLoader(maxFileSize: limit)).load([dir.path])
        #expect(out.articles.map(\.article.path) == [small], "a file at the limit loads")
        let p = try #require(out.problems.first { $0.path == big })
        #expect(p.severity == .error)
        #expect(p.message == "file of 4 KiB is over the size limit of 4 KiB; skipped (raise it with --max-file-size)")
        #expect(ArticleLoader.defaultMaxFileSize == 64 * 1024 * 1024)
    }

    @Test func sizeLimitAppliesToWhatIsReadNotOnlyToTheSizeReported() throws {
        // A character device reports size 0 and never ends: reading stops at the limit.
        guard FileManager.default.isReadableFile(atPath: "/dev/zero") else { return }
        guard case .failure(let p) = ArticleLoader(maxFileSize: 100_000).load("/dev/zero") else {
            Issue.record("/dev/zero loaded"); return
        }
        #expect(p.path == "/dev/zero" && p.message.contains("over the size limit of 98 KiB"))
    }

    @Test func sizesAreDescribedReadably() {
        #expect(ArticleLoader.describeSize(1) == "1 byte")
        #expect(ArticleLoader.describeSize(512) == "512 bytes")
        #expect(ArticleLoader.describeSize(10 * 1024) == "10 KiB")
        #expect(ArticleLoader.describeSize(64 * 1024 * 1024) == "64 MiB")
        #expect(ArticleLoader.describeSize(3 * 1024 * 1024 / 2) == "1.5 MiB")
    }

    @Test func hiddenAndNonTextFilesAreSkippedWithANote() throws {
        let dir = ScratchDirectory()
        let article = dir.write("article.txt", Self.article)
        dir.write(".brouillon.txt", Self.article)
        dir.write(".git/HEAD", "ref: refs/heads/main\n")
        dir.write("photo.jpg", [0xFF, 0xD8, 0xFF])
        let (files, problems) = ArticleLoader().collectFiles([dir.path])
        #expect(files == [article])
        #expect(problems.contains { $0.path == dir.path && $0.message.contains("2 hidden") && $0.severity == .note })
        #expect(problems.contains { $0.path == dir.path && $0.message.contains("1 .jpg") })
    }

    @Test func deeplyNestedFolders() throws {
        let dir = ScratchDirectory()
        var rel = ""
        for i in 0..<200 { rel += "d\(i % 10)/" }
        let deep = dir.write(rel + "profond.txt", Self.article)
        let (files, problems) = ArticleLoader().collectFiles([dir.path])
        #expect(files == [deep])
        #expect(problems.isEmpty)
    }
}

/// Set once, from any thread.
final class Flag: @unchecked Sendable {
    private var set = false
    private let lock = NSLock()
    /// True the first time only.
    func setOnce() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if set { return false }
        set = true
        return true
    }
}
