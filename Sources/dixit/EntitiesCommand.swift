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

    @Option(name: .shortAndLong, help: "Only this type: PER, ORG, LOC or MISC.")
    var type: EntityType?

    @Option(name: .shortAndLong, help: "table, csv or json.")
    var format: ListFormat = .table

    @OptionGroup var filter: QueryOption
    @OptionGroup var input: InputOptions

    func run() throws {
        let query = try filter.parsed()
        let output = try input.loadCorpus()
        // The query keeps the mentions that match it; the index counts those.
        let kept = query.isEmpty ? output.articles : output.articles.map { a in
            let target = QueryTarget(a)
            var b = a
            b.entities = a.entities.indices.filter { query.matches(entity: $0, in: target) }.map { a.entities[$0] }
            return b
        }
        let entries = EntityIndex(kept).entries.filter { type == nil || $0.type == type }
        let table = TextTable(
            headers: ["entity", "type", "mentions", "articles", "forms"],
            rows: entries.map { [$0.name, $0.type.rawValue, String($0.mentions), String($0.articles.count), $0.forms.joined(separator: "; ")] },
            flexibleColumn: 4)
        format.emit(table) {
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
            return w.output
        }
        if output.hadErrors { throw ExitCode(1) }
    }
}

extension EntityType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
