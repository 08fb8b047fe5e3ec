import ArgumentParser
import DixitKit
import Foundation

/// `dixit entities`: the people, organisations and places, with counts.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List named entities (people, organisations, places) with mention and article counts.",
        discussion: "One row per entity (by its canonical name and type), most mentioned first."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(name: .shortAndLong, help: "Only this type: PER, ORG, LOC or MISC.")
    var type: EntityType?

    @Option(name: .shortAndLong, help: "table, csv or json.")
    var format: Format = .table

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = try input.loadCorpus()
        let index = EntityIndex(output.articles)
        let entries = index.entries.filter { type == nil || $0.type == type }
        switch format {
        case .json:
            var w = JSONWriter()
            w.raw("[")
            for (i, e) in entries.enumerated() {
                w.raw(i == 0 ? "\n" : ",\n")
                w.raw("{\"entity\": "); w.string(e.name)
                w.raw(", \"type\": "); w.string(e.type.rawValue)
                w.raw(", \"mentions\": "); w.int(e.mentions)
                w.raw(", \"forms\": [")
                for (k, f) in e.forms.enumerated() { if k > 0 { w.raw(", ") }; w.string(f) }
                w.raw("], \"articles\": [")
                for (k, p) in e.articles.enumerated() { if k > 0 { w.raw(", ") }; w.string(p) }
                w.raw("]}")
            }
            w.raw("\n]\n")
            StandardOutput.write(w.output)
        case .csv, .table:
            let table = TextTable(
                headers: ["entity", "type", "mentions", "articles", "forms"],
                rows: entries.map { [$0.name, $0.type.rawValue, String($0.mentions), String($0.articles.count), $0.forms.joined(separator: "; ")] },
                flexibleColumn: 4)
            StandardOutput.write(format == .csv ? table.csv() : table.render(width: TerminalSize.stdoutColumns()))
        }
        if output.hadErrors { throw ExitCode(1) }
    }
}

extension EntityType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
