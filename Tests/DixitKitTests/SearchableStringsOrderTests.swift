@testable import DixitKit
import Testing

@Suite struct SearchableStringsOrderTests {
    /// Speaker keys as the index folds them: shared first eight bytes, one a prefix of
    /// another, accents (two-byte UTF-8) at the eighth byte, one-letter keys.
    static let keys = [
        "jean-pierre raffarin", "jean-pierre", "jean-pie", "jean-pierre chevènement",
        "jean-luc mélenchon", "le président", "le porte-parole", "le premier ministre",
        "élisabeth borne", "emmanuel macron", "x", "a", "ministère de l'intérieur",
        "ministère des armées", "ministre", "ministres", "zoé", "zoe", "jean-pierrette",
    ]

    @Test func idsComeInByteOrder() {
        var s = SearchableStrings()
        let ids = Self.keys.map { s.intern($0) }
        let sorted = s.sortedIds()
        #expect(sorted.count == Self.keys.count)
        // Byte order of the UTF-8 keys, what `precedes` compares.
        let expected = Self.keys.indices.sorted { Array(Self.keys[$0].utf8).lexicographicallyPrecedes(Array(Self.keys[$1].utf8)) }
        #expect(sorted.map { Self.keys[ids.firstIndex(of: $0)!] } == expected.map { Self.keys[$0] })
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(s.precedes(Int(a), Int(b))) }
    }
}
