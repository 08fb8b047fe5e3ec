import ArgumentParser
import DixitKit

/// `--where QUERY`: the reader's filter language, for scripts.
struct QueryOption: ParsableArguments {
    @Option(name: [.customLong("where"), .customShort("w")], help: ArgumentHelp(
        "Keep what matches this query, in the reader's filter language: speaker:NAME entity:NAME type:PER|ORG|LOC date:2022-04 date:2022-01..2022-06 lang:fr kind:direct \"a phrase\" -excluded bare words.",
        valueName: "query"))
    var query: String?

    /// The parsed query (everything when none was given). A bad query is a usage error.
    func parsed() throws -> Query {
        guard let query else { return .all }
        switch Query.parse(query) {
        case .success(let q): return q
        case .failure(let e): throw ValidationError("--where: \(e)")
        }
    }
}

/// How `quotes` and `entities` print: a table for people, CSV or JSON for scripts.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// Writes `table` in this format, or the JSON that `json` makes.
    func emit(_ table: TextTable, json: () -> String) {
        switch self {
        case .json: StandardOutput.write(json())
        case .csv: StandardOutput.write(table.csv())
        case .table: StandardOutput.write(table.render(width: TerminalSize.stdoutColumns()))
        }
    }
}
