/// The export contract of `../shared/eval/README.md`, version 1.
public enum ExportFormat {
    public static let version = 1

    /// One article object, on one line.
    public static func articleJSON(_ a: AnalyzedArticle) -> String {
        var w = JSONWriter()
        writeArticle(a, to: &w)
        return w.output
    }

    /// The whole export: `{"version": 1, "articles": [...]}`, one article a line.
    public static func documentJSON(_ articles: [AnalyzedArticle]) -> String {
        var out = "{\"version\": \(version), \"articles\": [\n"
        for (i, a) in articles.enumerated() {
            out += articleJSON(a)
            out += i + 1 < articles.count ? ",\n" : "\n"
        }
        out += "]}\n"
        return out
    }

    static func writeArticle(_ a: AnalyzedArticle, to w: inout JSONWriter) {
        let art = a.article
        w.raw("{\"path\": "); w.string(art.path)
        w.raw(", \"title\": "); w.string(art.titleText)
        w.raw(", \"date\": "); w.optionalString(art.date?.iso)
        w.raw(", \"language\": "); w.string(art.language)
        w.raw(", \"byline\": "); w.optionalString(art.bylineText)
        w.raw(", \"encoding\": "); w.string(art.encoding.rawValue)
        w.raw(", \"paragraphs\": [")
        for (i, p) in art.paragraphs.enumerated() {
            if i > 0 { w.raw(", ") }
            w.raw("{\"start\": "); w.int(p.span.start)
            w.raw(", \"end\": "); w.int(p.span.end)
            w.raw(", \"role\": "); w.string(p.role.rawValue)
            w.raw("}")
        }
        w.raw("], \"entities\": [")
        for (i, e) in a.entities.enumerated() {
            if i > 0 { w.raw(", ") }
            w.raw("{\"start\": "); w.int(e.span.start)
            w.raw(", \"end\": "); w.int(e.span.end)
            w.raw(", \"text\": "); w.string(e.text)
            w.raw(", \"type\": "); w.string(e.type.rawValue)
            w.raw(", \"canonical\": "); w.string(e.canonical)
            w.raw("}")
        }
        w.raw("], \"quotes\": [")
        for (i, q) in a.quotes.enumerated() {
            if i > 0 { w.raw(", ") }
            w.raw("{\"start\": "); w.int(q.span.start)
            w.raw(", \"end\": "); w.int(q.span.end)
            w.raw(", \"text\": "); w.string(q.text)
            w.raw(", \"kind\": "); w.string(q.kind.rawValue)
            w.raw(", \"speaker\": "); w.optionalString(q.speaker)
            w.raw(", \"speakerMention\": "); writeMention(q.speakerMention, to: &w)
            w.raw(", \"cue\": "); w.optionalString(q.cue?.text)
            w.raw(", \"cueSpan\": ")
            if let c = q.cue { w.raw("{\"start\": "); w.int(c.span.start); w.raw(", \"end\": "); w.int(c.span.end); w.raw("}") } else { w.raw("null") }
            w.raw("}")
        }
        w.raw("]}")
    }

    static func writeMention(_ m: Mention?, to w: inout JSONWriter) {
        guard let m else { w.raw("null"); return }
        w.raw("{\"start\": "); w.int(m.span.start)
        w.raw(", \"end\": "); w.int(m.span.end)
        w.raw(", \"text\": "); w.string(m.text)
        w.raw("}")
    }
}
