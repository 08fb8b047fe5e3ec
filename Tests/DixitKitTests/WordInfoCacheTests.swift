import Foundation
import Testing
@testable import DixitKit

/// The per-thread cache in front of the lexicon's word table (`WordInfoCache`) must answer
/// exactly as the lexicon does, however often a word comes back and whatever shares its slot.
@Suite struct WordInfoCacheTests {
    static let lexicon = EntityLexicon.shared

    /// A passage written the way news is written, read twice over so that every word is asked
    /// about again (the second time from the cache), with words longer than the 16 bytes the
    /// cache keeps (`anticonstitutionnellement`) and words that differ in one letter.
    static let passage = """
        Le président de la République a reçu mardi le premier ministre et la ministre des Armées. \
        Selon l'Élysée, la réforme, jugée « anticonstitutionnellement rédigée » par l'opposition, \
        sera présentée au Conseil des ministres. The Prime Minister said the ministers would meet \
        again; the minister's spokesman declined to comment. Les maires, le maire, la mairie.
        """

    @Test func answersAsTheLexicon() {
        let text = ScalarText(Self.passage + " " + Self.passage)
        let cache = WordInfoCache(lexicon: Self.lexicon)
        let plain = TokenView(text: text, span: Span(0, text.count), lexicon: Self.lexicon)
        let cached = TokenView(text: text, span: Span(0, text.count), lexicon: Self.lexicon, cache: cache)
        var known = 0
        for i in 0..<plain.count {
            let a = plain.info(i), b = cached.info(i)
            #expect(a.classes == b.classes, "token \(plain.text(i))")
            #expect(a.nameLength == b.nameLength && a.titleLength == b.titleLength && a.cueLength == b.cueLength)
            #expect(a.nameLengthBits == b.nameLengthBits)
            if !a.classes.isEmpty { known += 1 }
        }
        // The passage's common words and titles are in the lexicon: the test compares real answers.
        #expect(known >= 20)
    }

    @Test func everyWordOfTheSeedsAnswersAsTheLexicon() throws {
        let cache = WordInfoCache(lexicon: Self.lexicon)
        let seeds = repositoryRoot().appendingPathComponent("seeds")
        var words = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".txt") {
            let text = ScalarText(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
            let view = TokenView(text: text, span: Span(0, text.count), lexicon: Self.lexicon)
            for i in 0..<view.count {
                // Folded keys of every length, through the cache twice (miss, then hit) and straight.
                let key = Array(view.fold(i).utf8)
                let direct = key.withUnsafeBufferPointer { Self.lexicon.wordInfo($0) }
                for _ in 0..<2 {
                    let viaCache = key.withUnsafeBufferPointer { cache.wordInfo($0) }
                    #expect(viaCache.classes == direct.classes && viaCache.nameLength == direct.nameLength
                            && viaCache.titleLength == direct.titleLength && viaCache.cueLength == direct.cueLength
                            && viaCache.nameLengthBits == direct.nameLengthBits, "word \(view.text(i))")
                }
                words += 1
            }
        }
        #expect(words > 500)
    }

    @Test func aThreadKeepsItsCache() {
        let here = WordInfoCache.forCurrentThread(Self.lexicon)
        #expect(WordInfoCache.forCurrentThread(Self.lexicon) === here)
        #expect(here.lexicon === Self.lexicon)
    }
}
