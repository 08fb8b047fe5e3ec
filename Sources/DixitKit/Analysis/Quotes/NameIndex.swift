/// The distinct wordings of an article's name occurrences, as integers: each folded word gets an
/// id, each distinct sequence of words (a wording) too. Hashing words once here lets `NameIndex`
/// work on integers instead of hashing arrays of strings again and again.
struct NameWordings: Sendable {
    /// Id of each folded word met in a name.
    let wordIDs: WordIDs
    /// Wording id of each occurrence (index in the resolver's `names`).
    let wordingOf: [Int]
    /// Per word id: how many occurrences end with that word.
    let lastWordCounts: [Int]
    /// The word ids of each wording.
    let words: [[Int]]

    var count: Int { words.count }

    init(_ names: [NameOccurrence], doc: QuoteDocument) {
        var wordIDs = WordIDs()
        var wordings = InternedIDs<[Int]>()
        var wordingOf: [Int] = []
        wordingOf.reserveCapacity(names.count)
        var ids: [Int] = []
        for n in names {
            ids.removeAll(keepingCapacity: true)
            var h = InternedIDs<[Int]>.fnvStart
            for k in n.tokens {
                let id = wordIDs.id(token: k, in: doc)
                ids.append(id)
                h = InternedIDs<[Int]>.fnv(h, UInt64(id))
            }
            wordingOf.append(wordings.id(ids, hash: InternedIDs<[Int]>.mix(h)))
        }
        let words = wordings.keys
        self.wordIDs = wordIDs
        var lastWordCounts = [Int](repeating: 0, count: wordIDs.count)
        for w in wordingOf { lastWordCounts[words[w][words[w].count - 1]] += 1 }
        self.lastWordCounts = lastWordCounts
        self.wordingOf = wordingOf
        self.words = words
    }
}

/// Names grouped by wording: each distinct name once, by its last word and (for people named in
/// two words or more) by each of its words. The representative of a wording is its first occurrence
/// marked as a person, else its first occurrence; lists are in text order.
///
/// The answers `fullest` gives for a single word are computed here once, and a question of several
/// words only compares the names holding the rarest of them: an article naming thousands of people
/// who share a surname stays linear. The lists are kept flat (one array of items, one of starts):
/// an article costs a few allocations, not one per word.
struct NameIndex: Sendable {
    let wordings: NameWordings
    /// Per word id `w`: the representatives whose last word it is, `lastItems[lastStarts[w]..<lastStarts[w + 1]]`.
    private var lastStarts: [Int32]
    private var lastItems: [Int]
    /// Per word id: the longest representative ending with it (a person's name first at equal
    /// length, then the earliest), or -1.
    private var longestByLast: [Int]
    /// Per word id: the person named in several words that holds it when exactly one does, else -1.
    private var onlyHolder: [Int]
    /// Per word id: the earliest of the shortest person names (of several words) holding it, or -1,
    /// and whether another name of that length holds it too.
    private var shortestHolder: [Int]
    private var holderAmbiguous: [Bool]
    /// Representatives of several words by (word, last word) (`pairKey`): those ending with `last` that
    /// hold `word`, sorted by key and in text order within a key.
    private var pairKeys: [Int]
    private var pairItems: [Int]

    @inline(__always)
    private static func pairKey(_ word: Int, _ last: Int) -> Int { word << 32 | last }

    init(_ names: [NameOccurrence], wordings: NameWordings) {
        self.wordings = wordings
        let wordCount = wordings.wordIDs.count
        var first = [Int](repeating: -1, count: wordings.count)
        var firstPerson = [Int](repeating: -1, count: wordings.count)
        for (i, n) in names.enumerated() {
            let w = wordings.wordingOf[i]
            if first[w] < 0 { first[w] = i }
            if n.isPerson, firstPerson[w] < 0 { firstPerson[w] = i }
        }
        // The representatives in text order: occurrence `i` is one when it is its wording's.
        var reps: [Int] = []   // occurrence indexes
        reps.reserveCapacity(wordings.count)
        for i in names.indices {
            let w = wordings.wordingOf[i]
            if i == (firstPerson[w] >= 0 ? firstPerson[w] : first[w]) { reps.append(i) }
        }
        var lastStarts = [Int32](repeating: 0, count: wordCount + 1)
        var longestByLast = [Int](repeating: -1, count: wordCount)
        var onlyHolder = [Int](repeating: -1, count: wordCount)
        var shortestHolder = [Int](repeating: -1, count: wordCount)
        var holderAmbiguous = [Bool](repeating: false, count: wordCount)
        var holderCount = [Int32](repeating: 0, count: wordCount)
        var pairs: [(key: Int, index: Int)] = []
        for index in reps {
            let ids = wordings.words[wordings.wordingOf[index]]
            let last = ids[ids.count - 1]
            lastStarts[last + 1] += 1
            let b = longestByLast[last]
            if b < 0 {
                longestByLast[last] = index
            } else {
                let n = names[index], m = names[b]
                if n.wordCount > m.wordCount || (n.wordCount == m.wordCount && n.isPerson && !m.isPerson) {
                    longestByLast[last] = index
                }
            }
            guard ids.count >= 2 else { continue }
            // A representative that is a person is its wording's first person (see `reps`).
            let isPerson = firstPerson[wordings.wordingOf[index]] == index
            // Each distinct word once (names are a few words: no set needed).
            for (j, w) in ids.enumerated() where !ids[..<j].contains(w) {
                if j < ids.count - 1 { pairs.append((NameIndex.pairKey(w, last), index)) }
                guard isPerson else { continue }
                // Holders come in text order: the earliest of the shortest is kept.
                holderCount[w] += 1
                let found = shortestHolder[w]
                if found < 0 || names[index].wordCount < names[found].wordCount {
                    shortestHolder[w] = index
                    holderAmbiguous[w] = false
                } else if names[index].wordCount == names[found].wordCount {
                    holderAmbiguous[w] = true
                }
            }
        }
        // Holders are distinct wordings: two holders are two different names.
        for w in 0..<wordCount where holderCount[w] == 1 { onlyHolder[w] = shortestHolder[w] }
        for w in 0..<wordCount { lastStarts[w + 1] += lastStarts[w] }
        var fill = lastStarts
        var lastItems = [Int](repeating: 0, count: reps.count)
        for index in reps {
            let ids = wordings.words[wordings.wordingOf[index]]
            let last = ids[ids.count - 1]
            lastItems[Int(fill[last])] = index
            fill[last] += 1
        }
        // Sorted by key, then by index: the text order within a key.
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        self.lastStarts = lastStarts
        self.lastItems = lastItems
        self.longestByLast = longestByLast
        self.onlyHolder = onlyHolder
        self.shortestHolder = shortestHolder
        self.holderAmbiguous = holderAmbiguous
        pairKeys = pairs.map(\.key)
        pairItems = pairs.map(\.index)
    }

    /// The representatives whose last word is `last`.
    @inline(__always)
    private func byLast(_ last: Int) -> ArraySlice<Int> {
        lastItems[Int(lastStarts[last])..<Int(lastStarts[last + 1])]
    }

    /// The representatives of several words ending with `last` that hold `word`.
    private func byWordAndLast(_ word: Int, _ last: Int) -> ArraySlice<Int> {
        let key = NameIndex.pairKey(word, last)
        var lo = 0, hi = pairKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < pairKeys.count, pairKeys[end] == key { end += 1 }
        return pairItems[lo..<end]
    }

    /// Index of the fullest name that ends with the same word and holds all of `folds`.
    func fullest(_ folds: [String], names: [NameOccurrence]) -> Int? {
        guard !folds.isEmpty, let last = wordings.wordIDs[folds[folds.count - 1]] else { return nil }
        if folds.count == 1 { return fullest(ofWord: last, names: names) }
        var ids: [Int] = []
        ids.reserveCapacity(folds.count)
        for f in folds {
            // A word no name holds: no name holds them all.
            guard let id = wordings.wordIDs[f] else { return nil }
            ids.append(id)
        }
        return fullest(ids: ids, names: names)
    }

    /// `fullest` for the words of wording `w`.
    func fullest(wording w: Int, names: [NameOccurrence]) -> Int? {
        let ids = wordings.words[w]
        return ids.count == 1 ? fullest(ofWord: ids[0], names: names) : fullest(ids: ids, names: names)
    }

    private func fullest(ofWord last: Int, names: [NameOccurrence]) -> Int? {
        guard lastStarts[last + 1] > lastStarts[last] else {
            // `Sir Alistair` → `Alistair Penrose`: a single word found inside one longer person name.
            return onlyHolder[last] >= 0 ? onlyHolder[last] : nil
        }
        let best = longestByLast[last]
        if names[best].wordCount == 1 {
            // `Sir Alistair` → `Alistair Penrose`: a single word found inside exactly one longer person name.
            // The shortest such name (a title-case headline may run several names together).
            let h = shortestHolder[last]
            return h < 0 || holderAmbiguous[last] ? best : h
        }
        return best
    }

    private func fullest(ids: [Int], names: [NameOccurrence]) -> Int? {
        let last = ids[ids.count - 1]
        // Only the names holding the rarest word can hold them all.
        var cands = byLast(last)
        for w in ids.dropLast() where w != last {
            let list = byWordAndLast(w, last)
            if list.count < cands.count { cands = list }
        }
        var best: Int?
        for c in cands {
            let held = wordings.words[wordings.wordingOf[c]]
            guard held.count >= ids.count, ids.allSatisfy(held.contains) else { continue }
            // Longest; at equal length a person's name (`Harold Brandt`) beats a headline run (`Unpredictable Brandt`).
            if best == nil || held.count > names[best!].wordCount
                || (held.count == names[best!].wordCount && names[c].isPerson && !names[best!].isPerson) { best = c }
        }
        return best
    }
}
