import Foundation
import Testing
@testable import DixitKit

/// A scratch directory for one test, removed (permissions restored first) at the end.
final class ScratchDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "dixit-hostile-\(safe)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", path]).waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` at `name` (relative; folders created) and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// What must hold for any article dixit accepts: spans inside the text, texts
/// equal to the text at their span, paragraphs in order.
func expectWellFormed(_ a: AnalyzedArticle, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = a.article.text
    func inside(_ s: Span) -> Bool { s.start >= 0 && s.end <= text.count }
    var previous = 0
    for p in a.article.paragraphs {
        #expect(inside(p.span) && p.span.start >= previous && !p.span.isEmpty, "paragraph \(p.span)", sourceLocation: sourceLocation)
        previous = p.span.end
    }
    for e in a.entities {
        #expect(inside(e.span) && Array(text[e.span].unicodeScalars) == Array(e.text.unicodeScalars),
                "entity \(e.span)", sourceLocation: sourceLocation)
    }
    for q in a.quotes {
        #expect(inside(q.span) && Array(text[q.span].unicodeScalars) == Array(q.text.unicodeScalars),
                "quote \(q.span)", sourceLocation: sourceLocation)
        if let m = q.speakerMention {
            #expect(inside(m.span) && text[m.span] == m.text, "speaker mention \(m.span)", sourceLocation: sourceLocation)
        }
    }
}

/// Loads and analyses `bytes` as one file through the whole pipeline.
func analyseBytes(_ bytes: [UInt8], path: String = "hostile.txt") -> Result<AnalyzedArticle, LoadProblem> {
    ArticleLoader().parse(path: path, bytes: bytes).map { Analyzer().analyze($0) }
}

/// Every file given to the corpus loader is accounted for: loaded, or named in a problem.
func expectAccountedFor(_ files: [String], in output: CorpusLoader.Output,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    let loaded = Set(output.articles.map(\.article.path))
    let named = Set(output.problems.map(\.path))
    for f in files {
        #expect(loaded.contains(f) || named.contains(f), "\(f) neither loaded nor named in a message", sourceLocation: sourceLocation)
    }
}
