import ArgumentParser
import DixitKit
import Foundation

/// `dixit quotes`: every quotation with its speaker.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotations with their speakers.",
        discussion: "table is for people (columns fit the terminal); csv and json are for scripts."
    )

    @Option(name: .long, help: "Only quotes whose speaker contains this (case and accents ignored).")
    var speaker: String?

    @Option(name: .long, help: "Only quotes of this kind: direct, partial or indirect.")
    var kind: QuoteKind?

    @Option(name: .shortAndLong, help: "table, csv or json.")
    var format: ListFormat = .table

    @OptionGroup var filter: QueryOption
    @OptionGroup var input: InputOptions

    func run() throws {
        let query = try filter.parsed()
        let output = try input.loadCorpus()
        let wanted = speaker.map(TextFolding.fold)
        var rows: [(AnalyzedArticle, Quote)] = []
        for a in output.articles {
            let target = QueryTarget(a)
            for (i, q) in a.quotes.enumerated() {
                if let kind, q.kind != kind { continue }
                if !query.isEmpty, !query.matches(quote: i, in: target) { continue }
                if let wanted, !TextFolding.fold(q.speaker ?? "").contains(wanted) { continue }
                rows.append((a, q))
            }
        }
        let table = TextTable(
            headers: ["file", "speaker", "kind", "quote"],
            rows: rows.map { a, q in
                [(a.article.path as NSString).lastPathComponent, q.speaker ?? "?", q.kind.rawValue, q.text]
            },
            flexibleColumn: 3)
        format.emit(table) {
            var w = JSONWriter()
            w.raw("[")
            for (i, (a, q)) in rows.enumerated() {
                w.raw(i == 0 ? "\n" : ",\n")
                w.raw("{\"path\": "); w.string(a.article.path)
                w.raw(", \"start\": "); w.int(q.span.start)
                w.raw(", \"end\": "); w.int(q.span.end)
                w.raw(", \"kind\": "); w.string(q.kind.rawValue)
                w.raw(", \"speaker\": "); w.optionalString(q.speaker)
                w.raw(", \"cue\": "); w.optionalString(q.cue?.text)
                w.raw(", \"text\": "); w.string(q.text)
                w.raw("}")
            }
            w.raw("\n]\n")
            return w.output
        }
        if output.hadErrors { throw ExitCode(1) }
    }
}

extension QuoteKind: ExpressibleByArgument {}
