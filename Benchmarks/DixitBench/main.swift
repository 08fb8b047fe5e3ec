import ArgumentParser
import DixitKit
import Foundation

/// `dixit-bench`: speed and memory figures on synthetic corpora. Release builds only:
/// `swift run -c release dixit-bench --sizes 1000,10000,100000`.
struct DixitBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dixit-bench",
        abstract: "Measure dixit's analysis speed, cache, filter latency and memory on synthetic corpora.",
        subcommands: [RunCommand.self, GenerateCommand.self, LoadCommand.self, FilterCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

DixitBench.main()
