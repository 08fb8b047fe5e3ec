/// The tokens of one paragraph with what the recognizer asks of each: folded
/// key (computed on demand, cached), capitalisation, sentence position.
final class TokenView {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Whether capitalisation in this paragraph says nothing (an English
    /// title-case headline: `Parasite Scores Historic Upset`).
    let weakCapitals: Bool
    private var folds: [String?]
    private(set) var sentenceInitial: [Bool]

    init(text: ScalarText, span: Span) {
        scalars = text.scalars
        tokens = Tokenizer.tokenize(text, in: span)
        folds = Array(repeating: nil, count: tokens.count)
        sentenceInitial = Array(repeating: false, count: tokens.count)
        var capitalised = 0, lower = 0
        var atStart = true
        for (i, t) in tokens.enumerated() {
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
            sentenceInitial[i] = atStart
            atStart = false
            if t.kind == .word, t.span.length >= 4 {
                if first.isUppercaseLetter { capitalised += 1 } else if first.isLowercaseLetter { lower += 1 }
            }
        }
        // A heading where nearly every long word is capitalised.
        weakCapitals = capitalised >= 3 && lower * 4 <= capitalised
    }

    var count: Int { tokens.count }

    func span(_ i: Int) -> Span { tokens[i].span }
    func kind(_ i: Int) -> Token.Kind { tokens[i].kind }
    func first(_ i: Int) -> Unicode.Scalar { scalars[tokens[i].span.start] }

    /// The folded key of token `i`.
    func fold(_ i: Int) -> String {
        if let f = folds[i] { return f }
        let f = NameFolding.fold(scalars, tokens[i].span.range)
        folds[i] = f
        return f
    }

    /// The exact text of token `i`.
    func text(_ i: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[i].span.range])
        return String(view)
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }

    /// A word that begins with a capital letter (`Kiev`, `OTAN`, `G7`).
    func isCapitalised(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        if first(i).isUppercaseLetter { return true }
        // Arabic article prefixes before a capital: `al-Qaeda`, `el-Sissi`.
        let r = tokens[i].span.range
        if r.count > 3, (scalars[r.lowerBound] == "a" || scalars[r.lowerBound] == "e"), scalars[r.lowerBound + 1] == "l",
           Tokenizer.isHyphen(scalars[r.lowerBound + 2]), scalars[r.lowerBound + 3].isUppercaseLetter {
            return true
        }
        return false
    }

    /// A single capital letter with its dot, before a capitalised word (`D. Trump`, `Joseph R. Biden`).
    func isInitial(_ i: Int) -> Bool {
        isWord(i) && tokens[i].span.length == 1 && first(i).isUppercaseLetter && isPunct(i + 1, ".")
            && adjacent(i, i + 1) && isCapitalised(i + 2) && tokens[i + 2].span.length > 1
    }

    /// Two or more letters, all capitals (`OTAN`, `LGBTQI`, `LOS`).
    func isAllCaps(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        var letters = 0
        for s in scalars[tokens[i].span.range] where s.properties.isAlphabetic {
            if !s.isUppercaseLetter { return false }
            letters += 1
        }
        return letters >= 2
    }

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
