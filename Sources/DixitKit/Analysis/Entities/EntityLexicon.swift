import Foundation

/// Everything the entity recognizer knows before reading an article: places,
/// organisations, first names, titles, organisation keywords, common words.
/// Built once from the `entities-*` files of `Resources/Lexicon` (see
/// `scripts/make-entity-lexicons.py` for the derived ones) and never mutated;
/// a class so that the many small values that use it share one reference.
final class EntityLexicon: Sendable {
    /// What a known multiword or single-word name is.
    enum Known: Sendable, Equatable {
        case place
        case organisation
    }

    /// Known names keyed by folded tokens joined with one space (`coree du sud`).
    let names: WordTable<Known>
    /// Known names written in capitals (`UN`, `AP`): they match capitals only.
    let acronyms: WordSet
    /// For each known name, the tokens it writes with a capital (bit n for token n).
    let capitalMasks: WordTable<UInt64>
    /// Longest known name (in tokens) for each folded first token.
    let nameLengths: WordTable<Int>
    let firstNames: WordSet
    let surnames: WordSet
    /// Proper nouns of untyped kind (brands, places, organisations).
    let properNouns: WordSet
    let nonEntities: WordSet
    let demonyms: WordSet
    /// Titles and roles keyed by folded tokens joined with one space.
    let titles: WordSet
    let titleLengths: WordTable<Int>
    /// The last folded token of every title (`m`, `.`, `president`): a cheap first test.
    let titleEnds: WordSet
    let orgHeads: WordSet
    let orgTails: WordSet
    /// Last words that make a capitalised name a place (`… Museum`, `… Street`).
    let placeTails: WordSet
    /// Speech cues keyed by folded tokens joined with one space.
    let speechCues: WordSet
    let speechCueLengths: WordTable<Int>
    /// Every word of the lists above and of the rules' closed lists, with what it is
    /// (see `WordClass`): what `TokenView` looks up once per token.
    let words: WordTable<WordInfo>
    /// What `known` needs of each entry of `names` (indexed by `names.entry`).
    let nameFacts: [NameFacts]
    /// `wordInfo` of the one-byte ASCII keys.
    private let asciiInfos: [WordInfo]

    /// The facts of one known name: its kind, whether it matches text in capitals only,
    /// and which of its tokens the text must capitalise.
    struct NameFacts: Sendable {
        var kind: Known
        var capitalsOnly: Bool
        var capitalMask: UInt64
    }

    /// The lexicon of the bundled resources, loaded on first use.
    static let shared = EntityLexicon(bundle: Bundle.module)

    init(bundle: Bundle) {
        func lines(_ name: String) -> [String] {
            let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            guard let url = bundle.url(forResource: base, withExtension: ext, subdirectory: "Lexicon")
                    ?? bundle.url(forResource: base, withExtension: ext),
                  let data = try? Data(contentsOf: url) else { return [] }
            // A plain byte scan: these files hold some 200,000 lines in all.
            var out: [String] = []
            out.reserveCapacity(data.count / 8)
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                    var a = start, b = i
                    while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                    while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
                    if b > a, bytes[a] != 0x23 {  // `#` comments
                        out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                    }
                    start = i + 1
                }
            }
            return out
        }
        func key(_ phrase: String) -> [String] {
            let text = ScalarText(phrase)
            return Tokenizer.tokenize(text, in: Span(0, text.count)).map {
                NameFolding.fold(text.scalars, $0.span.range)
            }
        }
        func phraseTable(_ phrases: [String]) -> (WordSet, WordTable<Int>) {
            var set = Set<String>(), lengths: [String: Int] = [:]
            for p in phrases {
                let k = key(p)
                guard let first = k.first else { continue }
                set.insert(k.joined(separator: " "))
                lengths[first] = max(lengths[first] ?? 0, k.count)
            }
            return (WordSet(set), WordTable(lengths))
        }

        var names: [String: Known] = [:], nameLengths: [String: Int] = [:], acronyms = Set<String>()
        var capitalMasks: [String: UInt64] = [:]
        var nameLengthBits: [String: UInt32] = [:]
        func addName(_ phrase: String, _ kind: Known) {
            // Tokenised once for the key (as `key(_:)`) and the capitals.
            let text = ScalarText(phrase)
            let scalars = text.scalars
            let tokens = Tokenizer.tokenize(text, in: Span(0, text.count))
            let k = tokens.map { NameFolding.fold(scalars, $0.span.range) }
            guard let first = k.first else { return }
            let joined = k.joined(separator: " ")
            // Which tokens the name writes with a capital: text must capitalise them too (`La Presse` ≠ `La presse`).
            var mask: UInt64 = 0
            for (n, t) in tokens.enumerated() where n < 64 {
                if scalars[t.span.start].isUppercaseLetter { mask |= 1 << UInt64(n) }
            }
            capitalMasks[joined] = (capitalMasks[joined] ?? mask) & mask
            // Two letters or more, all capitals: an acronym.
            var letters = 0, allUpper = true
            for c in phrase.unicodeScalars where c.isLetter {
                letters += 1
                if !c.isUppercaseLetter { allUpper = false }
            }
            if letters >= 2, allUpper { acronyms.insert(joined) }
            // Organisations written by hand win over generated places (`Wagner`, `Total`).
            if kind == .organisation || names[joined] == nil { names[joined] = kind }
            nameLengths[first] = max(nameLengths[first] ?? 0, k.count)
            nameLengthBits[first, default: 0] |= WordInfo.nameLengthBit(k.count)
        }
        for file in ["entities-places-geonames.tsv", "entities-countries-iso.tsv", "entities-subdivisions-iso.tsv",
                     "entities-places-extra.tsv"] {
            for line in lines(file) {
                addName(String(line.split(separator: "\t").first ?? ""), .place)
            }
        }
        for line in lines("entities-orgs.tsv") {
            let parts = line.split(separator: "\t")
            addName(String(parts[0]), parts.count > 1 && parts[1] == "LOC" ? .place : .organisation)
        }
        let nameTable = WordTable(names)
        self.names = nameTable
        self.nameLengths = WordTable(nameLengths)
        self.acronyms = WordSet(acronyms)
        self.capitalMasks = WordTable(capitalMasks)
        var facts = [NameFacts](repeating: NameFacts(kind: .place, capitalsOnly: false, capitalMask: 0), count: nameTable.count)
        for (key, kind) in names {
            guard let e = nameTable.entry(key) else { continue }
            // As `known(_:allCaps:)` decides for a text not in capitals.
            let titleCaseAllowed = !acronyms.contains(key) || key.contains(".") || !key.contains(" ") && key.count >= 4
            facts[e] = NameFacts(kind: kind, capitalsOnly: !titleCaseAllowed, capitalMask: capitalMasks[key] ?? 0)
        }
        nameFacts = facts

        // Single words only: a token's folded key never holds a space.
        var wordPairs: [(String, WordInfo)] = []
        func mark<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String {
            for w in words where !w.utf8.contains(0x20) { wordPairs.append((w, WordInfo(classes: c))) }
        }

        let folded = { (file: String) in Set(lines(file).map(NameFolding.fold)) }
        let firstNameSet = folded("entities-firstnames-fr.txt").union(folded("entities-firstnames-en.txt"))
        let surnameSet = folded("entities-surnames-fr.txt"), properNounSet = folded("entities-propernouns-fr.txt")
        let nonEntitySet = folded("entities-nonentities.txt")
        firstNames = WordSet(firstNameSet)
        surnames = WordSet(surnameSet)
        properNouns = WordSet(properNounSet)
        nonEntities = WordSet(nonEntitySet)
        mark(firstNameSet, .firstName)
        mark(surnameSet, .surname)
        mark(properNounSet, .properNoun)
        mark(nonEntitySet, .nonEntity)
        // Folded lowercase words of French and English (`isCommonWord`), by far the longest list:
        // held only in `words`.
        mark(lines("entities-common-fr.txt"), .commonExact)
        mark(lines("entities-common-en.txt"), .commonExact)
        for (key, kind) in names { mark(CollectionOfOne(key), kind == .place ? .namePlace : .nameOrganisation) }
        for (key, n) in nameLengths {
            wordPairs.append((key, WordInfo(nameLength: Int32(n), nameLengthBits: nameLengthBits[key] ?? 0)))
        }

        var demonyms = Set<String>()
        for d in lines("entities-demonyms.txt") {
            let f = NameFolding.fold(d)
            demonyms.insert(f)
            // French feminine and plural forms: -e, -s, -es; -ien → -ienne(s); -s/-x stay.
            for suffix in ["e", "s", "es"] { demonyms.insert(f + suffix) }
            if f.hasSuffix("ien") || f.hasSuffix("en") { demonyms.insert(f + "ne"); demonyms.insert(f + "nes") }
            if f.hasSuffix("e") { demonyms.insert(f + "s") }
        }
        self.demonyms = WordSet(demonyms)
        mark(demonyms, .demonym)

        let titleLines = lines("entities-titles.txt")
        let titleKeys = titleLines.map { key($0) }
        (titles, titleLengths) = phraseTable(titleLines)
        let titleEndSet = Set(titleKeys.compactMap { $0.last })
        titleEnds = WordSet(titleEndSet)
        mark(titleEndSet, .titleEnd)
        mark(titleKeys.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }, .title)
        for k in titleKeys { if let first = k.first { wordPairs.append((first, WordInfo(titleLength: Int32(titleLengths[first]!)))) } }
        let cueLines = lines("entities-speech-cues.txt")
        (speechCues, speechCueLengths) = phraseTable(cueLines)
        for line in cueLines { if let first = key(line).first { wordPairs.append((first, WordInfo(cueLength: Int32(speechCueLengths[first]!)))) } }
        var heads = Set<String>(), tails = Set<String>(), placeTails = Set<String>()
        for line in lines("entities-org-keywords.tsv") {
            let parts = line.split(separator: "\t")
            let word = NameFolding.fold(String(parts[0]))
            let role = parts.count > 1 ? parts[1] : "both"
            if role == "place" { placeTails.insert(word); continue }
            if role != "tail" { heads.insert(word) }
            if role != "head" { tails.insert(word) }
        }
        self.placeTails = WordSet(placeTails)
        orgHeads = WordSet(heads)
        orgTails = WordSet(tails)
        mark(placeTails, .placeTail)
        mark(heads, .orgHead)
        mark(tails, .orgTail)
        for (list, c) in WordClass.ruleLists { mark(list, c) }
        let words = WordTable(merging: wordPairs) { a, b in
            a.classes.formUnion(b.classes)
            a.nameLength = max(a.nameLength, b.nameLength)
            a.titleLength = max(a.titleLength, b.titleLength)
            a.cueLength = max(a.cueLength, b.cueLength)
            a.nameLengthBits |= b.nameLengthBits
        }
        self.words = words
        asciiInfos = (0..<128).map { b in [UInt8(b)].withUnsafeBufferPointer { Self.wordInfo($0, in: words) } }
    }

    /// What the lexicon knows of a folded word (its UTF-8), `.common` included.
    @inline(__always)
    func wordInfo(_ utf8: UnsafeBufferPointer<UInt8>) -> WordInfo {
        // Punctuation and single letters, the most frequent keys, from a small array.
        if utf8.count == 1, utf8[0] < 0x80 { return asciiInfos[Int(utf8[0])] }
        return Self.wordInfo(utf8, in: words)
    }

    private static func wordInfo(_ utf8: UnsafeBufferPointer<UInt8>, in words: WordTable<WordInfo>) -> WordInfo {
        var info = words.find(utf8).map { words.value(at: $0) } ?? WordInfo()
        if info.classes.contains(.commonExact) {
            info.classes.insert(.common)
        } else if let last = utf8.last, last == 0x73 || last == 0x78,
                  let e = words.find(UnsafeBufferPointer(rebasing: utf8.dropLast())),
                  words.value(at: e).classes.contains(.commonExact) {
            // `isCommonWord`: the plural in -s or -x of a common word.
            info.classes.insert(.common)
        }
        return info
    }

    /// What a known name is, from its entry in `names` (see `known(_:allCaps:)`).
    @inline(__always)
    func known(entry e: Int, allCaps: Bool) -> Known? {
        let f = nameFacts[e]
        return allCaps || !f.capitalsOnly ? f.kind : nil
    }

    /// What a known name is; names written in capitals match only text in capitals.
    func known(_ key: String, allCaps: Bool) -> Known? {
        guard let k = names[key] else { return nil }
        // Dotted abbreviations (`U.S.`) carry their own dots and match as written.
        guard !allCaps, acronyms.contains(key), !key.contains(".") else { return k }
        // `Otan`, `Unesco`: French writes acronyms of four letters or more in title case.
        return !key.contains(" ") && key.count >= 4 ? k : nil
    }

    /// Whether a folded word is in the common word lists as it stands (a key with a
    /// space never is: the lists hold single words).
    private func isCommonExact(_ folded: String) -> Bool {
        guard let e = words.entry(folded) else { return false }
        return words.value(at: e).classes.contains(.commonExact)
    }

    /// Whether a folded word is a common (lowercase) word of either language,
    /// its plural included.
    func isCommonWord(_ folded: String) -> Bool {
        if isCommonExact(folded) { return true }
        if folded.hasSuffix("s") || folded.hasSuffix("x") { return isCommonExact(String(folded.dropLast())) }
        return false
    }
}
