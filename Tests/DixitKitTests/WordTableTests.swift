import Testing
@testable import DixitKit

/// The lexicon tables answer exactly as the `Set` and `Dictionary` they replace.
@Suite struct WordTableTests {
    /// Words of every shape the lexicons hold: short, past the 16 bytes kept inline, equal in their
    /// first 16 bytes, accented, multiword keys.
    static let words = [
        "le", "l'", "de", "ministre", "coree du sud", "organisation mondiale de la sante",
        "organisation mondiale de la meteorologie", "etats-unis", "ecole", "école", "ōsaka", "a",
        "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "x1234567", "x12345678",
    ]

    @Test func answersLikeASetForPresentAndAbsentWords() {
        let set = WordSet(Self.words)
        let reference = Set(Self.words)
        #expect(set.count == reference.count)
        let probes = Self.words + ["", "la", "ministres", "coree du nord", "organisation mondiale de la", "abcdefghijklmno",
                                   "abcdefghijklmnopqr", "abcdefghijklmnops", "ecolé", "Ecole", "x123456", "osaka"]
        for w in probes {
            #expect(set.contains(w) == reference.contains(w), "\(w)")
        }
    }

    @Test func keepsValuesAndTheFirstOfDuplicateKeys() {
        var dictionary: [String: Int] = [:]
        for (i, w) in Self.words.enumerated() { dictionary[w] = i }
        let table = WordTable(dictionary)
        for (w, i) in dictionary { #expect(table[w] == i, "\(w)") }
        #expect(table["absent"] == nil)
        let duplicated = WordTable<Int>(pairs: [("paris", 1), ("paris", 2), ("lyon", 3)])
        #expect(duplicated.count == 2)
        #expect(duplicated["paris"] == 1)
    }

    @Test func mergesTheValuesOfRepeatedKeys() {
        let pairs = [("paris", 1), ("lyon", 2), ("paris", 4), ("abcdefghijklmnopq", 8), ("abcdefghijklmnopr", 32),
                     ("abcdefghijklmnopq", 16), ("école", 64), ("ecole", 128)]
        let table = WordTable<Int>(merging: pairs) { $0 |= $1 }
        #expect(table.count == 6)
        #expect(table["paris"] == 5)
        #expect(table["lyon"] == 2)
        #expect(table["abcdefghijklmnopq"] == 24)
        #expect(table["abcdefghijklmnopr"] == 32)
        #expect(table["école"] == 64 && table["ecole"] == 128)
        let e = table.entry("paris")!
        #expect(table.value(at: e) == 5)
        "paris".utf8.withContiguousStorageIfAvailable { #expect(table.find($0) == e) }
    }

    @Test func holdsThousandsOfWords() {
        let many = (0..<20_000).map { "mot\($0)" }
        let set = WordSet(many)
        #expect(many.allSatisfy { set.contains($0) })
        #expect(!(20_000..<21_000).contains { set.contains("mot\($0)") })
    }
}
