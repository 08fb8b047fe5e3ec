/// A word or mark of an analysed paragraph, prepared for attribution rules.
struct QToken: Sendable {
    var span: Span
    var kind: Token.Kind
    /// Case- and accent-folded text (`Déclaré` → `declare`).
    var fold: String
    /// Starts with an uppercase letter.
    var isCapitalised: Bool
    var paragraph: Int
    /// Index of the innermost quote (in `QuoteDocument.marks`) holding this token, or -1.
    var region: Int
    var sentence: Int

    /// The folded text holds a hyphen (`a-t-il`, `dit-elle`).
    var hasHyphen: Bool

    var isWord: Bool { kind == .word || kind == .elision || kind == .number }
}

/// An article's analysed paragraphs as tokens, sentences and quote-mark regions:
/// what every rule of quote extraction looks at.
struct QuoteDocument: Sendable {
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

    init(article: Article) {
        text = article.text
        english = article.language == "en"
        paragraphs = article.analysedParagraphs
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
        var tokens: [QToken] = []
        var paraRanges: [Range<Int>] = []
        var sentences: [Range<Int>] = []
        let sc = text.scalars
        var markCursor = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        for (pi, p) in paragraphs.enumerated() {
            let raw = Tokenizer.tokenize(text, in: p.span)
            let start = tokens.count
            var sentenceStart = tokens.count
            // Quotes of this paragraph, to assign each token its innermost region.
            while markCursor < marks.count, marks[markCursor].paragraph < pi { markCursor += 1 }
            var paraMarks: [Int] = []
            var m = markCursor
            while m < marks.count, marks[m].paragraph == pi { paraMarks.append(m); m += 1 }
            for t in raw {
                let f = QuoteFolding.fold(sc, t.span.start, t.span.end, buffer: &buffer)
                var region = -1
                for qi in paraMarks {
                    let q = marks[qi]
                    let innerEnd = q.closeMark ?? p.span.end
                    if t.span.start > q.openMark && t.span.end <= innerEnd {
                        region = qi   // later (deeper) quotes override outer ones
                    }
                }
                let c0 = sc[t.span.start]
                let cap = c0.value < 0x80 ? (c0.value >= 0x41 && c0.value <= 0x5A) : c0.isUppercaseLetter
                tokens.append(QToken(span: t.span, kind: t.kind, fold: f, isCapitalised: cap,
                                     paragraph: pi, region: region, sentence: sentences.count,
                                     hasHyphen: t.kind == .word && f.utf8.contains(0x2D)))
                // A sentence ends at . ! ? outside quotes, unless after an abbreviation or an initial.
                if region == -1, t.kind == .punctuation, f == "." || f == "!" || f == "?" || f == "…" {
                    let n = tokens.count - 1
                    if f == ".", n > start, QuoteDocument.isAbbreviation(tokens[n - 1]) { continue }
                    sentences.append(sentenceStart..<tokens.count)
                    sentenceStart = tokens.count
                }
            }
            if sentenceStart < tokens.count { sentences.append(sentenceStart..<tokens.count) }
            paraRanges.append(start..<tokens.count)
            // Fix sentence numbers of tokens (appended sentences so far are exact).
        }
        // Re-number tokens' sentences from the ranges.
        for (si, r) in sentences.enumerated() { for k in r { tokens[k].sentence = si } }
        self.tokens = tokens
        self.paragraphTokens = paraRanges
        self.sentences = sentences
    }

    static func isAbbreviation(_ t: QToken) -> Bool {
        guard t.span.end - t.span.start <= 3, t.isWord else { return false }
        if t.isCapitalised && t.span.length == 1 { return true }   // initials: J. Smith
        return ["m", "mm", "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "no", "vs", "u.s", "prof", "capt", "sgt"].contains(t.fold)
    }

    func string(_ span: Span) -> String { text[span] }

    /// `à` folds to `a` like the auxiliary `a`; the written accent tells them apart.
    func isGraveA(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.span.length == 1 && (text.scalars[t.span.start] == "\u{E0}" || text.scalars[t.span.start] == "\u{C0}")
    }

    /// A finite auxiliary or modal (`a`, `ont`, `has`, `will`), not the preposition `à`.
    func isFiniteAuxiliary(_ k: Int) -> Bool {
        QuoteAttributor.finiteAuxiliaries.contains(tokens[k].fold) && !isGraveA(k)
    }

    /// An auxiliary of a verb group (`a déclaré`, `avait dit`, `has said`), not the preposition `à`.
    func isAuxiliary(_ k: Int) -> Bool {
        SpeechCueFinder.auxiliaries.contains(tokens[k].fold) && !isGraveA(k)
    }
}
