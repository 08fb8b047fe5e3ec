/// A word or mark of an analysed paragraph, prepared for attribution rules.
/// Fields are ordered, and indexes kept in 32 bits, so that a token takes 64 bytes: the rules walk
/// the token array again and again.
struct QToken: Sendable {
    var span: Span
    /// Case- and accent-folded text (`Déclaré` → `declare`).
    var fold: String
    /// What the lexicon knows of the folded word (word classes, verb of speech, title, first name).
    var info: QuoteWordInfo
    var kind: Token.Kind
    /// Starts with an uppercase letter.
    var isCapitalised: Bool
    /// The folded text holds a hyphen (`a-t-il`, `dit-elle`).
    var hasHyphen: Bool
    /// The fold holds non-ASCII text that no ASCII text equals (`«`, `—`, `ü`): see `folds(_:)`.
    var foldIsNotASCII: Bool = false
    private var paragraph32: Int32
    private var region32: Int32
    private var sentence32: Int32

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

    init(span: Span, kind: Token.Kind, fold: String, isCapitalised: Bool, paragraph: Int, region: Int, sentence: Int,
         hasHyphen: Bool, info: QuoteWordInfo, foldIsNotASCII: Bool = false) {
        self.span = span
        self.foldIsNotASCII = foldIsNotASCII
        self.fold = fold
        self.info = info
        self.kind = kind
        self.isCapitalised = isCapitalised
        self.hasHyphen = hasHyphen
        paragraph32 = Int32(truncatingIfNeeded: paragraph)
        region32 = Int32(truncatingIfNeeded: region)
        sentence32 = Int32(truncatingIfNeeded: sentence)
    }

    /// The form of a verb of speech (`lexicon.speechVerbs[fold]`).
    var verb: SpeechVerbForm? { info.verb }
    /// The gender of a title (`lexicon.titles[fold]`).
    var title: SpeakerGender? { info.title }
    /// The gender of a first name (`lexicon.firstNames[fold]`).
    var firstName: SpeakerGender? { info.firstName }

    var isWord: Bool { kind == .word || kind == .elision || kind == .number }

    /// Whether the fold is `ascii` (an ASCII literal): `fold == ascii`, but a fold like `«` leaves at
    /// one flag test instead of Swift's normalising comparison of a non-ASCII string.
    @inline(__always)
    func folds(_ ascii: String) -> Bool {
        !foldIsNotASCII && fold == ascii
    }

    /// Whether the fold is one of `words` (ASCII literals), with the same shortcut as `folds(_:)`.
    @inline(__always)
    func foldsAny(_ words: [String]) -> Bool {
        !foldIsNotASCII && words.contains(fold)
    }

    /// Whether folded UTF-8 `bytes` can equal no ASCII string: they hold a non-ASCII byte and none of
    /// the scalars that Unicode holds canonically equal to ASCII (U+037E `;`, U+1FEF `` ` ``, U+212A `K`),
    /// which String's `==` would match.
    static func cannotEqualASCII(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        let s = String(decoding: bytes, as: UTF8.self)
        return !s.unicodeScalars.contains { $0.value == 0x037E || $0.value == 0x1FEF || $0.value == 0x212A }
    }
}

/// An article's analysed paragraphs as tokens, sentences and quote-mark regions:
/// what every rule of quote extraction looks at.
final class QuoteDocument: Sendable {
    let text: ScalarText
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
    private let regionTokenStarts: [Int]

    /// Indexes of the tokens directly in quote `q` (not in a quote nested in it), in order.
    func regionTokens(_ q: Int) -> ArraySlice<Int> { tokensByRegion[regionTokenStarts[q]..<regionTokenStarts[q + 1]] }

    /// A sentence is cut after this many tokens: text without sentence ends (one huge quote, a flood of
    /// marks) must not make every sentence-bounded search walk the whole paragraph.
    static let maxSentenceTokens = 400

    /// `tokens`: the tokens of `article.paragraphs` already made, by paragraph index (nil where not).
    init(article: Article, tokens cached: [[Token]?]? = nil) {
        text = article.text
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
                // A word the lexicon knows shares its key; another gets a new string.
                let (f, info, hyphen): (String, QuoteWordInfo, Bool)
                var notASCII = false   // foldToBytes makes ASCII only
                if let n = sc.withUnsafeBufferPointer({ QuoteFolding.foldToBytes($0, t.span.start, t.span.end, into: scratch) }) {
                    (f, info, hyphen) = QuoteDocument.word(UnsafeBufferPointer(rebasing: scratch[..<n]), vocabulary)
                } else if t.span.length == 1, let index = NameFolding.fastFoldIndex(sc[t.span.start].value) {
                    // One scalar of punctuation (`«`, `—`) or a rarer letter: made once for all documents.
                    let w = singles[index]
                    (f, info, hyphen, notASCII) = (w.fold, w.info, w.hyphen, w.notASCII)
                } else {
                    QuoteFolding.foldBytes(sc, t.span.start, t.span.end, into: &buffer)
                    notASCII = QToken.cannotEqualASCII(buffer)
                    (f, info, hyphen) = buffer.withUnsafeBufferPointer { QuoteDocument.word($0, vocabulary) }
                }
                while nextMark < paraMarks.count, marks[paraMarks[nextMark]].openMark < t.span.start {
                    open.append(paraMarks[nextMark])
                    nextMark += 1
                }
                // Tokens only move forward, so a quote that ended before this token is done for good.
                while let top = open.last, t.span.end > (marks[top].closeMark ?? p.span.end) { open.removeLast() }
                let region = open.last ?? -1
                let c0 = sc[t.span.start]
                let cap = c0.value < 0x80 ? (c0.value >= 0x41 && c0.value <= 0x5A) : c0.isUppercaseLetter
                // `sentences.count` is the number the token's sentence gets when appended below.
                tokens.append(QToken(span: t.span, kind: t.kind, fold: f, isCapitalised: cap,
                                     paragraph: pi, region: region, sentence: sentences.count,
                                     hasHyphen: t.kind == .word && hyphen,
                                     info: info, foldIsNotASCII: notASCII))
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
        self.regionTokenStarts = regionStarts
        self.tokensByRegion = byRegion
        self.regionWords = regionWords
        self.unquotedWords = unquotedWords
        self.tokens = tokens
        self.paragraphTokens = paraRanges
        self.sentences = sentences
    }

    /// What `init` makes of a token of one scalar, for the scalars of `NameFolding.fastFoldIndex`
    /// (by that index): computed once, as `init` would for each such token.
    static let singleScalarWords: [(fold: String, info: QuoteWordInfo, hyphen: Bool, notASCII: Bool)] = {
        let vocabulary = QuoteLexicon.shared.vocabulary
        return (Array(0x80..<0x250) + Array(0x2000..<0x2070)).map { v in
            let sc = [Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"]
            var buffer: [UInt8] = []
            QuoteFolding.foldBytes(sc, 0, 1, into: &buffer)
            let (f, info, hyphen) = buffer.withUnsafeBufferPointer { QuoteDocument.word($0, vocabulary) }
            return (f, info, hyphen, QToken.cannotEqualASCII(buffer))
        }
    }()

    /// The folded word of `bytes` (the lexicon's own key when it knows the word), what the lexicon
    /// knows of it, and whether it holds a hyphen.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ vocabulary: QuoteVocabulary) -> (String, QuoteWordInfo, Bool) {
        let hyphen = bytes.contains(0x2D)
        if let e = vocabulary.entry(bytes) { return (vocabulary.key(e), vocabulary.info(e), hyphen) }
        return (String(decoding: bytes, as: UTF8.self), QuoteWordInfo(), hyphen)
    }

    /// Whether token `k` is punctuation whose fold is `c` (`tokens[k].fold == String(c)`, without
    /// comparing strings): `’` folds to `'`, `‐` to `-` (see `QuoteFolding`).
    @inline(__always)
    func isPunctuation(_ k: Int, _ c: Unicode.Scalar) -> Bool {
        tokens[k].kind == .punctuation && QuoteFolding.foldedPunctuation(text.scalars[tokens[k].span.start]) == c
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
        return span.length == 1 && (text.scalars[span.start] == "\u{E0}" || text.scalars[span.start] == "\u{C0}")
    }

    /// A finite auxiliary or modal (`a`, `ont`, `has`, `will`), not the preposition `à`.
    func isFiniteAuxiliary(_ k: Int) -> Bool {
        QuoteAttributor.finiteAuxiliaries.contains(tokens[k]) && !isGraveA(k)
    }

    /// An auxiliary of a verb group (`a déclaré`, `avait dit`, `has said`), not the preposition `à`.
    func isAuxiliary(_ k: Int) -> Bool {
        SpeechCueFinder.auxiliaries.contains(tokens[k]) && !isGraveA(k)
    }
}
