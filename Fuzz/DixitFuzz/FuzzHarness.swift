import DixitKit
import Foundation

/// Runs one input through loading, structure parsing, analysis, export and
/// terminal sanitising, and checks what must always hold:
/// - every span lies inside the text and its `text` is exactly the text at the span;
/// - the export parses as JSON and says the same as the model;
/// - sanitised text holds no control character and has a sane width.
enum FuzzHarness {
    static let loader = ArticleLoader()
    static let analyzer = Analyzer()

    static func run(_ bytes: [UInt8]) {
        let path = "fuzz/input.txt"
        switch loader.parse(path: path, bytes: bytes) {
        case .failure(let problem):
            check(problem.path == path && !problem.message.isEmpty, "a refusal must name its file and say why")
        case .success(let article):
            checkArticle(article)
            let analyzed = analyzer.analyze(article)
            checkAnalysis(analyzed)
            checkExport(analyzed)
            checkTerminalSafety(article)
        }
    }

    // MARK: - Invariants

    static func checkArticle(_ a: Article) {
        let n = a.text.count
        func inside(_ s: Span, _ what: String) { check(s.start >= 0 && s.end <= n, "\(what) \(s) outside text of \(n)") }
        var previous = -1
        for p in a.paragraphs {
            inside(p.span, "paragraph")
            check(p.span.start >= previous, "paragraphs out of order")
            check(!p.span.isEmpty, "empty paragraph")
            previous = p.span.end
        }
        a.title.map { inside($0, "title") }
        a.byline.map { inside($0, "byline") }
        check(!a.language.isEmpty, "no language")
    }

    static func checkAnalysis(_ a: AnalyzedArticle) {
        let text = a.article.text
        func same(_ span: Span, _ string: String, _ what: String) {
            check(span.start >= 0 && span.end <= text.count, "\(what) \(span) outside text of \(text.count)")
            check(Array(text[span].unicodeScalars) == Array(string.unicodeScalars), "\(what) text differs from text at \(span)")
        }
        for e in a.entities {
            same(e.span, e.text, "entity")
            check(!e.canonical.isEmpty, "entity without canonical name")
        }
        for q in a.quotes {
            same(q.span, q.text, "quote")
            if let m = q.speakerMention { same(m.span, m.text, "speaker mention") }
            if let c = q.cue { same(c.span, c.text, "cue") }
        }
    }

    static func checkExport(_ a: AnalyzedArticle) {
        let json = ExportFormat.documentJSON([a])
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              root["version"] as? Int == ExportFormat.version,
              let articles = root["articles"] as? [[String: Any]], articles.count == 1 else {
            fail("export is not the version-1 JSON document")
        }
        let obj = articles[0]
        let text = a.article.text
        func scalars(_ any: Any?) -> [Unicode.Scalar]? { (any as? String).map { Array($0.unicodeScalars) } }
        func spanText(_ o: [String: Any], _ what: String) {
            guard let s = o["start"] as? Int, let e = o["end"] as? Int, s >= 0, s <= e, e <= text.count else {
                fail("\(what): bad offsets in export")
            }
            check(scalars(o["text"]) == Array(text[Span(s, e)].unicodeScalars), "\(what): exported text differs from text[\(s)..<\(e)]")
        }
        check(scalars(obj["path"]) == Array(a.article.path.unicodeScalars), "path differs")
        check(scalars(obj["title"]) == Array(a.article.titleText.unicodeScalars), "title differs")
        let entities = obj["entities"] as? [[String: Any]] ?? []
        check(entities.count == a.entities.count, "entity count differs")
        for e in entities { spanText(e, "entity") }
        let quotes = obj["quotes"] as? [[String: Any]] ?? []
        check(quotes.count == a.quotes.count, "quote count differs")
        for q in quotes {
            spanText(q, "quote")
            if let m = q["speakerMention"] as? [String: Any] { spanText(m, "speakerMention") }
        }
        // jsonl: one article a line.
        check(!ExportFormat.articleJSON(a).contains("\n"), "jsonl line holds a newline")
    }

    static func checkTerminalSafety(_ a: Article) {
        for p in a.paragraphs.prefix(50) {
            let clean = TerminalSanitizer.sanitize(a.text[p.span])
            check(TerminalSanitizer.isSafe(clean), "sanitised text still unsafe")
            for s in clean.unicodeScalars {
                check(!(s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x202E), "control \(s.value) survives sanitising")
            }
            let width = DisplayWidth.of(clean)
            check(width >= 0 && width <= 2 * clean.unicodeScalars.count, "width \(width) out of range")
        }
    }

    // MARK: -

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("dixit-fuzz: invariant broken: \(message)\n".utf8))
        abort()
    }
}
