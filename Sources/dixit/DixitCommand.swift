import ArgumentParser
import DixitKit
import Foundation

/// `dixit`: the root command. With no subcommand it opens the reader.
struct DixitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dixit",
        abstract: "A terminal reader for news articles that shows who said what.",
        discussion: """
        Reads plain-text news articles (files, directories searched recursively, or - for standard input), finds quotations with their speakers and named entities (people, organisations, places), and shows them in a three-pane terminal reader, or exports them for scripts. French and English.

        With no path, dixit opens the seed articles of its checkout. The reader's keys and query language: dixit help read (or ? in the reader).

        Exit status: 0 when all went well, 1 when some inputs could not be read (each is named on standard error; the others are still processed), 2 for a usage error.
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

    @Flag(name: .long, help: "Analyse every file afresh, neither reading nor writing the analysis cache (nor the reader's saved index).")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Keep the analysis cache and the reader's saved indexes in this directory (default: $XDG_CACHE_HOME/dixit, else ~/.cache/dixit).", valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of MiB") }
        // In bytes it must fit an Int (a huge value used to trap when multiplied).
        guard maxFileSize <= Int.max >> 20 else { throw ValidationError("--max-file-size is too large (at most \(Int.max >> 20) MiB)") }
    }

    /// The paths to read: the given ones, or the checkout's seeds.
    func resolvedPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        guard let seeds = SeedLocator.seedsDirectory() else {
            throw ValidationError("no path given and no seeds/ folder found; name the articles to read")
        }
        return [seeds]
    }

    /// Where the analysis cache is, or nil with `--no-cache`.
    var cacheDirectory: URL? {
        if noCache { return nil }
        if let cacheDir { return URL(fileURLWithPath: cacheDir) }
        return CacheLocation.defaultDirectory()
    }

    /// Loads and analyses, reporting problems on standard error.
    func loadCorpus() throws -> CorpusLoader.Output {
        let loader = CorpusLoader(loader: ArticleLoader(maxFileSize: maxFileSize * 1024 * 1024))
        let output = loader.load(try resolvedPaths(), cacheDirectory: cacheDirectory)
        Diagnostics.report(output.problems, quiet: quiet)
        return output
    }
}
