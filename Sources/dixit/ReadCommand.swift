import ArgumentParser
import DixitKit
import DixitUI
import Foundation

/// `dixit [PATH…]`: the three-pane reader (article list, reader, quotes).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader on the articles (the default command).",
        discussion: """
        A keyboard-driven terminal reader in three panes: the article list, the article with its entities and quotations highlighted (speakers in the margin), and the quotes grouped by speaker. It needs a terminal; for text output use `dixit export` or `dixit quotes`.

        Keys (also with ? in the reader, and `dixit read --keys`):
        \(ActionTable.plainText())

        Filter (f): every term must hold; case and accents are ignored.
          speaker:stoltenberg    quotes by that speaker, and their articles
          entity:OTAN            an entity by name
          type:PER               entities of a type: PER, ORG, LOC or MISC
          date:2022-04           a year, month or day
          date:2022-01..2022-06  a range (either end may be left open)
          lang:fr                the article's language
          kind:direct            quotes of a kind: direct, partial or indirect
          "a phrase"  word       text
          -term                  excludes what the term matches

        With NO_COLOR set, or on a monochrome terminal, bold, underline and reverse carry the distinctions that colours carry otherwise.
        """
    )

    @Flag(name: .long, help: "Print the reader's key table and exit.")
    var keys = false

    @Flag(name: .long, help: .hidden)
    var keysMarkdown = false

    @OptionGroup var input: InputOptions

    func run() throws {
        if keys || keysMarkdown {
            StandardOutput.write((keysMarkdown ? ActionTable.markdown() : ActionTable.plainText()) + "\n")
            return
        }
        if let problem = TerminalCheck.problem() {
            FileHandle.standardError.write(Data((TerminalCheck.message(problem) + "\n").utf8))
            throw ExitCode(2)
        }
        let paths = try input.resolvedPaths()
        let status = TerminalApp.run(paths: paths, loader: CorpusLoader(loader: ArticleLoader(maxFileSize: input.maxFileSize * 1024 * 1024),
                                                                        cacheDirectory: input.cacheDirectory),
                                     quiet: input.quiet)
        if status != 0 { throw ExitCode(status) }
    }
}
