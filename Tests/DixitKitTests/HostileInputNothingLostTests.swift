import Foundation
import Testing
@testable import DixitKit

/// dixit never writes to the articles it reads: run on a read-only tree (library
/// and, when it has been built next to the tests, the `dixit` binary), every
/// file's bytes, mode and modification time are unchanged and no file appears.
@Suite struct HostileInputNothingLostTests {
    struct Snapshot: Equatable {
        var entries: [String: String] = [:]
    }

    static func snapshot(_ root: String) -> Snapshot {
        var snap = Snapshot()
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            let path = root + "/" + rel
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            var desc = "mode \(st.st_mode) size \(st.st_size) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            if (st.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: path) {
                desc += " bytes \(data.count) sum \(data.reduce(into: UInt64(1469598103934665603)) { $0 = ($0 ^ UInt64($1)) &* 1099511628211 })"
            }
            snap.entries[rel] = desc
        }
        return snap
    }

    /// A tree of ordinary and hostile articles, then made read-only.
    static func makeTree(_ dir: ScratchDirectory) {
        dir.write("fr/article.txt", "Le sommet s'ouvre à Paris\nPar Jeanne Martin\n« Nous y arriverons », a déclaré le président.\n")
        dir.write("fr/crlf.txt", "Titre\r\nPremier paragraphe.\r\n")
        dir.write("en/story.md", "Talks resume in Geneva\nBy John Smith\n\"We are close,\" the envoy said.\n")
        dir.write("bad/latin1.txt", Array("caf".utf8) + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94])
        dir.write("bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        dir.write("bad/escape.txt", "Titre\u{1B}]0;pwned\u{07}\n\u{1B}[2J« Effacé »\n")
        dir.write("bad/empty.txt", [])
        dir.write("notes.pdf", [0x25, 0x50, 0x44, 0x46])
        symlink("..", dir.path + "/fr/parent")
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a-w", dir.path]).waitUntilExit()
    }

    @Test func libraryLeavesAReadOnlyTreeUntouched() throws {
        let dir = ScratchDirectory()
        Self.makeTree(dir)
        let before = Self.snapshot(dir.path)
        #expect(before.entries.count >= 11)
        let out = CorpusLoader().load([dir.path])
        _ = ExportFormat.documentJSON(out.articles)
        _ = EntityIndex(out.articles)
        #expect(out.articles.count == 6)
        #expect(out.problems.contains { $0.path.hasSuffix("bad/binary.txt") && $0.severity == .error })
        #expect(Self.snapshot(dir.path) == before)
    }

    /// The `dixit` executable built beside this test bundle, if any.
    static var dixitBinary: String? {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // …/debug/dixitPackageTests.xctest (a file on Linux, a bundle folder on macOS).
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        let candidate = dir.appendingPathComponent("dixit").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    @Test(.enabled(if: dixitBinary != nil, "the dixit binary is built by `swift build`/`swift test`"))
    func commandLineLeavesAReadOnlyTreeUntouched() throws {
        let binary = try #require(Self.dixitBinary)
        let dir = ScratchDirectory()
        Self.makeTree(dir)
        let before = Self.snapshot(dir.path)
        for args in [["export", "--format", "json"], ["export", "--format", "jsonl"], ["quotes", "--format", "csv"],
                     ["entities", "--format", "json"], ["quotes"], []] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = args + [dir.path]
            p.currentDirectoryURL = URL(fileURLWithPath: dir.path)   // a read-only working directory too
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            // 1: some inputs could not be read (binary.txt) and were named; never a crash.
            #expect(p.terminationReason == .exit && p.terminationStatus <= 2, "dixit \(args.joined(separator: " "))")
            #expect(Self.snapshot(dir.path) == before, "dixit \(args.joined(separator: " ")) changed the tree")
        }
    }
}
