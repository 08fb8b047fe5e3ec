import Foundation
import Testing
@testable import DixitKit

/// `TokenView` answers the recognizer's questions from one look-up per token (word classes
/// as bits, phrase keys read from folded bytes): every answer must be the one the lexicon's
/// own sets and tables give for the token's folded string.
@Suite struct EntityWordClassTests {
    static let lexicon = EntityLexicon.shared

    /// Passages written the way news is written, in both languages, with accents, elisions,
    /// titles, dotted abbreviations, plural common words and multiword names.
    static let passages = [
        "Le ministre des Affaires étrangères, Jean-Yves Le Drian, a rencontré lundi à Paris le président de la Commission européenne. « Nous sommes d'accord », a-t-il déclaré aux journalistes réunis devant l'Élysée.",
        "Selon l'Organisation mondiale de la santé (OMS), les hôpitaux de Corée du Sud et des États-Unis manquent de lits. M. Dupont, maire de Saint-Étienne, s'est dit « inquiet ».",
        "Sen. Maria Lopez told reporters in New York on Tuesday that the U.S. Department of State would review the deal. \"We are not there yet,\" said the former Prime Minister of the United Kingdom.",
        "Acme Inc. shares fell 3.5% after analysts at Goldman Sachs cut their forecasts; the company's chief executive, Dana Reyes, said earnings would recover.",
    ]

    static func views() throws -> [TokenView] {
        var texts = passages
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot().appendingPathComponent("seeds").path).sorted()
        where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: repositoryRoot().appendingPathComponent("seeds").appendingPathComponent(name), encoding: .utf8))
        }
        return texts.map { t in
            let text = ScalarText(t)
            return TokenView(text: text, span: Span(0, text.count), lexicon: lexicon)
        }
    }

    @Test func wordClassesAgreeWithTheLexiconSets() throws {
        let l = Self.lexicon
        let sets: [(WordSet, WordClass)] = [
            (l.firstNames, .firstName), (l.surnames, .surname), (l.properNouns, .properNoun),
            (l.nonEntities, .nonEntity), (l.demonyms, .demonym), (l.titleEnds, .titleEnd), (l.orgHeads, .orgHead),
            (l.orgTails, .orgTail), (l.placeTails, .placeTail), (l.titles, .title),
        ]
        var checked = 0, members = 0
        for view in try Self.views() {
            for i in 0..<view.count {
                let f = view.fold(i)
                for (set, c) in sets {
                    #expect(view.has(i, c) == set.contains(f), "\(f) \(c.rawValue)")
                    if set.contains(f) { members += 1 }
                }
                #expect(view.has(i, .common) == l.isCommonWord(f), "\(f) common")
                #expect(view.has(i, .namePlace) == (l.names[f] == .place), "\(f) place")
                #expect(view.has(i, .nameOrganisation) == (l.names[f] == .organisation), "\(f) organisation")
                #expect(Int(view.info(i).nameLength) == (l.nameLengths[f] ?? 0), "\(f) name length")
                #expect(Int(view.info(i).titleLength) == (l.titleLengths[f] ?? 0), "\(f) title length")
                #expect(Int(view.info(i).cueLength) == (l.speechCueLengths[f] ?? 0), "\(f) cue length")
                for (list, c) in WordClass.ruleLists { #expect(view.has(i, c) == list.contains(f), "\(f) \(c.rawValue)") }
                checked += 1
            }
        }
        // The passages hold words of most lists: the comparison is not vacuous.
        #expect(checked > 500)
        #expect(members > 100)
    }

    @Test func phraseKeysAgreeWithTheStringKeys() throws {
        let l = Self.lexicon
        var knownNames = 0, titles = 0
        for view in try Self.views() {
            for i in -1..<view.count {
                for length in 0...5 {
                    let r = i..<(i + length)
                    let key = view.key(r)
                    #expect(view.nameEntry(r) == l.names.entry(key), "\(key)")
                    #expect(view.isTitle(r) == l.titles.contains(key), "\(key)")
                    #expect(view.isSpeechCue(r) == l.speechCues.contains(key), "\(key)")
                    for caps in [false, true] { #expect(view.known(r, allCaps: caps) == l.known(key, allCaps: caps), "\(key)") }
                    if l.names[key] != nil, length >= 2 { knownNames += 1 }
                    if l.titles.contains(key) { titles += 1 }
                }
            }
        }
        #expect(knownNames >= 3)  // `Corée du Sud`, `États-Unis`, `New York`, …
        #expect(titles >= 5)
    }

    @Test func foldIsComparesTheFoldedKey() {
        let text = ScalarText("L’Université de Lorraine et le Ministère")
        let view = TokenView(text: text, span: Span(0, text.count), lexicon: Self.lexicon)
        #expect(view.foldIs(0, "l'"))
        #expect(view.foldIs(1, "universite"))
        #expect(!view.foldIs(1, "universit"))
        #expect(view.foldIs(view.count - 1, "ministere"))
        #expect(!view.foldIs(view.count, "ministere"))
        #expect(view.foldLength(1) == "universite".utf8.count)
    }
}
