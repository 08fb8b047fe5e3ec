/// The tokens of one paragraph with what the recognizer asks of each: folded
/// key, lexicon classes, capitalisation, sentence position. `init` makes only what
/// every token needs (capitalisation of its first letter, sentence position); a token's
/// fold, lexicon entry and shape (digits, all capitals) are made the first time they are
/// asked for (most tokens never are), then kept, so that most questions cost a bit test.
final class TokenView {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Whether capitalisation in this paragraph says nothing (an English
    /// title-case headline: `Drama Scores Historic Upset`).
    let weakCapitals: Bool
    let lexicon: EntityLexicon
    // The per-token tables below are raw memory owned here (freed in `deinit`): a paragraph
    // costs no array allocation per table (each with a look-up of its generic metadata),
    // and reads pay no bounds, uniqueness or exclusivity check.
    /// The folded keys: token `i`'s is written, when first asked for, at `foldSlot(i)`, room
    /// enough for any fold through `NameFolding.fastFolds` (`longestLatinFold` bytes a
    /// scalar, slots in the order of the tokens' scalars: they never overlap).
    private let folded: UnsafeMutablePointer<UInt8>
    /// Length in bytes of each token's fold, -1 until it is made.
    private let foldLengths: UnsafeMutablePointer<Int32>
    /// The folds that do not fit their slot (scripts folded through Foundation), by token.
    private var outsized: [Int: UnsafeMutableBufferPointer<UInt8>] = [:]
    /// Folds of the scalars beyond the Latin table met so far (see `NameFolding.append`).
    private var otherFolds: [UInt32: [UInt8]] = [:]
    /// What the lexicon knows of each token's folded key, looked up when first asked
    /// (`Flag.resolved`): most tokens are never asked about.
    private let infos: UnsafeMutablePointer<WordInfo>
    /// Folded keys as strings, made when first asked for (nil until then); the array itself
    /// is made at the first question (most paragraphs ask none, and freeing it walks every slot).
    private var folds: [String?] = []
    /// Per-token flags: see `Flag`.
    private let flags: UnsafeMutablePointer<UInt8>
    /// The words that do not begin with a lowercase letter (`isCapitalised(i) || !isLowercaseWord(i)`),
    /// in order: the only ones a scan for capitalised names needs to look at.
    let upperStarts: UnsafeBufferPointer<Int32>
    /// The memory of `infos`, `foldLengths`, `upperStarts`, `flags` and `folded`.
    private let block: UnsafeMutableRawPointer
    /// The paragraph's first scalar and `NameFolding.longestLatinFold`: where fold slots lie.
    private let base: Int, longest: Int

    private enum Flag {
        static let capitalised: UInt8 = 1, allCaps: UInt8 = 2, lowerFirst: UInt8 = 4, digit: UInt8 = 8
        /// The token begins a sentence (`isSentenceInitial`).
        static let sentenceInitial: UInt8 = 16
        /// `infos` holds the token's lexicon information.
        static let resolved: UInt8 = 32
        /// `allCaps` and `digit` are known (`shape(_:)`).
        static let shaped: UInt8 = 64
        /// The fold is in `outsized`.
        static let outsized: UInt8 = 128
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : s.isUppercaseLetter
    }

    @inline(__always)
    static func isLower(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : s.isLowercaseLetter
    }

    /// The thread's cache of word look-ups (`EntityRecognizer` passes it; nil: the lexicon directly).
    private let cache: WordInfoCache?

    init(text: ScalarText, span: Span, lexicon: EntityLexicon = .shared, cache: WordInfoCache? = nil) {
        self.lexicon = lexicon
        self.cache = cache.flatMap { $0.lexicon === lexicon ? $0 : nil }
        let scalars = text.scalars
        self.scalars = scalars
        let tokens = Tokenizer.tokenize(text, in: span)
        self.tokens = tokens
        let slots = max(tokens.count, 1)
        longest = NameFolding.longestLatinFold
        base = span.start
        // The four tables in one block (one allocation a paragraph, not four): `infos`
        // first (the widest alignment), then `foldLengths`, `flags` and the fold slots.
        let infoBytes = slots * MemoryLayout<WordInfo>.stride
        let lengthBytes = slots * MemoryLayout<Int32>.stride
        let block = UnsafeMutableRawPointer.allocate(byteCount: infoBytes + 2 * lengthBytes + slots + max(span.length * longest, 1),
                                                     alignment: max(MemoryLayout<WordInfo>.alignment, MemoryLayout<Int32>.alignment))
        self.block = block
        infos = block.bindMemory(to: WordInfo.self, capacity: slots)
        let foldLengths = (block + infoBytes).bindMemory(to: Int32.self, capacity: slots)
        foldLengths.initialize(repeating: -1, count: slots)
        let upperStarts = (block + infoBytes + lengthBytes).bindMemory(to: Int32.self, capacity: slots)
        var upperCount = 0
        let flags = (block + infoBytes + 2 * lengthBytes).bindMemory(to: UInt8.self, capacity: slots)
        flags.initialize(repeating: 0, count: slots)
        folded = (block + infoBytes + 2 * lengthBytes + slots).bindMemory(to: UInt8.self, capacity: max(span.length * longest, 1))
        var capitalised = 0, lower = 0
        var atStart = true
        // Read through pointers: no bounds check, retain or lazy-global check per scalar.
        scalars.withUnsafeBufferPointer { scalars in
            tokens.withUnsafeBufferPointer { tokens in
                for i in 0..<tokens.count {
                    let t = tokens[i]
                    let first = scalars[t.span.start]
                    if t.kind == .punctuation {
                        switch first {
                        case ".", "!", "?", ":", ";", "…", "«", "\"", "“", "(", "[", "—", "–":
                            atStart = true
                        case "-", "•", "*", "|", "»", "”", "'", "‘", "’", ")", "]":
                            break
                        default:
                            atStart = false
                        }
                        continue
                    }
                    var f: UInt8 = atStart ? Flag.sentenceInitial : 0
                    atStart = false
                    if t.kind == .word {
                        let r = t.span.range
                        if Self.isUpper(first) {
                            f |= Flag.capitalised
                        } else if Self.isLower(first) {
                            f |= Flag.lowerFirst
                            // Arabic article prefixes before a capital: `al-Qaeda`, `el-Sissi`.
                            if r.count > 3, first == "a" || first == "e", scalars[r.lowerBound + 1] == "l",
                               Tokenizer.isHyphen(scalars[r.lowerBound + 2]), Self.isUpper(scalars[r.lowerBound + 3]) {
                                f |= Flag.capitalised
                            }
                        }
                        if r.count >= 4 {
                            if f & Flag.capitalised != 0 { capitalised += 1 } else if f & Flag.lowerFirst != 0 { lower += 1 }
                        }
                        if f & Flag.capitalised != 0 || f & Flag.lowerFirst == 0 {
                            upperStarts[upperCount] = Int32(i)
                            upperCount += 1
                        }
                    }
                    flags[i] = f
                }
            }
        }
        // A heading where nearly every long word is capitalised.
        weakCapitals = capitalised >= 3 && lower * 4 <= capitalised
        self.foldLengths = foldLengths
        self.flags = flags
        self.upperStarts = UnsafeBufferPointer(start: upperStarts, count: upperCount)
    }

    deinit {
        // Plain values (no reference inside): nothing to deinitialise.
        block.deallocate()
        for (_, b) in outsized { b.deallocate() }
    }

    /// Works out whether word `i` has a digit and is all capitals (two letters or more).
    private func shape(_ i: Int) {
        var f = Flag.shaped
        if tokens[i].kind == .word {
            var letters = 0, upper = true
            for k in tokens[i].span.range {
                let c = scalars[k]
                if c.isDigit { f |= Flag.digit; continue }
                if c.value < 0x80 {
                    if c.value >= 0x61 && c.value <= 0x7A { upper = false; letters += 1 } else if c.value >= 0x41 && c.value <= 0x5A { letters += 1 }
                } else if c.value <= 0xFF {
                    // Latin-1 letters: capitals U+00C0…U+00DE, small U+00DF…U+00FF, but × and ÷
                    // (the same answers as the Unicode properties below, without their look-up).
                    if c.value >= 0xC0, c.value != 0xD7, c.value != 0xF7 {
                        letters += 1
                        if c.value >= 0xDF { upper = false }
                    } else if c.value == 0xAA || c.value == 0xB5 || c.value == 0xBA {
                        letters += 1
                        upper = false
                    }
                } else if c.isLetter {
                    letters += 1
                    if !c.isUppercaseLetter { upper = false }
                }
            }
            if upper && letters >= 2 { f |= Flag.allCaps }
        }
        flags[i] |= f
    }

    @inline(__always)
    private func shaped(_ i: Int, _ flag: UInt8) -> Bool {
        if flags[i] & Flag.shaped == 0 { shape(i) }
        return flags[i] & flag != 0
    }

    /// Folds token `i` into its slot (or, when it does not fit, into `outsized`).
    private func makeFold(_ i: Int) {
        let r = tokens[i].span.range
        let slot = folded + (r.lowerBound - base) * longest
        let length = scalars.withUnsafeBufferPointer { scalars in
            NameFolding.fastFolds.withUnsafeBufferPointer { fast in
                NameFolding.foldFast(scalars, r, into: slot, fast: fast)
            }
        }
        if let length {
            foldLengths[i] = Int32(length)
            return
        }
        // ASCII, Latin letters and common punctuation go through a table (`NameFolding.foldFast`),
        // a token with any other scalar is folded scalar by scalar.
        var other: [UInt8] = []
        NameFolding.latinFolds.withUnsafeBufferPointer { latin in
            for k in r { NameFolding.append(scalars[k], to: &other, latin: latin, cache: &otherFolds) }
        }
        if other.count <= r.count * longest {
            for (n, b) in other.enumerated() { slot[n] = b }
        } else {
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: other.count)
            _ = b.initialize(from: other)
            outsized[i] = b
            flags[i] |= Flag.outsized
        }
        foldLengths[i] = Int32(other.count)
    }

    var count: Int { tokens.count }

    func span(_ i: Int) -> Span { tokens[i].span }
    func kind(_ i: Int) -> Token.Kind { tokens[i].kind }
    func first(_ i: Int) -> Unicode.Scalar { scalars[tokens[i].span.start] }

    /// The folded key of token `i` (empty outside the paragraph).
    func fold(_ i: Int) -> String {
        guard i >= 0, i < tokens.count else { return "" }
        if folds.isEmpty { folds = [String?](repeating: nil, count: tokens.count) }
        if let f = folds[i] { return f }
        let f = String(decoding: foldBytes(i), as: UTF8.self)
        folds[i] = f
        return f
    }

    /// Token `i`'s folded key when it is all ASCII (nil otherwise, and outside the paragraph): its
    /// characters are then its bytes, and questions about its length or ending need no string.
    func asciiFold(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        guard i >= 0, i < tokens.count else { return nil }
        let b = foldBytes(i)
        for c in b where c >= 0x80 { return nil }
        return b
    }

    /// `fold(i).count`, without the string when the fold is ASCII.
    func foldCount(_ i: Int) -> Int {
        if let b = asciiFold(i) { return b.count }
        return fold(i).count
    }

    /// Whether ASCII `bytes` end with the ASCII `suffix` (what `hasSuffix` says of their string).
    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let s = suffix.utf8Start, base = bytes.count - n
        for k in 0..<n where bytes[base + k] != s[k] { return false }
        return true
    }

    /// Whether ASCII `bytes` end with the bytes of `suffix`.
    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        let n = suffix.count
        guard bytes.count >= n else { return false }
        let base = bytes.count - n
        for k in 0..<n where bytes[base + k] != suffix[k] { return false }
        return true
    }

    /// Length in UTF-8 bytes of token `i`'s folded key (0 outside the paragraph).
    func foldLength(_ i: Int) -> Int {
        guard i >= 0, i < tokens.count else { return 0 }
        return foldBytes(i).count
    }

    /// Whether token `i`'s folded key is exactly the ASCII `word` (false outside the paragraph).
    func foldIs(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let b = foldBytes(i)
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<b.count where b[k] != w[k] { return false }
        return true
    }

    /// What the lexicon knows of token `i`'s folded key (nothing outside the paragraph).
    @inline(__always)
    func info(_ i: Int) -> WordInfo {
        guard i >= 0, i < tokens.count else { return WordInfo() }
        if flags[i] & Flag.resolved == 0 { resolve(i) }
        return infos[i]
    }

    /// Whether token `i`'s folded key is in one of the lists of `c`.
    @inline(__always)
    func has(_ i: Int, _ c: WordClass) -> Bool {
        !info(i).classes.isDisjoint(with: c)
    }

    private func resolve(_ i: Int) {
        (infos + i).initialize(to: cache?.wordInfo(foldBytes(i)) ?? lexicon.wordInfo(foldBytes(i)))
        flags[i] |= Flag.resolved
    }

    /// Token `i`'s folded key (`i` within the paragraph).
    @inline(__always)
    private func foldBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        if foldLengths[i] < 0 { makeFold(i) }
        if flags[i] & Flag.outsized != 0 { return UnsafeBufferPointer(outsized[i]!) }
        return UnsafeBufferPointer(start: folded + (tokens[i].span.start - base) * longest, count: Int(foldLengths[i]))
    }

    /// Whether token `i` begins a sentence (after `.`, `:`, an opening quote…).
    func isSentenceInitial(_ i: Int) -> Bool { flags[i] & Flag.sentenceInitial != 0 }

    /// The entry of `table` whose key is the folded tokens `range` joined with one space
    /// (what `key(range)` makes), found without making the string.
    func entry<V>(_ range: Range<Int>, in table: WordTable<V>) -> Int? {
        withKey(range) { table.find($0) }
    }

    /// What the known name of tokens `range` is (see `EntityLexicon.known(_:allCaps:)`).
    func known(_ range: Range<Int>, allCaps: Bool) -> EntityLexicon.Known? {
        guard let e = nameEntry(range) else { return nil }
        return lexicon.known(entry: e, allCaps: allCaps)
    }

    // The phrase tables are looked up only when the first token begins a phrase that long
    // (`WordInfo`'s lengths): a key of n tokens that is in a table was made from n tokens.

    /// The entry of `lexicon.names` whose key is `key(range)`.
    func nameEntry(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        let first = info(range.lowerBound)
        // No name of this many tokens begins with this word (folds hold no space: a key of n
        // tokens is only ever a name of n tokens).
        guard Int(first.nameLength) >= range.count, first.nameLengthBits & WordInfo.nameLengthBit(range.count) != 0 else { return nil }
        return withKey(range) { lexicon.names.find($0) }
    }

    /// Whether `key(range)` is a title (`lexicon.titles`).
    func isTitle(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, Int(info(range.lowerBound).titleLength) >= range.count else { return false }
        return withKey(range) { lexicon.titles.contains(utf8: $0) }
    }

    /// Whether `key(range)` is a speech cue (`lexicon.speechCues`).
    func isSpeechCue(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, Int(info(range.lowerBound).cueLength) >= range.count else { return false }
        return withKey(range) { lexicon.speechCues.contains(utf8: $0) }
    }

    /// Whether `set` holds the folded tokens `range` joined with one space.
    func contains(_ set: WordSet, _ range: Range<Int>) -> Bool {
        withKey(range) { set.contains(utf8: $0) }
    }

    /// Calls `body` with the UTF-8 of `key(range)`.
    private func withKey<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = max(range.lowerBound, 0), hi = max(lo, min(range.upperBound, tokens.count))
        // One token: its bytes are the key as they stand.
        if range.count == 1, lo < hi {
            return body(foldBytes(lo))
        }
        // Tokens outside the paragraph have empty folds, but their separators count.
        var length = max(range.count - 1, 0)
        for i in lo..<hi { length += foldBytes(i).count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { out in
            var n = 0
            for i in range {
                if i > range.lowerBound { out[n] = 0x20; n += 1 }
                guard i >= lo, i < hi else { continue }
                for b in foldBytes(i) { out[n] = b; n += 1 }
            }
            return body(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

    /// Whether token `i` is one of `words` (exact scalars), without folding it.
    func isOneOf(_ i: Int, _ words: [[Unicode.Scalar]]) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        for w in words where equals(i, w) { return true }
        return false
    }

    /// Whether `text(i) == word` (an ASCII word), mostly without making the string: a token
    /// of ASCII scalars is compared in place; any other falls back to the strings' comparison
    /// (canonical equivalence, as before).
    func textIs(_ i: Int, _ word: StaticString) -> Bool {
        let r = tokens[i].span.range
        // A text equal to an ASCII word has as many scalars (canonical equivalents of ASCII
        // are single scalars): most tokens stop here.
        guard r.count == word.utf8CodeUnitCount else { return false }
        var ascii = true
        for k in r where scalars[k].value >= 0x80 { ascii = false; break }
        guard ascii else { return text(i) == word.description }
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        var j = 0
        for k in r { if scalars[k].value != UInt32(w[j]) { return false }; j += 1 }
        return true
    }

    /// The exact text of token `i`.
    func text(_ i: Int) -> String {
        ScalarText.string(scalars, tokens[i].span.range)
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }

    /// A word that begins with a capital letter (`Kiev`, `OTAN`, `G7`).
    func isCapitalised(_ i: Int) -> Bool { i >= 0 && i < tokens.count && flags[i] & Flag.capitalised != 0 }

    /// A word whose first letter is lowercase.
    func isLowercaseWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && flags[i] & Flag.lowerFirst != 0 }

    func hasDigit(_ i: Int) -> Bool { i >= 0 && i < tokens.count && shaped(i, Flag.digit) }

    /// A single capital letter with its dot, before a capitalised word (`D. Trump`, `Joseph R. Biden`).
    func isInitial(_ i: Int) -> Bool {
        isWord(i) && tokens[i].span.length == 1 && first(i).isUppercaseLetter && isPunct(i + 1, ".")
            && adjacent(i, i + 1) && isCapitalised(i + 2) && tokens[i + 2].span.length > 1
    }

    /// Whether token `i` has exactly the scalars of `word`.
    func equals(_ i: Int, _ word: [Unicode.Scalar]) -> Bool {
        let r = tokens[i].span.range
        guard r.count == word.count else { return false }
        var j = 0
        for k in r { if scalars[k] != word[j] { return false }; j += 1 }
        return true
    }

    /// Whether token `i` has exactly the scalars of `word` (a slice of a longer array).
    func equals(_ i: Int, _ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let r = tokens[i].span.range
        guard r.count == word.count else { return false }
        var j = word.startIndex
        for k in r { if scalars[k] != word[j] { return false }; j += 1 }
        return true
    }

    /// Whether token `i` has exactly the scalars of `word` (read in place).
    func equals(_ i: Int, _ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let r = tokens[i].span.range
        guard r.count == word.count else { return false }
        var j = 0
        for k in r { if scalars[k] != word[j] { return false }; j += 1 }
        return true
    }

    /// A hash of token `i`'s scalars (no allocation).
    func scalarHash(_ i: Int) -> Int {
        // As `hash(_:)`, read in place (a slice of `scalars` would retain the array).
        var h: UInt64 = 0xcbf29ce484222325
        for k in tokens[i].span.range { h = (h ^ UInt64(scalars[k].value)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h)
    }

    static func hash<C: Collection>(_ c: C) -> Int where C.Element == Unicode.Scalar {
        var h: UInt64 = 0xcbf29ce484222325
        for s in c { h = (h ^ UInt64(s.value)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h)
    }

    /// Two or more letters, all capitals (`OTAN`, `LGBTQI`, `LOS`).
    func isAllCaps(_ i: Int) -> Bool { i >= 0 && i < tokens.count && shaped(i, Flag.allCaps) }

    /// Whether token `i` is the one-scalar punctuation `c`.
    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && scalars[tokens[i].span.start] == c
    }

    /// Whether tokens `a` and `b` touch (no space between).
    func adjacent(_ a: Int, _ b: Int) -> Bool { tokens[a].span.end == tokens[b].span.start }

    /// End (exclusive token index) of a dotted abbreviation at `i` (`U.S.`, `U.K.`), or nil.
    func dottedAbbreviation(at i: Int) -> Int? {
        var k = i, letters = 0
        while k + 1 < count, isWord(k), span(k).length == 1, first(k).isUppercaseLetter,
              isPunct(k + 1, "."), adjacent(k, k + 1) {
            letters += 1
            k += 2
            if k < count, !(isWord(k) && adjacent(k - 1, k)) { break }
        }
        return letters >= 2 ? k : nil
    }

    /// Folded tokens `range` joined with one space (the lexicons' phrase key).
    func key(_ range: Range<Int>) -> String {
        var s = ""
        for i in range {
            if i > range.lowerBound { s += " " }
            s += fold(i)
        }
        return s
    }
}
