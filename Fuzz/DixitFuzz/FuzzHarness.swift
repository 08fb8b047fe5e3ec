import DixitKit
import Foundation

/// Runs one input through loading, structure parsing, analysis, export, terminal
/// sanitising, the query parser and the reader's render (`FuzzReader`), and
/// checks what must always hold:
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
            FuzzReader.run(bytes, analyzed)
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

    /// The export as a reader of the contract sees it. (JSONDecoder, not
    /// JSONSerialization: the latter drops U+FEFF from strings on Linux.)
    struct Document: Decodable {
        struct SpanText: Decodable { var start: Int; var end: Int; var text: String }
        struct QuoteObject: Decodable {
            var start: Int; var end: Int; var text: String; var kind: String
            var speaker: String?; var speakerMention: SpanText?; var cue: String?
        }
        struct ArticleObject: Decodable {
            var path: String; var title: String; var date: String?; var language: String
            var entities: [SpanText]; var quotes: [QuoteObject]
        }
        var version: Int
        var articles: [ArticleObject]
    }

    static func checkExport(_ a: AnalyzedArticle) {
        let json = ExportFormat.documentJSON([a])
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        } catch {
            fail("export is not the version-1 JSON document: \(error)")
        }
        check(document.version == ExportFormat.version && document.articles.count == 1, "bad document")
        let obj = document.articles[0]
        let text = a.article.text
        func same(_ s: String, _ t: String) -> Bool { Array(s.unicodeScalars) == Array(t.unicodeScalars) }
        func spanText(_ o: Document.SpanText, _ what: String) {
            check(o.start >= 0 && o.start <= o.end && o.end <= text.count, "\(what): bad offsets in export")
            check(same(o.text, text[Span(o.start, o.end)]), "\(what): exported text differs from text[\(o.start)..<\(o.end)]")
        }
        check(same(obj.path, a.article.path), "path differs")
        check(same(obj.title, a.article.titleText), "title differs")
        check(obj.entities.count == a.entities.count, "entity count differs")
        for e in obj.entities { spanText(e, "entity") }
        check(obj.quotes.count == a.quotes.count, "quote count differs")
        for q in obj.quotes {
            spanText(Document.SpanText(start: q.start, end: q.end, text: q.text), "quote")
            if let m = q.speakerMention { spanText(m, "speakerMention") }
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
