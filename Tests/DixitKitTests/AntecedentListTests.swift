import Testing
@testable import DixitKit

/// The antecedents a pronoun may refer to stay in text order however they are inserted, and the
/// nearest ones before a place come first.
@Suite struct AntecedentListTests {
    static func person(_ offset: Int, _ speaker: String) -> Antecedent {
        Antecedent(offset: offset, paragraph: offset / 100, speaker: speaker, gender: .unknown, isPerson: true)
    }

    static func before(_ list: AntecedentList, _ offset: Int, limit: Int = 400) -> [Int] {
        var seen: [Int] = []
        list.forEachBefore(offset, limit: limit) { seen.append($0.offset); return true }
        return seen
    }

    @Test func insertionsInAnyOrderReadBackNearestFirst() {
        var list = AntecedentList()
        for o in [10, 20, 30, 40, 50] { list.append(Self.person(o, "p\(o)")) }
        // Speakers found while attributing quotes land between the names, forwards and backwards.
        for o in [35, 15, 45, 5, 25, 55] { list.insert(Self.person(o, "q\(o)")) }
        #expect(list.count == 11)
        #expect(Self.before(list, 1_000) == [55, 50, 45, 40, 35, 30, 25, 20, 15, 10, 5])
        #expect(Self.before(list, 30) == [25, 20, 15, 10, 5])
        #expect(Self.before(list, 31, limit: 3) == [30, 25, 20])
        #expect(Self.before(list, 5).isEmpty)
    }

    @Test func anEntryAtTheSamePlaceReplacesTheName() {
        var list = AntecedentList()
        for o in [10, 20, 30] { list.append(Self.person(o, "name\(o)")) }
        list.insert(Self.person(20, "described"))
        list.insert(Self.person(10, "described too"))
        #expect(list.count == 3)
        var speakers: [String] = []
        list.forEachBefore(100, limit: 10) { speakers.append($0.speaker ?? ""); return true }
        #expect(speakers == ["name30", "described", "described too"])
    }

    @Test func stopsWhenAsked() {
        var list = AntecedentList()
        for o in stride(from: 0, to: 1_000, by: 10) { list.insert(Self.person(o, "p")) }
        var visited = 0
        list.forEachBefore(500, limit: 400) { a in visited += 1; return a.offset > 450 }
        #expect(visited == 5)   // 490, 480, 470, 460, then 450 stops
    }
}
