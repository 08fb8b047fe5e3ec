import ArgumentParser
import DixitKit
import Foundation

/// `dixit [PATH…]`: the reader. Until the terminal UI lands, a plain summary.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on the articles (the default command)."
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = try input.loadCorpus()
        for a in output.articles {
            let art = a.article
            let speakers = Set(a.quotes.compactMap(\.speaker)).count
            let line = "\(art.path)  \(art.date?.iso ?? "-")  \(art.language)  \(a.quotes.count) quotes, \(speakers) speakers, \(a.entities.count) entities\n    \(art.titleText)\n"
            StandardOutput.write(TerminalSanitizer.sanitize(line.replacingOccurrences(of: "\n", with: "\u{1}")).replacingOccurrences(of: "\u{2401}", with: "\n"))
        }
        if output.hadErrors { throw ExitCode(1) }
    }
}
