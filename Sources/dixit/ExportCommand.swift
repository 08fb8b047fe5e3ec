import ArgumentParser
import DixitKit
import Foundation

/// `dixit export`: the analysis in the export format (version 1).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the analysis (quotes, speakers, entities) as JSON.",
        discussion: """
        The format is version 1 of the contract in the README: one object {"version": 1, "articles": [...]}, or with --format jsonl one article object a line. Offsets are Unicode scalar (code point) offsets into each file's decoded text, end exclusive.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl }

    @Option(name: .shortAndLong, help: "json (one document) or jsonl (one article a line).")
    var format: Format = .json

    @OptionGroup var filter: QueryOption
    @OptionGroup var input: InputOptions

    func run() throws {
        let query = try filter.parsed()
        var output = try input.loadCorpus()
        // --where keeps the matching articles, whole (spans stay offsets into each file).
        if !query.isEmpty { output.articles = output.articles.filter { query.matches($0) } }
        switch format {
        case .json:
            StandardOutput.write(ExportFormat.documentJSON(output.articles))
        case .jsonl:
            for a in output.articles { StandardOutput.write(ExportFormat.articleJSON(a) + "\n") }
        }
        if output.hadErrors { throw ExitCode(1) }
    }
}

enum StandardOutput {
    /// On a terminal no article byte may act as a control (CSV carries text raw):
    /// it is sanitised there, line feeds kept. Into a pipe or a file, as is.
    static func write(_ s: String) {
        let out = isatty(STDOUT_FILENO) == 1
            ? TerminalSanitizer.sanitizeKeepingLineFeeds(s.replacingOccurrences(of: "\r\n", with: "\n"))
            : s
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
