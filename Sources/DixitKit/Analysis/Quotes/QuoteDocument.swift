/// A word or mark of an analysed paragraph, prepared for attribution rules.
/// Fields are ordered, and indexes kept in 32 bits, so that a token takes 64 bytes: the rules walk
/// the token array again and again. It holds no reference (its folded text is a word id, see
/// `QuoteDocument.fold(_:)`), so copying tokens costs no reference counting.
struct QToken: Sendable {
    var span: Span
    /// The folded word's first 8 bytes (zero-padded) in the form `folds(_:)` compares (see `compareForm`).
    private var head: UInt64
    /// What the lexicon knows of the folded word (word classes, verb of speech, title, first name).
    var info: QuoteWordInfo
    var kind: Token.Kind
    /// Starts with an uppercase letter.
    var isCapitalised: Bool
    /// The folded text holds a hyphen (`a-t-il`, `dit-elle`).
    var hasHyphen: Bool
    /// The fold holds non-ASCII text that no ASCII text equals (`«`, `—`, `ü`): see `folds(_:)`.
    var foldIsNotASCII: Bool
    /// Byte length of the compared form, or `neverEqual` when no ASCII literal equals the fold.
    private var length: UInt8
    private var paragraph32: Int32
    private var region32: Int32
    private var sentence32: Int32
    /// The folded word's entry in the quote vocabulary, or -1 for a word it does not hold
    /// (`QuoteDocument.fold(_:)` then folds the token's text again).
    private(set) var word: Int32
    /// Bytes 8..<12 of the compared form (zero-padded).
    private var tail: UInt32

    private static let neverEqual: UInt8 = 0xFF
    /// Longest literal `folds(_:)` compares.
    static let maxLiteral = 12

    var paragraph: Int {
        get { Int(paragraph32) }
        set { paragraph32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Index of the innermost quote (in `QuoteDocument.marks`) holding this token, or -1.
    var region: Int {
        get { Int(region32) }
        set { region32 = Int32(truncatingIfNeeded: newValue) }
    }
    var sentence: Int {
        get { Int(sentence32) }
        set { sentence32 = Int32(truncatingIfNeeded: newValue) }
    }

    /// `fold`: the folded UTF-8 bytes; `word`: their entry in the vocabulary, or -1.
    init(span: Span, kind: Token.Kind, fold: UnsafeBufferPointer<UInt8>, word: Int, isCapitalised: Bool,
         paragraph: Int, region: Int, sentence: Int, hasHyphen: Bool, info: QuoteWordInfo, foldIsNotASCII: Bool) {
        self.span = span
        self.info = info
        self.kind = kind
        self.isCapitalised = isCapitalised
        self.hasHyphen = hasHyphen
        self.foldIsNotASCII = foldIsNotASCII
        self.word = Int32(truncatingIfNeeded: word)
        paragraph32 = Int32(truncatingIfNeeded: paragraph)
        region32 = Int32(truncatingIfNeeded: region)
        sentence32 = Int32(truncatingIfNeeded: sentence)
        (head, tail, length) = QToken.compareForm(fold, notASCII: foldIsNotASCII)
    }

    /// A token whose fold is ASCII, given the compared form `compareForm` makes of it.
    @inline(__always)
    init(span: Span, kind: Token.Kind, word: Int, isCapitalised: Bool, paragraph: Int, region: Int, sentence: Int,
         hasHyphen: Bool, info: QuoteWordInfo, asciiHead: UInt64, tail: UInt32, length: Int) {
        self.span = span
        self.info = info
        self.kind = kind
        self.isCapitalised = isCapitalised
        self.hasHyphen = hasHyphen
        self.foldIsNotASCII = false
        self.word = Int32(truncatingIfNeeded: word)
        paragraph32 = Int32(truncatingIfNeeded: paragraph)
        region32 = Int32(truncatingIfNeeded: region)
        sentence32 = Int32(truncatingIfNeeded: sentence)
        head = asciiHead
        self.tail = tail
        self.length = UInt8(min(length, 0xFE))
    }

    /// The bytes `folds(_:)` compares ASCII literals with: the fold itself when ASCII. String `==`
    /// holds three non-ASCII scalars equal to ASCII (U+037E `;`, U+1FEF `` ` ``, U+212A `K`): a fold
    /// with them compares as its ASCII equivalent; any other non-ASCII fold equals no ASCII literal
    /// (canonical composition never makes ASCII).
    @inline(__always)
    private static func compareForm(_ fold: UnsafeBufferPointer<UInt8>, notASCII: Bool) -> (UInt64, UInt32, UInt8) {
        if notASCII { return (0, 0, neverEqual) }
        // The common case, in one pass: ASCII bytes, short enough for a literal or too long for any.
        var head: UInt64 = 0, tail: UInt32 = 0, high: UInt8 = 0
        let n = fold.count
        for i in 0..<min(n, maxLiteral) {
            let b = fold[i]
            high |= b
            if i < 8 { head |= UInt64(b) << UInt64(i * 8) } else { tail |= UInt32(b) << UInt32((i - 8) * 8) }
        }
        if high < 0x80 {
            if n <= maxLiteral { return (head, tail, UInt8(n)) }
            if !fold.contains(where: { $0 >= 0x80 }) { return (0, 0, UInt8(min(n, 0xFE))) }
        }
        return slowCompareForm(fold)
    }

    /// `compareForm` of a fold with non-ASCII bytes.
    private static func slowCompareForm(_ fold: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt32, UInt8) {
        var bytes = fold
        var ascii: [UInt8] = []
        if fold.contains(where: { $0 >= 0x80 }) {
            for s in String(decoding: fold, as: UTF8.self).unicodeScalars {
                switch s.value {
                case 0..<0x80: ascii.append(UInt8(s.value))
                case 0x037E: ascii.append(0x3B)
                case 0x1FEF: ascii.append(0x60)
                case 0x212A: ascii.append(0x4B)
                default: return (0, 0, neverEqual)
                }
            }
        }
        return ascii.withUnsafeBufferPointer { a in
            if !ascii.isEmpty { bytes = a }
            guard bytes.count <= maxLiteral else { return (0, 0, UInt8(min(bytes.count, 0xFE))) }
            var head: UInt64 = 0, tail: UInt32 = 0
            for (i, b) in bytes.enumerated() {
                if i < 8 { head |= UInt64(b) << UInt64(i * 8) } else { tail |= UInt32(b) << UInt32((i - 8) * 8) }
            }
            return (head, tail, UInt8(bytes.count))
        }
    }

    /// The form of a verb of speech (`lexicon.speechVerbs[fold]`).
    var verb: SpeechVerbForm? { info.verb }
    /// The gender of a title (`lexicon.titles[fold]`).
    var title: SpeakerGender? { info.title }
    /// The gender of a first name (`lexicon.firstNames[fold]`).
    var firstName: SpeakerGender? { info.firstName }

    var isWord: Bool { kind == .word || kind == .elision || kind == .number }

    /// Whether the folded word is in word class `c` (`c.set.contains(fold)`): one bit test, without
    /// reaching the set itself.
    @inline(__always)
    func isIn(_ c: QuoteWordClass) -> Bool { info.classes & (1 << UInt64(c.rawValue)) != 0 }

    /// Whether the fold is `ascii` (an ASCII literal of at most `maxLiteral` bytes): what
    /// `fold == ascii` answers, from the bytes kept in the token (a length test first).
    @inline(__always)
    func folds(_ ascii: StaticString) -> Bool {
        let n = ascii.utf8CodeUnitCount
        guard Int(length) == n else { return false }
        assert(n <= QToken.maxLiteral && ascii.isASCII, "folds(_:) compares ASCII literals of at most 12 bytes")
        let p = ascii.utf8Start
        var h: UInt64 = 0
        for i in 0..<min(n, 8) { h |= UInt64(p[i]) << UInt64(i * 8) }
        guard h == head else { return false }
        if n <= 8 { return true }
        var t: UInt32 = 0
        for i in 8..<n { t |= UInt32(p[i]) << UInt32((i - 8) * 8) }
        return t == tail
    }

    /// Whether the fold is one of `words` (ASCII literals, see `folds(_:)`).
    @inline(__always)
    func foldsAny(_ words: [StaticString]) -> Bool {
        for w in words where folds(w) { return true }
        return false
    }

    /// Whether folded UTF-8 `bytes` can equal no ASCII string: they hold a non-ASCII byte and none of
    /// the scalars that Unicode holds canonically equal to ASCII (U+037E `;`, U+1FEF `` ` ``, U+212A `K`),
    /// which String's `==` would match.
    static func cannotEqualASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        let s = String(decoding: bytes, as: UTF8.self)
        return !s.unicodeScalars.contains { $0.value == 0x037E || $0.value == 0x1FEF || $0.value == 0x212A }
    }

    /// `cannotEqualASCII` of an array.
    static func cannotEqualASCII(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { cannotEqualASCII($0) } }
}

/// An article's analysed paragraphs as tokens, sentences and quote-mark regions:
/// what every rule of quote extraction looks at.
final class QuoteDocument: Sendable {
    let text: ScalarText
    /// `text` for the quotes and mentions found, which read their words from it (see `SpanText`).
    let sharedText: SharedArticleText
    /// The text's scalars, read once (`ScalarText.scalars` is a switch, and a copy for a compacted text).
    let scalars: [Unicode.Scalar]
    let english: Bool
    /// Analysed paragraphs (title and body), in order.
    let paragraphs: [Paragraph]
    let marks: [MarkedQuote]
    let tokens: [QToken]
    /// For each paragraph, its token range.
    let paragraphTokens: [Range<Int>]
    /// For each sentence, its token range.
    let sentences: [Range<Int>]
    /// For each quote (index in `marks`), how many words lie directly in it (not in a quote nested in it).
    let regionWords: [Int]
    /// For each paragraph, how many words lie outside every quote.
    let unquotedWords: [Int]
    /// Offsets of every paired or opening quote mark.
    let markOffsets: Set<Int>
    /// Tokens directly in each quote, grouped by quote: `tokensByRegion[regionTokenStarts[q]..<regionTokenStarts[q + 1]]`.
    private let tokensByRegion: [Int]
    /// The lexicon's words (`QToken.word`).
    private let vocabulary: QuoteVocabulary
    private let regionTokenStarts: [Int]

    /// Indexes of the tokens directly in quote `q` (not in a quote nested in it), in order.
    func regionTokens(_ q: Int) -> ArraySlice<Int> { tokensByRegion[regionTokenStarts[q]..<regionTokenStarts[q + 1]] }

    /// A sentence is cut after this many tokens: text without sentence ends (one huge quote, a flood of
    /// marks) must not make every sentence-bounded search walk the whole paragraph.
    static let maxSentenceTokens = 400

    /// `tokens`: the tokens of `article.paragraphs` already made, by paragraph index (nil where not).
    init(article: Article, tokens cached: [[Token]?]? = nil) {
        text = article.text
        sharedText = SharedArticleText(article.text)
        english = article.language == "en"
        paragraphs = article.analysedParagraphs
        // Index in `article.paragraphs` of each analysed paragraph, to find its cached tokens.
        let sourceIndex = article.paragraphs.indices.filter { article.paragraphs[$0].role.isAnalysed }
        var marks: [MarkedQuote] = []
        for (pi, p) in paragraphs.enumerated() {
            let first = marks.count
            QuoteMarkScanner.scan(text, paragraph: p.span, paragraphIndex: pi, english: english, into: &marks)
            // A paragraph that opens with a mark, after a paragraph whose quote was never closed, continues it.
            if first < marks.count, marks[first].openMark == p.span.start, first > 0,
               let prev = marks[..<first].last(where: { $0.depth == 1 }), prev.closeMark == nil,
               prev.paragraph == pi - 1 {
                marks[first].continuesPrevious = true
            }
        }
        self.marks = marks
        var offsets = Set<Int>()
        for m in marks {
            offsets.insert(m.openMark)
            if let c = m.closeMark { offsets.insert(c) }
        }
        markOffsets = offsets
        var tokens: [QToken] = []
        tokens.reserveCapacity(text.count / 4)
        var paraRanges: [Range<Int>] = []
        var sentences: [Range<Int>] = []
        let sc = text.scalars
        scalars = sc
        var markCursor = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        // Folded bytes of the common tokens (one byte per scalar), without growing an array.
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
        defer { scratch.deallocate() }
        let vocabulary = QuoteLexicon.shared.vocabulary
        let singles = QuoteDocument.singleScalarWords
        // Counted as tokens are made, instead of walking the token array again.
        var regionCounts = [Int](repeating: 0, count: marks.count + 1)
        var regionWords = [Int](repeating: 0, count: marks.count)
        var unquotedWords = [Int](repeating: 0, count: paragraphs.count)
        for (pi, p) in paragraphs.enumerated() {
            let raw = cached.flatMap { $0.indices.contains(sourceIndex[pi]) ? $0[sourceIndex[pi]] : nil }
                ?? Tokenizer.tokenize(text, in: p.span)
            let start = tokens.count
            var sentenceStart = tokens.count
            // Quotes of this paragraph, to assign each token its innermost region.
            while markCursor < marks.count, marks[markCursor].paragraph < pi { markCursor += 1 }
            var paraMarks: [Int] = []
            var m = markCursor
            while m < marks.count, marks[m].paragraph == pi { paraMarks.append(m); m += 1 }
            // The innermost region is the latest-opened quote still holding the token. Marks are numbered in
            // opening order, so the open ones form a stack: one pass, linear even with 100,000 marks.
            var nextMark = 0
            var open: [Int] = []
            for t in raw {
                while nextMark < paraMarks.count, marks[paraMarks[nextMark]].openMark < t.span.start {
                    open.append(paraMarks[nextMark])
                    nextMark += 1
                }
                // Tokens only move forward, so a quote that ended before this token is done for good.
                while let top = open.last, t.span.end > (marks[top].closeMark ?? p.span.end) { open.removeLast() }
                let region = open.last ?? -1
                let c0 = sc[t.span.start]
                let cap = c0.value < 0x80 ? (c0.value >= 0x41 && c0.value <= 0x5A) : c0.isUppercaseLetter
                // Folded bytes, then the word's id (the lexicon's entry, or the document's own word).
                // `sentences.count` is the number the token's sentence gets when appended below.
                if let n = sc.withUnsafeBufferPointer({ QuoteFolding.foldToBytes($0, t.span.start, t.span.end, into: scratch) }) {
                    tokens.append(QuoteDocument.asciiToken(t, UnsafeBufferPointer(rebasing: scratch[..<n]), vocabulary,
                                                           isCapitalised: cap, paragraph: pi, region: region, sentence: sentences.count))
                } else {
                    let notASCII: Bool
                    if t.span.length == 1, let index = NameFolding.fastFoldIndex(sc[t.span.start].value) {
                        // One scalar of punctuation (`«`, `—`) or a rarer letter: folded once for all documents.
                        buffer.removeAll(keepingCapacity: true)
                        buffer.append(contentsOf: singles[index].bytes)
                        notASCII = singles[index].notASCII
                    } else {
                        QuoteFolding.foldBytes(sc, t.span.start, t.span.end, into: &buffer)
                        notASCII = QToken.cannotEqualASCII(buffer)
                    }
                    tokens.append(buffer.withUnsafeBufferPointer {
                        QuoteDocument.token(t, $0, notASCII: notASCII, vocabulary,
                                            isCapitalised: cap, paragraph: pi, region: region, sentence: sentences.count)
                    })
                }
                let isWord = t.kind == .word || t.kind == .elision || t.kind == .number
                if region >= 0 {
                    regionCounts[region + 1] += 1
                    if isWord { regionWords[region] += 1 }
                } else if isWord {
                    unquotedWords[pi] += 1
                }
                // A sentence ends at . ! ? outside quotes, unless after an abbreviation or an initial.
                // (A punctuation token is one scalar, its fold: compared as a scalar, not as a string.)
                if region == -1, t.kind == .punctuation, c0 == "." || c0 == "!" || c0 == "?" || c0 == "…" {
                    let n = tokens.count - 1
                    if c0 == ".", n > start, QuoteDocument.isAbbreviation(tokens[n - 1]) { continue }
                    sentences.append(sentenceStart..<tokens.count)
                    sentenceStart = tokens.count
                } else if tokens.count - sentenceStart >= QuoteDocument.maxSentenceTokens {
                    sentences.append(sentenceStart..<tokens.count)
                    sentenceStart = tokens.count
                }
            }
            if sentenceStart < tokens.count { sentences.append(sentenceStart..<tokens.count) }
            paraRanges.append(start..<tokens.count)
        }
        var regionStarts = regionCounts
        for i in 0..<marks.count { regionStarts[i + 1] += regionStarts[i] }
        var fill = regionStarts
        var byRegion = [Int](repeating: 0, count: regionStarts[marks.count])
        if !byRegion.isEmpty {
            tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices {
                    let r = tokens[k].region
                    if r >= 0 {
                        byRegion[fill[r]] = k
                        fill[r] += 1
                    }
                }
            }
        }
        self.vocabulary = vocabulary
        self.regionTokenStarts = regionStarts
        self.tokensByRegion = byRegion
        self.regionWords = regionWords
        self.unquotedWords = unquotedWords
        self.tokens = tokens
        self.paragraphTokens = paraRanges
        self.sentences = sentences
    }

    /// The folded bytes of a token of one scalar, for the scalars of `NameFolding.fastFoldIndex`
    /// (by that index), and whether they can equal no ASCII text: computed once, as `init` would.
    static let singleScalarWords: [(bytes: [UInt8], notASCII: Bool)] = {
        (Array(0x80..<0x250) + Array(0x2000..<0x2070)).map { v in
            let sc = [Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"]
            var buffer: [UInt8] = []
            QuoteFolding.foldBytes(sc, 0, 1, into: &buffer)
            return (buffer, QToken.cannotEqualASCII(buffer))
        }
    }()

    /// `token` for folded bytes all ASCII (what `foldToBytes` makes): the vocabulary's hash, the
    /// compared form and the hyphen test in one pass over the bytes.
    @inline(__always)
    private static func asciiToken(_ t: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ vocabulary: QuoteVocabulary,
                                   isCapitalised: Bool, paragraph: Int, region: Int, sentence: Int) -> QToken {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var head: UInt64 = 0, tail: UInt32 = 0
        var hyphen = false
        let n = bytes.count
        for i in 0..<n {
            let b = bytes[i]
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            if i < 8 { head |= UInt64(b) << UInt64(i * 8) } else if i < QToken.maxLiteral { tail |= UInt32(b) << UInt32((i - 8) * 8) }
            if b == 0x2D { hyphen = true }
        }
        let entry = n == 1 ? vocabulary.entry(bytes) : vocabulary.entry(bytes, hash: QuoteVocabulary.mix(h), head: head)
        return QToken(span: t.span, kind: t.kind, word: entry ?? -1, isCapitalised: isCapitalised,
                      paragraph: paragraph, region: region, sentence: sentence, hasHyphen: t.kind == .word && hyphen,
                      info: entry.map { vocabulary.info($0) } ?? QuoteWordInfo(),
                      asciiHead: n <= QToken.maxLiteral ? head : 0, tail: n <= QToken.maxLiteral ? tail : 0, length: n)
    }

    /// The token `t` of folded bytes `bytes`, with what the vocabulary knows of them.
    @inline(__always)
    private static func token(_ t: Token, _ bytes: UnsafeBufferPointer<UInt8>, notASCII: Bool, _ vocabulary: QuoteVocabulary,
                              isCapitalised: Bool, paragraph: Int, region: Int, sentence: Int) -> QToken {
        let entry = vocabulary.entry(bytes)
        let info = entry.map { vocabulary.info($0) } ?? QuoteWordInfo()
        return QToken(span: t.span, kind: t.kind, fold: bytes, word: entry ?? -1, isCapitalised: isCapitalised,
                      paragraph: paragraph, region: region, sentence: sentence,
                      hasHyphen: t.kind == .word && bytes.contains(0x2D), info: info, foldIsNotASCII: notASCII)
    }

    /// The folded text of token `k` (`Déclaré` → `declare`): the vocabulary's key when it holds
    /// the word, else made from the token's text (as `init` folded it).
    @inline(__always)
    func fold(_ k: Int) -> String {
        let w = Int(tokens[k].word)
        return w >= 0 ? vocabulary.key(w) : QuoteDocument.fold(scalars, tokens[k].span)
    }

    /// `fold(k).hasSuffix(ascii)` without making the string when the token folds to ASCII.
    func foldHasSuffix(_ k: Int, _ ascii: StaticString) -> Bool {
        let span = tokens[k].span
        let n = ascii.utf8CodeUnitCount
        let p = ascii.utf8Start
        // Most tokens end otherwise: a last scalar folding to another ASCII byte ends a fold whose
        // last character is not the literal's.
        if n > 0, span.length > 0, let b = QuoteFolding.asciiFold(scalars[span.end - 1].value), b != p[n - 1] { return false }
        let answer: Bool? = scalars.withUnsafeBufferPointer { sc in
            // Every scalar must fold to one ASCII byte for bytes to answer as `String` does.
            var matches = span.length >= n
            for i in span.start..<span.end {
                guard let b = QuoteFolding.asciiFold(sc[i].value) else { return nil }
                let j = i - (span.end - n)
                if j >= 0, b != p[j] { matches = false }
            }
            return matches
        }
        return answer ?? fold(k).hasSuffix(ascii.description)
    }

    /// `fold(k).hasPrefix(ascii)` without making the string when the token folds to ASCII.
    func foldHasPrefix(_ k: Int, _ ascii: StaticString) -> Bool {
        let span = tokens[k].span
        let n = ascii.utf8CodeUnitCount
        let p = ascii.utf8Start
        let answer: Bool? = scalars.withUnsafeBufferPointer { sc in
            var matches = span.length >= n
            for i in span.start..<span.end {
                guard let b = QuoteFolding.asciiFold(sc[i].value) else { return nil }
                let j = i - span.start
                if j < n, b != p[j] { matches = false }
            }
            return matches
        }
        return answer ?? fold(k).hasPrefix(ascii.description)
    }

    /// The folded text of a span of one token, as `init` folds it.
    static func fold(_ sc: [Unicode.Scalar], _ span: Span) -> String {
        if span.length == 1, let index = NameFolding.fastFoldIndex(sc[span.start].value) {
            return String(decoding: singleScalarWords[index].bytes, as: UTF8.self)
        }
        // Each scalar folding to one ASCII byte (the common case): the bytes written in place.
        let s = String(unsafeUninitializedCapacity: span.length) { out in
            for i in span.start..<span.end {
                guard let b = QuoteFolding.asciiFold(sc[i].value) else { return 0 }
                out[i - span.start] = b
            }
            return span.length
        }
        if s.utf8.count == span.length, span.length > 0 { return s }
        var buffer: [UInt8] = []
        QuoteFolding.foldBytes(sc, span.start, span.end, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Whether token `k` is punctuation whose fold is `c` (`tokens[k].fold == String(c)`, without
    /// comparing strings): `’` folds to `'`, `‐` to `-` (see `QuoteFolding`).
    @inline(__always)
    func isPunctuation(_ k: Int, _ c: Unicode.Scalar) -> Bool {
        tokens[k].kind == .punctuation && QuoteFolding.foldedPunctuation(scalars[tokens[k].span.start]) == c
    }

    static func isAbbreviation(_ t: QToken) -> Bool {
        guard t.span.end - t.span.start <= 3, t.isWord else { return false }
        if t.isCapitalised && t.span.length == 1 { return true }   // initials: J. Smith
        return abbreviations.contains(t)
    }

    static let abbreviations = FoldedSet(.quoteDocumentAbbreviations, [
        "m", "mm", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "no", "vs", "u.s", "prof",
        "capt", "sgt",
    ])

    func string(_ span: Span) -> String { text[span] }

    /// `à` folds to `a` like the auxiliary `a`; the written accent tells them apart.
    func isGraveA(_ k: Int) -> Bool {
        let span = tokens[k].span
        return span.length == 1 && (scalars[span.start] == "\u{E0}" || scalars[span.start] == "\u{C0}")
    }

    /// A finite auxiliary or modal (`a`, `ont`, `has`, `will`), not the preposition `à`.
    func isFiniteAuxiliary(_ k: Int) -> Bool {
        tokens[k].isIn(.quoteAttributorFiniteAuxiliaries) && !isGraveA(k)
    }

    /// An auxiliary of a verb group (`a déclaré`, `avait dit`, `has said`), not the preposition `à`.
    func isAuxiliary(_ k: Int) -> Bool {
        tokens[k].isIn(.speechCueFinderAuxiliaries) && !isGraveA(k)
    }
}
