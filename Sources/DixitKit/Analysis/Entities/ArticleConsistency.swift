/// Makes an article's entities agree with each other: one type per name (the
/// best-evidenced), surnames and particle forms of known people typed as those
/// people (`Stoltenberg` → `Jens Stoltenberg`), every other occurrence of a name
/// found (headlines, sentence starts, links), and one canonical name per entity.
struct ArticleConsistency {
    let lexicon: EntityLexicon
    let text: ScalarText
    let views: [TokenView?]

    /// Lowercase particles that begin a surname (`Le Drian`, `van der Leyen`, `ben Salmane`).
    static let surnameParticles: Set<String> = [
        "le", "la", "de", "du", "des", "van", "von", "der", "ben", "bin", "ibn", "al", "el", "di", "da", "del",
        "della", "dos", "st", "st.", "mc", "ter",
    ]

    static let corporateSuffixes: Set<String> = ["inc", "corp", "corporation", "ltd", "co", "plc", "sa", "ag", "gmbh", "llc", "group"]

    private struct Name {
        var type: EntityType
        var strength: EvidenceStrength
        var votes: Int
        var canonical: String
    }

    /// The article's names, each surface interned once: `ids` gives its number, by which
    /// `names` and `surfaces` (in order of first appearance) are indexed, so that the
    /// passes over every candidate hash no string.
    private struct NameTable {
        private(set) var ids = SurfaceIndex()
        var names: [Name] = []
        private(set) var surfaces: [String] = []

        var count: Int { surfaces.count }

        /// Room for `n` names without regrowing the tables.
        mutating func reserve(_ n: Int) {
            ids.reserve(n)
            names.reserveCapacity(n)
            surfaces.reserveCapacity(n)
        }

        /// The number of `s`, or nil.
        func id(_ s: String) -> Int? { ids.find(s, in: surfaces) }

        subscript(s: String) -> Name? { id(s).map { names[$0] } }

        /// Sets the name of `s`, numbering it if it is new.
        mutating func set(_ s: String, _ n: Name) {
            if let i = id(s) { names[i] = n; return }
            ids.insert(s, id: surfaces.count)
            names.append(n)
            surfaces.append(s)
        }
    }

    func resolve(_ found: [EntityCandidate]) -> [Entity] {
        var candidates = found
        for i in candidates.indices { candidates[i].surface = text[candidates[i].span] }

        // 1. One type per surface string: strongest evidence, then most votes.
        var table = NameTable()
        table.reserve(candidates.count)
        // Each candidate's name number once found (-1: not yet); a number never changes.
        var nameIDs = [Int](repeating: -1, count: candidates.count)
        func nameID(_ i: Int) -> Int? {
            if nameIDs[i] >= 0 { return nameIDs[i] }
            guard let id = table.id(candidates[i].surface) else { return nil }
            nameIDs[i] = id
            return id
        }
        for i in candidates.indices {
            guard let type = candidates[i].type else { continue }
            let strength = candidates[i].strength
            if let id = nameID(i) {
                var n = table.names[id]
                if strength > n.strength || (strength == n.strength && n.type == type) {
                    if n.type != type { n.votes = 0 }
                    n.type = type
                    n.strength = strength
                }
                if n.type == type { n.votes += 1 }
                table.names[id] = n
            } else {
                let s = candidates[i].surface
                table.set(s, Name(type: type, strength: strength, votes: 1, canonical: s))
                nameIDs[i] = table.count - 1
            }
        }

        // Unknown or weakly typed runs that end with a person's name found alone
        // (`Kamala Harris` where `Mme Harris` told a person) are that person's full name.
        for i in candidates.indices where (candidates[i].type == nil || candidates[i].strength <= .weak)
            && (2...4).contains(candidates[i].tokens.count) {
            guard let view = views[candidates[i].paragraph],
                  candidates[i].tokens.allSatisfy({ view.isCapitalised($0) }) else { continue }
            let last = text[view.span(candidates[i].tokens.upperBound - 1)]
            if let n = table[last], n.type == .person, n.strength >= .medium {
                candidates[i].type = .person
                candidates[i].strength = .medium
                let s = candidates[i].surface
                if let id = nameID(i) {
                    let old = table.names[id]
                    if old.type != .person, old.strength <= .weak {
                        table.names[id] = Name(type: .person, strength: .medium, votes: 1, canonical: s)
                    }
                } else {
                    table.set(s, Name(type: .person, strength: .medium, votes: 1, canonical: s))
                    nameIDs[i] = table.count - 1
                }
            }
        }

        // 2. People: their surname forms point to the full name.
        var fullNames: [String: [String]] = [:]  // surname form → full names in order of appearance
        // The full names of a form that has many, as a set: a long list is not scanned at every mention.
        var fullNameSets: [String: Set<String>] = [:]
        func addFullName(_ s: String, of form: String) {
            if fullNameSets[form] != nil {
                // Mutated in place: a copy of the set at every mention would be quadratic again.
                if fullNameSets[form]!.insert(s).inserted { fullNames[form]!.append(s) }
                return
            }
            let list = fullNames[form] ?? []
            guard !list.contains(s) else { return }
            fullNames[form, default: []].append(s)
            if list.count + 1 >= 16 { fullNameSets[form] = Set(fullNames[form]!) }
        }
        var midSentenceOnly = Set<String>()
        var personMentions = [Int](repeating: 0, count: table.count)  // by name number
        func mentions(_ s: String) -> Int { table.id(s).map { $0 < personMentions.count ? personMentions[$0] : 0 } ?? 0 }
        for i in candidates.indices where candidates[i].type != nil {
            let c = candidates[i], s = c.surface
            guard let id = nameID(i), table.names[id].type == .person, let view = views[c.paragraph] else { continue }
            personMentions[id] += 1
            guard c.tokens.count >= 2 else { continue }
            for form in surnameForms(c.tokens, view: view) where form != s {
                addFullName(s, of: form)
            }
        }
        // First names that stand alone (`Grace` for `Grace Okafor`), when they are no
        // other known name and no common word.
        for i in candidates.indices where candidates[i].tokens.count >= 2 {
            let c = candidates[i], s = c.surface
            guard let id = nameID(i), table.names[id].type == .person, table.names[id].strength >= .medium,
                  let view = views[c.paragraph] else { continue }
            let k = c.tokens.lowerBound
            guard view.has(k, .firstName), !view.has(k, .name), view.isCapitalised(k) else { continue }
            let first = text[view.span(k)]
            // `Will`, `Hope`: a first name that is also a word counts only inside sentences.
            if view.has(k, .common) { midSentenceOnly.insert(first) }
            addFullName(s, of: first)
        }
        // Unknown runs that end with a known person's surname are relatives (`Hunter Okafor`).
        for i in candidates.indices where !fullNames.isEmpty && candidates[i].type == nil && candidates[i].tokens.count >= 2 {
            guard let view = views[candidates[i].paragraph] else { continue }
            let last = text[view.span(candidates[i].tokens.upperBound - 1)]
            if fullNames[last] != nil {
                candidates[i].type = .person
                candidates[i].strength = .medium
                let s = candidates[i].surface
                if nameID(i) == nil {
                    table.set(s, Name(type: .person, strength: .medium, votes: 1, canonical: s))
                    nameIDs[i] = table.count - 1
                }
            }
        }
        // A full name that is itself the surname form of a longer name (`Joe Biden` in `Joe R. Biden`) is not one.
        for (form, fulls) in fullNames {
            let best = fulls.max { mentions($0) < mentions($1) }!
            let bestMentions = mentions(best)
            let bestFull = fulls.first { mentions($0) == bestMentions } ?? best
            let fullStrength = fulls.compactMap { table[$0]?.strength }.max() ?? .none
            if let id = table.id(form) {
                var n = table.names[id]
                // A weakly found person does not retype a strongly known name (`G7` in `Le G7`).
                if n.type != .person, fullStrength >= .medium || n.strength < .strong { n.type = .person; n.strength = .strong }
                guard n.type == .person else { continue }
                n.canonical = bestFull
                table.names[id] = n
            } else {
                table.set(form, Name(type: .person, strength: .strong, votes: 0, canonical: bestFull))
            }
        }

        // 3. Acronyms and their expansions share the expansion as canonical.
        for i in candidates.indices where candidates[i].pairedWith != nil {
            let c = candidates[i]
            guard let other = c.pairedWith, let type = c.type else { continue }
            let s = c.surface
            let long = s.unicodeScalars.count >= other.unicodeScalars.count ? s : other
            for form in [s, other] {
                var n = table[form] ?? Name(type: type, strength: .strong, votes: 0, canonical: long)
                n.canonical = long
                n.type = type
                n.strength = .strong
                table.set(form, n)
            }
        }

        // A company's short name takes its full name (`Apple` → `Apple Inc.`).
        for id in 0..<table.count {
            let s = table.surfaces[id]
            // Cheap test first: the last word (after the last space) is a corporate suffix.
            guard let space = s.utf8.lastIndex(of: 0x20),
                  Self.mayBeCorporateSuffix(s.utf8[s.utf8.index(after: space)...]),
                  Self.corporateSuffixes.contains(NameFolding.fold(String(s[s.utf8.index(after: space)...])).trimmingDots)
            else { continue }
            let n = table.names[id]
            guard n.type == .organisation else { continue }
            let words = s.split(separator: " ")
            guard words.count >= 2, let last = words.last,
                  Self.corporateSuffixes.contains(NameFolding.fold(String(last)).trimmingDots) else { continue }
            let base = words.dropLast().joined(separator: " ")
            if var b = table[base] {
                // A weakly typed mention (`Velmora said`) is the company too.
                if b.type == .organisation || b.strength <= .medium {
                    b.type = .organisation
                    b.strength = .strong
                    b.canonical = n.canonical
                    table.set(base, b)
                }
            } else {
                table.set(base, Name(type: .organisation, strength: .strong, votes: 0, canonical: n.canonical))
            }
        }

        // A name found only in capitals (a dateline's `NAIROBI`, `LOS ANGELES`) is
        // the same name where the article writes it normally (`Nairobi`).
        for id in 0..<table.count {
            let s = table.surfaces[id]
            guard s.unicodeScalars.count > 3 && !s.unicodeScalars.contains(where: { $0.isLowercaseLetter }) else { continue }
            let n = table.names[id]
            guard n.type == .location else { continue }
            let t = Self.titleCased(s)
            if t != s, table.id(t) == nil {
                table.set(t, Name(type: n.type, strength: n.strength, votes: 0, canonical: t))
            }
        }

        // 4. Every occurrence of a typed name, found or not.
        let typed = candidates.indices.filter { candidates[$0].type != nil }
        if typed.count < candidates.count {
            nameIDs = typed.map { nameIDs[$0] }
            candidates = typed.map { candidates[$0] }
        }
        // Which candidate covers each token (-1: none), so that a longer name can replace shorter
        // ones; the tokens of all paragraphs in one array, paragraph `p` from `tokenBase[p]`.
        var tokenBase = [Int](repeating: 0, count: views.count + 1)
        for (p, v) in views.enumerated() { tokenBase[p + 1] = tokenBase[p] + (v?.count ?? 0) }
        var owner = [Int](repeating: -1, count: tokenBase[views.count])
        // Candidates replaced by a longer name, by index (an index past the end: not removed).
        var removed: [Bool] = []
        for (n, c) in candidates.enumerated() {
            for k in c.tokens { owner[tokenBase[c.paragraph] + k] = n }
        }
        // Each name as its scalars and token ranges, indexed by a hash of its first token.
        // The scalars and token ranges of all names sit in two shared arrays (`patternScalars`,
        // `patternTokens`, ranges as offsets into `patternScalars`): trying a name copies no array.
        struct Pattern { var id: Int; var surface: String; var tokenStart: Int; var tokenCount: Int }
        var patterns: [Pattern] = []
        var patternScalars: [Unicode.Scalar] = []
        var patternTokens: [Range<Int>] = []
        var byFirst = FirstTokenIndex(capacity: table.count)
        var lowercaseStarts: [Unicode.Scalar] = []  // few: a short array beats hashing every word
        // The first scalars (low 6 bits) and lengths (63 for longer) of the names' first tokens:
        // a word that matches neither bit begins no name, and is not hashed.
        var firstScalarBits: UInt64 = 0, firstLengthBits: UInt64 = 0
        // Every name's scalars first, one after the other, then each name tokenised where it
        // lies (a token never runs past its span) into one reused array: no array per name.
        var nameSpans: [Span] = []
        nameSpans.reserveCapacity(table.count)
        for id in 0..<table.count {
            let start = patternScalars.count
            patternScalars.append(contentsOf: table.surfaces[id].unicodeScalars)
            nameSpans.append(Span(start, patternScalars.count))
        }
        let allNames = ScalarText(scalars: patternScalars)
        var toks: [Token] = []
        for id in 0..<table.count {
            toks.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(allNames, in: nameSpans[id], into: &toks)
            guard let first = toks.first?.span.range, !first.isEmpty else { continue }
            byFirst.append(patterns.count, for: TokenView.hash(patternScalars[first]))
            firstScalarBits |= 1 << UInt64(patternScalars[first.lowerBound].value & 63)
            firstLengthBits |= 1 << UInt64(min(first.count, 63))
            patterns.append(Pattern(id: id, surface: table.surfaces[id], tokenStart: patternTokens.count, tokenCount: toks.count))
            for t in toks { patternTokens.append(t.span.range) }
            // Names may begin in lowercase (`ben Salmane`, `mer Noire`).
            let f = patternScalars[first.lowerBound]
            if TokenView.isLower(f), !lowercaseStarts.contains(f) { lowercaseStarts.append(f) }
        }
        // Longest first.
        byFirst.finish(sortingEachBy: { patterns[$0].tokenCount > patterns[$1].tokenCount })

        patternScalars.withUnsafeBufferPointer { patternScalars in
            for (p, view) in views.enumerated() {
                guard let view else { continue }
                let base = tokenBase[p]
                var k = 0
                // With no name in lowercase, only the words of `upperStarts` can begin one: the
                // others are skipped (`u` is the next of them to look at).
                let onlyUpper = lowercaseStarts.isEmpty
                var u = 0
                while k < view.count {
                    if onlyUpper {
                        while u < view.upperStarts.count, Int(view.upperStarts[u]) < k { u += 1 }
                        guard u < view.upperStarts.count else { break }
                        k = Int(view.upperStarts[u])
                    }
                    guard view.isWord(k), firstScalarBits & (1 << UInt64(view.first(k).value & 63)) != 0,
                          firstLengthBits & (1 << UInt64(min(view.span(k).length, 63))) != 0,
                          view.isCapitalised(k) || !view.isLowercaseWord(k) || lowercaseStarts.contains(view.first(k)),
                          let options = byFirst[view.scalarHash(k)] else { k += 1; continue }
                    var matched = false
                    for o in options where k + patterns[o].tokenCount <= view.count {
                        let tokenStart = patterns[o].tokenStart, tokenCount = patterns[o].tokenCount
                        if !midSentenceOnly.isEmpty, view.isSentenceInitial(k) || view.weakCapitals,
                           midSentenceOnly.contains(patterns[o].surface) { continue }
                        var ok = true
                        for n in 0..<tokenCount
                        where !view.equals(k + n, UnsafeBufferPointer(rebasing: patternScalars[patternTokens[tokenStart + n]])) {
                            ok = false
                            break
                        }
                        guard ok else { continue }
                        let s = patterns[o].surface, optionID = patterns[o].id
                        let end = k + tokenCount
                        // Whole words only, and touching tokens must touch in the text too.
                        if end < view.count, view.kind(end) == .word || view.isPunct(end, "$"), view.adjacent(end - 1, end) { continue }
                        let range = k..<end
                        if !range.allSatisfy({ owner[base + $0] < 0 }) {
                            // A longer name replaces the shorter ones found inside it (`Drian` in `Le Drian`).
                            guard range.count >= 2 else { continue }
                            let inside = Set(range.compactMap { owner[base + $0] >= 0 ? owner[base + $0] : nil })
                            guard !inside.isEmpty, inside.allSatisfy({ candidates[$0].tokens.clamped(to: range) == candidates[$0].tokens }) else { continue }
                            for j in inside {
                                if j >= removed.count { removed.append(contentsOf: repeatElement(false, count: j + 1 - removed.count)) }
                                removed[j] = true
                            }
                        }
                        let span = Span(view.span(k).start, view.span(end - 1).end)
                        let n = table.names[optionID]
                        candidates.append(EntityCandidate(paragraph: p, tokens: range, span: span,
                                                          type: n.type, strength: n.strength, surface: s))
                        nameIDs.append(optionID)
                        for j in range { owner[base + j] = candidates.count - 1 }
                        k = end
                        matched = true
                        break
                    }
                    if !matched { k += 1 }
                }
            }
        }

        // A name set in capitals (a dateline's `WASHINGTON`) takes the canonical of
        // the same name written normally in the article.
        var byFold: [String: String] = [:]
        let capitalNames = table.surfaces.contains { !$0.unicodeScalars.contains(where: { $0.isLowercaseLetter }) && $0.unicodeScalars.count > 4 }
        for id in 0..<table.count where capitalNames && table.surfaces[id].unicodeScalars.contains(where: { $0.isLowercaseLetter }) {
            let f = NameFolding.fold(table.surfaces[id])
            if byFold[f] == nil { byFold[f] = table.names[id].canonical }
        }
        for id in 0..<table.count where !byFold.isEmpty {
            let s = table.surfaces[id]
            guard !s.unicodeScalars.contains(where: { $0.isLowercaseLetter }) && s.unicodeScalars.count > 4 else { continue }
            if let canonical = byFold[NameFolding.fold(s)] {
                var n = table.names[id]
                n.canonical = canonical
                if let t = table[canonical]?.type { n.type = t }
                table.names[id] = n
            }
        }

        // 5. Entities, typed and named as the article agrees.
        var out: [Entity] = []
        for i in candidates.indices where i >= removed.count || !removed[i] {
            guard let id = nameID(i) else { continue }
            let n = table.names[id], c = candidates[i]
            out.append(Entity(span: c.span, text: c.surface, type: n.type, canonical: n.canonical))
        }
        out.sort { $0.span < $1.span }
        var clean: [Entity] = []
        for e in out where clean.last.map({ !$0.span.overlaps(e.span) }) ?? true { clean.append(e) }
        return clean
    }

    /// The forms a person's surname takes alone: the last word, and the words
    /// from a particle on (`Le Drian`, `De Luca`, `ben Salmane`).
    func surnameForms(_ r: Range<Int>, view: TokenView) -> [String] {
        var forms: [String] = []
        let lastSpan = view.span(r.upperBound - 1)
        for k in (r.lowerBound + 1)..<r.upperBound where view.has(k, .surnameParticle) {
            if k < r.upperBound - 1 { forms.append(text[Span(view.span(k).start, lastSpan.end)]) }
            break
        }
        let last = text[lastSpan]
        if view.isWord(r.upperBound - 1), !view.has(r.upperBound - 1, .surnameParticle),
           last.unicodeScalars.count >= 2, !view.isPunct(r.upperBound - 1, ".") {
            forms.append(last)
        }
        return forms
    }
}

/// The numbers of the article's name strings, found by a multiplicative hash of their UTF-8
/// (open addressing, the hash kept beside the number) instead of `Dictionary`'s SipHash: names
/// are short, and every candidate is looked up. The strings themselves stay in the caller's
/// array (`find(_:in:)`), where number `i` is at index `i`.
private struct SurfaceIndex {
    /// Per slot: the name's number + 1 (0: empty), and its hash.
    private var slots: [(id: Int32, hash: UInt32)] = Array(repeating: (0, 0), count: 16)
    private var count = 0

    /// Room for `n` names before the table grows.
    mutating func reserve(_ n: Int) {
        var size = slots.count
        while size < n * 2 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    @inline(__always)
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in b { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return h ^ (h >> 29)
        }
    }

    func find(_ s: String, in strings: [String]) -> Int? {
        let h = Self.hash(s), mask = slots.count - 1
        let short = UInt32(truncatingIfNeeded: h)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].id != 0 {
            let id = Int(slots[i].id) - 1
            if slots[i].hash == short, strings[id] == s { return id }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds `s` (not yet in the table) as number `id`.
    mutating func insert(_ s: String, id: Int) {
        if (count + 1) * 2 > slots.count { rehash(slots.count * 2) }
        place(Int32(id + 1), Self.hash(s))
        count += 1
    }

    private mutating func place(_ id: Int32, _ h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].id != 0 { i = (i + 1) & mask }
        slots[i] = (id, UInt32(truncatingIfNeeded: h))
    }

    /// The slots laid out again in a table of `size` (a power of two): the full hash is
    /// not kept, so the low 32 bits place each name (enough for any table below 2^32 slots).
    private mutating func rehash(_ size: Int) {
        let old = slots
        slots = Array(repeating: (0, 0), count: size)
        for e in old where e.id != 0 { place(e.id, UInt64(e.hash)) }
    }
}

/// Lists of pattern numbers keyed by the hash of a name's first token: open addressing on
/// the hash itself, so that the look-up made for every capitalised word of the article
/// costs no `Hasher`. Filled first (`append`), then `finish`ed: the lists then lie in one
/// array (no array per list), each list in order of appending, then sorted.
private struct FirstTokenIndex {
    private var keys: [Int]
    /// Per slot: list number + 1, or 0 when empty.
    private var lists: [Int32]
    private let mask: Int
    /// Before `finish`: (list, value) in order of appending.
    private var pending: [(list: Int32, value: Int)] = []
    private var listCount = 0
    /// After `finish`: list `l` is `items[starts[l]..<starts[l + 1]]`.
    private var starts: [Int] = []
    private var items: [Int] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [Int](repeating: 0, count: size)
        lists = [Int32](repeating: 0, count: size)
        mask = size - 1
        pending.reserveCapacity(capacity)
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int {
        var i = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while lists[i] != 0, keys[i] != key { i = (i + 1) & mask }
        return i
    }

    mutating func append(_ value: Int, for key: Int) {
        let i = slot(key)
        if lists[i] == 0 {
            keys[i] = key
            listCount += 1
            lists[i] = Int32(listCount)
        }
        pending.append((lists[i] - 1, value))
    }

    /// Lays the lists out and sorts each with `areInIncreasingOrder`.
    mutating func finish(sortingEachBy areInIncreasingOrder: (Int, Int) -> Bool) {
        var starts = [Int](repeating: 0, count: listCount + 1)
        for p in pending { starts[Int(p.list) + 1] += 1 }
        for l in 0..<listCount { starts[l + 1] += starts[l] }
        var fill = starts
        var items = [Int](repeating: 0, count: pending.count)
        for p in pending {
            items[fill[Int(p.list)]] = p.value
            fill[Int(p.list)] += 1
        }
        for l in 0..<listCount { items[starts[l]..<starts[l + 1]].sort(by: areInIncreasingOrder) }
        self.starts = starts
        self.items = items
        pending = []
    }

    subscript(key: Int) -> ArraySlice<Int>? {
        let i = slot(key)
        guard lists[i] != 0 else { return nil }
        let l = Int(lists[i]) - 1
        return items[starts[l]..<starts[l + 1]]
    }
}

extension ArticleConsistency {
    /// False when the UTF-8 `word` cannot fold (dots trimmed) to one of `corporateSuffixes`: an
    /// ASCII word folds to itself in lowercase, so its length and first letter tell most words
    /// apart without making a string. Other words are left to the fold.
    static func mayBeCorporateSuffix(_ word: Substring.UTF8View) -> Bool {
        var length = 0, first: UInt8 = 0
        for b in word {
            if b >= 0x80 { return true }
            if length == 0 { first = b | 0x20 }
            length += 1
        }
        var end = word.endIndex
        while end > word.startIndex, word[word.index(before: end)] == 0x2E {
            end = word.index(before: end)
            length -= 1
        }
        guard length >= 2, length <= longestCorporateSuffix else { return false }
        return corporateSuffixFirstLetters.contains(first)
    }

    static let longestCorporateSuffix = corporateSuffixes.map(\.utf8.count).max() ?? 0
    static let corporateSuffixFirstLetters = Set(corporateSuffixes.compactMap(\.utf8.first))
    /// `SAINT-ÉTIENNE` → `Saint-Étienne`: each word's first letter kept, the rest lowercased.
    static func titleCased(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var atStart = true
        for c in s.unicodeScalars {
            if c.isLetter {
                if atStart { out.append(c) } else { out.append(contentsOf: String(c).lowercased().unicodeScalars) }
                atStart = false
            } else {
                out.append(c)
                atStart = c == " " || c == "-" || c == "'" || c == "’"
            }
        }
        return String(out)
    }
}

private extension String {
    var trimmingDots: String { var s = Substring(self); while s.hasSuffix(".") { s = s.dropLast() }; return String(s) }
}
