/// Tells French from English by counting frequent function words.
public enum LanguageGuesser {
    static let french: Set<String> = [
        "le", "la", "les", "des", "du", "et", "est", "une", "un", "que", "qui", "pour", "dans", "sur",
        "pas", "par", "au", "aux", "ce", "cette", "il", "elle", "ont", "sont", "avec", "mais", "selon", "été",
    ]
    static let english: Set<String> = [
        "the", "and", "of", "to", "is", "that", "was", "for", "on", "with", "are", "he", "she", "it",
        "said", "by", "from", "at", "have", "has", "his", "her", "they", "this", "be", "were", "an",
    ]
    /// The longest word of either list, in scalars: longer words need no look-up.
    static let longest = (french.union(english)).map { $0.unicodeScalars.count }.max() ?? 0
    /// The ASCII words of both lists packed into integers, so that most words are counted
    /// without making a String, in one table (bit 1: French, bit 2: English): one probe a word.
    static let listKeys = PackedWordMap(french.compactMap(pack).map { ($0, UInt8(1)) } + english.compactMap(pack).map { ($0, UInt8(2)) })

    /// Lengths (in scalars) of the list words that are not ASCII (`été`). A word with a
    /// non-ASCII letter lowercases to an ASCII word only through U+212A KELVIN SIGN (→ `k`),
    /// and changes length only through U+0130 (→ `i̇`): other words of other lengths are
    /// no list word, and need no string.
    static let nonASCIILengths = Set(french.union(english).filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.map { $0.unicodeScalars.count })
    /// `nonASCIILengths` as bits (bit n: length n; the lengths are below `longest` + 1 ≤ 63):
    /// asked of every word with an accent, a bit test instead of a hashed look-up.
    static let nonASCIILengthBits: UInt64 = nonASCIILengths.reduce(0) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }

    static func pack(_ word: String) -> UInt64? {
        guard word.unicodeScalars.count <= 8, word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        return word.unicodeScalars.reduce(0) { $0 << 8 | UInt64($1.value) }
    }

    /// `fr` or `en` (French when nothing decides: French news first).
    /// Words are the runs of alphabetic scalars in the first `sample` scalars, lowercased.
    public static func guess(_ text: ScalarText, sample: Int = 20_000) -> String {
        let c = counts(text, sample: sample)
        return c.en > c.fr ? "en" : "fr"
    }

    /// How many French and English function words the first `sample` scalars hold.
    static func counts(_ text: ScalarText, sample: Int) -> (fr: Int, en: Int) {
        let n = min(text.count, sample)
        // A text held as an array is read straight from it; a compacted one scalar by scalar.
        if !text.isCompact {
            return text.scalars.withUnsafeBufferPointer { all in
                ScalarClasses.table.withUnsafeBufferPointer { classes in
                    counts(text, UnsafeBufferPointer(rebasing: all[0..<n]), classes: classes)
                }
            }
        }
        return counts(text, (0..<n).lazy.map { text[$0] })
    }

    /// Whether U+2000…U+206F (general punctuation) holds any alphabetic scalar: it holds none,
    /// so `counts` answers those scalars without a look-up of their properties.
    static let punctuationHasLetters = (0x2000..<0x2070).contains { Unicode.Scalar(UInt32($0))?.properties.isAlphabetic == true }

    /// `counts` over an array's scalars: a tight loop that skips to the next letter, then reads
    /// the word, the Latin letters read from `ScalarClasses.table` (passed in, so that no lazy
    /// global is touched per scalar).
    private static func counts(_ text: ScalarText, _ sc: UnsafeBufferPointer<Unicode.Scalar>,
                               classes: UnsafeBufferPointer<UInt8>) -> (fr: Int, en: Int) {
        var fr = 0, en = 0
        let n = sc.count
        // The lazy globals read once, not at every word.
        let listKeys = Self.listKeys, longest = Self.longest
        let nonASCIILengthBits = Self.nonASCIILengthBits
        let skipPunctuation = !Self.punctuationHasLetters
        @inline(__always) func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
            if v < 0x250 { return classes[Int(v)] & ScalarClasses.alphabetic != 0 }
            if skipPunctuation, v >= 0x2000, v < 0x2070 { return false }
            return s.properties.isAlphabetic
        }
        var i = 0
        while i < n {
            var c = sc[i]
            guard isAlphabetic(c) else { i += 1; continue }
            // The word `start..<i`: its ASCII letters lowercased and packed (the first 8), whether
            // it holds another scalar, and U+212A or U+0130 (see `nonASCIILengths`).
            let start = i
            var key: UInt64 = 0
            var ascii = true, special = false
            while true {
                let v = c.value
                if v < 0x80 {
                    if i - start < 8 { key = key << 8 | UInt64(v | 0x20) }
                } else {
                    ascii = false
                    if v == 0x212A || v == 0x130 { special = true }
                }
                i += 1
                guard i < n else { break }
                c = sc[i]
                guard isAlphabetic(c) else { break }
            }
            let length = i - start
            if length <= longest {
                if ascii {
                    let lists = listKeys.value(key)
                    fr += Int(lists & 1)
                    en += Int(lists >> 1)
                } else if special || nonASCIILengthBits & (1 << UInt64(length)) != 0 {
                    let w = text[Span(start, i)].lowercased()
                    if french.contains(w) { fr += 1 }
                    if english.contains(w) { en += 1 }
                }
            }
        }
        return (fr, en)
    }

    private static func counts<C: RandomAccessCollection>(_ text: ScalarText, _ scalars: C) -> (fr: Int, en: Int)
    where C.Element == Unicode.Scalar, C.Index == Int {
        var fr = 0, en = 0
        var start = 0, length = 0
        var key: UInt64 = 0
        var ascii = true
        func flush(_ end: Int) {
            defer { length = 0; key = 0; ascii = true }
            guard length > 0, length <= longest else { return }
            if ascii {
                let lists = listKeys.value(key)
                fr += Int(lists & 1)
                en += Int(lists >> 1)
            } else {
                let w = text[Span(start, end)].lowercased()
                if french.contains(w) { fr += 1 }
                if english.contains(w) { en += 1 }
            }
        }
        for i in scalars.indices {
            let s = scalars[i]
            let v = s.value
            let alphabetic: Bool
            if v < 0x80 {
                let lower = v | 0x20
                alphabetic = lower >= 0x61 && lower <= 0x7A
                if alphabetic && length < 8 { key = key << 8 | UInt64(lower) }
            } else {
                alphabetic = s.isLetter
                if alphabetic { ascii = false }
            }
            if alphabetic {
                if length == 0 { start = i }
                length += 1
            } else if length > 0 {
                flush(i)
            }
        }
        flush(scalars.endIndex)
        return (fr, en)
    }
}

/// Small values keyed by words packed into integers (see `LanguageGuesser.pack`),
/// answered by one multiplicative hash and a short probe instead of the general-purpose
/// hashing of `Dictionary` (the values of a key given twice are or-ed).
struct PackedWordMap: Sendable {
    private let slots: [UInt64]
    private let values: [UInt8]
    private let mask: Int

    init(_ entries: [(UInt64, UInt8)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        var values = [UInt8](repeating: 0, count: size)
        for (k, v) in entries where k != 0 {
            var i = PackedWordMap.slot(k, size - 1)
            while slots[i] != 0 && slots[i] != k { i = (i + 1) & (size - 1) }
            slots[i] = k
            values[i] |= v
        }
        self.slots = slots
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// A set of words: each key with the value 1.
    init(keys: [UInt64]) {
        self.init(keys.map { ($0, 1) })
    }

    /// Whether `k` has a value (is in the set).
    @inline(__always)
    func contains(_ k: UInt64) -> Bool { value(k) != 0 }

    /// The value of `k`, 0 when absent.
    @inline(__always)
    func value(_ k: UInt64) -> UInt8 {
        guard k != 0 else { return 0 }
        var i = PackedWordMap.slot(k, mask)
        while true {
            let s = slots[i]
            if s == k { return values[i] }
            if s == 0 { return 0 }
            i = (i + 1) & mask
        }
    }
}
