import ArgumentParser
import DixitKit

/// `dixit`: the root command. With no subcommand it opens the reader.
struct DixitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dixit",
        abstract: "A terminal reader for news articles that shows who said what.",
        discussion: """
        Reads plain-text news articles (files, directories searched recursively, or - for
        standard input), finds quotations with their speakers and named entities (people,
        organisations, places), and shows them in a three-pane terminal reader, or exports
        them for scripts. French and English.

        With no path, dixit opens the seed articles of its checkout.

        Exit status: 0 when all went well, 1 when some inputs could not be read (each is
        named on standard error; the others are still processed), 2 for a usage error.
        """,
        version: DixitVersion.string,
        subcommands: [ReadCommand.self, ExportCommand.self, QuotesCommand.self, EntitiesCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}

enum DixitVersion {
    static let string = "0.1.0"
}

/// Options shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Article files or directories (- reads standard input). Default: the seed articles.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip files larger than this many MiB.", valueName: "MiB"))
    var maxFileSize: Int = ArticleLoader.defaultMaxFileSize / (1024 * 1024)

    @Flag(name: .shortAndLong, help: "Say nothing on standard error about skipped files.")
    var quiet = false

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of MiB") }
    }

    /// The paths to read: the given ones, or the checkout's seeds.
    func resolvedPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        guard let seeds = SeedLocator.seedsDirectory() else {
            throw ValidationError("no path given and no seeds/ folder found; name the articles to read")
        }
        return [seeds]
    }

    /// Loads and analyses, reporting problems on standard error.
    func loadCorpus() throws -> CorpusLoader.Output {
        let loader = CorpusLoader(loader: ArticleLoader(maxFileSize: maxFileSize * 1024 * 1024))
        let output = loader.load(try resolvedPaths())
        Diagnostics.report(output.problems, quiet: quiet)
        return output
    }
}
