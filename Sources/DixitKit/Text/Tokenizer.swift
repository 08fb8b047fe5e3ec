/// A word or punctuation mark of a paragraph, with its scalar span.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable, Hashable {
        /// Letters (and digits) with inner hyphens and apostrophes: `Jean-Yves`, `aujourd'hui`, `a-t-il`.
        case word
        /// A French elided article or pronoun with its apostrophe: `l'`, `d'`, `qu'`, `L’`.
        case elision
        /// An English possessive or contraction ending: `'s`, `’s`.
        case possessive
        case number
        /// One punctuation or symbol scalar (quote marks included).
        case punctuation
    }

    public var span: Span
    public var kind: Kind

    public init(span: Span, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}

/// Splits text into tokens. Works on scalar offsets so spans go straight into the export.
public enum Tokenizer {
    static let elisionWords: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    public static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}"
    }

    public static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2010}" || s == "\u{2011}"
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if s.value < 0x250 { return ScalarClasses.table[Int(s.value)] & (ScalarClasses.alphabetic | ScalarClasses.wordExtra) != 0 }
        // General punctuation (curly quotes, dashes, ellipsis, no-break and zero-width spaces):
        // no letter, digit or mark there, and news text is full of it.
        if s.value >= 0x2000 && s.value < 0x2070 { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil
            || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    /// `isWordScalar`, with `ScalarClasses.table` passed in as a pointer: a loop over every
    /// scalar of a paragraph then pays no lazy-global check or bounds check per scalar.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar, table: UnsafeBufferPointer<UInt8>) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if s.value < 0x250 { return table[Int(s.value)] & (ScalarClasses.alphabetic | ScalarClasses.wordExtra) != 0 }
        return isWordScalar(s)
    }

    /// Whether `sc[start..<end]` folds to one of `elisionWords`: ASCII heads are compared in
    /// place (no string made for every apostrophe), others folded as before.
    static func isElision(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        sc.withUnsafeBufferPointer { isElision($0, start, end) }
    }

    static func isElision(_ sc: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
        var packed: UInt64 = 0
        var k = start
        while k < end {
            let v = sc[k].value
            guard v < 0x80 else {
                return elisionWords.contains(TextFolding.fold(ScalarText.string(Array(sc[start..<end]), 0..<(end - start))))
            }
            // Longer than any elision word: no need to look further (still ASCII so far).
            if k - start >= 7 { return false }
            packed = packed << 8 | UInt64(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            k += 1
        }
        return elisionKeys.contains(packed)
    }

    /// `elisionWords` packed into integers, one byte a letter.
    static let elisionKeys = PackedWordMap(keys: elisionWords.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } })

    /// Tokens of `text` within `span`.
    public static func tokenize(_ text: ScalarText, in span: Span) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(span.length / 5)
        tokenize(text, in: span, into: &tokens)
        return tokens
    }

    /// Appends the tokens of `text` within `span` to `tokens` (a token never runs past the span):
    /// many short spans tokenised into one reused array.
    static func tokenize(_ text: ScalarText, in span: Span, into tokens: inout [Token]) {
        let scalars = text.scalars
        let table = ScalarClasses.table
        scalars.withUnsafeBufferPointer { sc in table.withUnsafeBufferPointer { tokenize(sc, span: span, table: $0, into: &tokens) } }
    }

    /// `tokenize` over the scalars in place (no bounds check or array retain per scalar).
    private static func tokenize(_ sc: UnsafeBufferPointer<Unicode.Scalar>, span: Span,
                                 table: UnsafeBufferPointer<UInt8>, into result: inout [Token]) {
        @inline(__always) func isWordScalar(_ s: Unicode.Scalar) -> Bool { Tokenizer.isWordScalar(s, table: table) }
        // Appended to a local array (moved in and out, not copied): appends straight to the
        // `inout` array pay for more checks at every token.
        var tokens: [Token] = []
        swap(&tokens, &result)
        defer { swap(&tokens, &result) }
        // Tokens already in `tokens` (from another span) are not looked at.
        let first = tokens.count
        var i = span.start
        let end = span.end
        let wordBits = ScalarClasses.alphabetic | ScalarClasses.wordExtra
        while i < end {
            let c = sc[i]
            // Below U+0250 one read of the table says space, word scalar or punctuation.
            if c.value < 0x250 {
                let f = table[Int(c.value)]
                if f & ScalarClasses.space != 0 { i += 1; continue }
                if f & wordBits == 0 {
                    tokens.append(Token(span: Span(i, i + 1), kind: .punctuation))
                    i += 1
                    continue
                }
            } else {
                if c.isSpaceLike { i += 1; continue }
                guard isWordScalar(c) else {
                    tokens.append(Token(span: Span(i, i + 1), kind: .punctuation))
                    i += 1
                    continue
                }
            }
            let start = i
            var allDigits = true
            while i < end {
                let s = sc[i]
                let v = s.value
                if v < 0x250 {
                    let f = table[Int(v)]
                    if f & wordBits != 0 {
                        if !(v >= 0x30 && v <= 0x39) { allDigits = false }
                        i += 1
                        continue
                    }
                    // Neither hyphen nor apostrophe, nor the separator of a decimal number: the word ends.
                    if f & ScalarClasses.joiner == 0, !(allDigits && (v == 0x2C || v == 0x2E)) { break }
                } else if isWordScalar(s) {
                    allDigits = false
                    i += 1
                    continue
                }
                // Inner hyphen or apostrophe joins when a word scalar follows.
                guard i + 1 < end, isWordScalar(sc[i + 1]) else { break }
                if isHyphen(s) { i += 1; continue }
                if isApostrophe(s) {
                    if isElision(sc, start, i) {
                        i += 1
                        tokens.append(Token(span: Span(start, i), kind: .elision))
                        break
                    }
                    // English `'s` / `'t` endings followed by a non-letter split off.
                    let next = sc[i + 1]
                    let afterNext = i + 2 < end ? sc[i + 2] : " "
                    if (next == "s" || next == "S") && !isWordScalar(afterNext) {
                        tokens.append(Token(span: Span(start, i), kind: allDigits ? .number : .word))
                        tokens.append(Token(span: Span(i, i + 2), kind: .possessive))
                        i += 2
                        break
                    }
                    i += 1
                    continue
                }
                // Decimal separators inside numbers: 2,3 or 1.5
                if allDigits, s == "," || s == ".", sc[i + 1].isDigit { i += 1; continue }
                break
            }
            if tokens.count > first, let last = tokens.last, last.span.end == i, last.span.start >= start { continue }
            tokens.append(Token(span: Span(start, i), kind: allDigits ? .number : .word))
        }
    }
}
