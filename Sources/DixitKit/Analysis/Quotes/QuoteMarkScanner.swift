/// A span of text between quote marks, found by `QuoteMarkScanner`.
struct MarkedQuote: Sendable {
    /// Offset of the opening mark.
    var openMark: Int
    /// Offset of the closing mark, nil when the mark is never closed (the quote runs to the end of its paragraph).
    var closeMark: Int?
    /// The quoted words, trimmed of surrounding white space.
    var content: Span
    /// 1 for a top-level quote, 2 for a quote inside it, and so on.
    var depth: Int
    /// Index (in the scanner's output) of the quote this one is nested in.
    var parent: Int?
    /// Index of the analysed paragraph.
    var paragraph: Int
    /// The paragraph opens with this quote and continues the previous paragraph's unclosed quote.
    var continuesPrevious = false

    /// The whole extent from the opening mark to the closing mark (or the paragraph end).
    var outer: Span { Span(openMark, (closeMark ?? (content.end - 1)) + 1) }
}

/// Finds quote marks and pairs them, one paragraph at a time.
///
/// « » ‹ › “ ” „ “ pair by kind; straight `"` pair by position within a paragraph;
/// ‘ ’ (and `'` in English) count only where they are shaped like marks, not apostrophes.
/// A mark opened and never closed runs to the end of its paragraph; a stray closing mark starts nothing.
enum QuoteMarkScanner {
    enum Family: Int { case guillemet, singleGuillemet, curly, curlyReversed, low, straight, curlySingle, straightSingle }

    /// Marks opened deeper than this are ignored.
    static let maxDepth = 6

    private struct Open { var family: Family; var mark: Int; var index: Int }

    /// A few families, as bits (no array made per mark).
    struct FamilySet: ExpressibleByArrayLiteral {
        var bits: UInt8 = 0
        init(arrayLiteral families: Family...) { for f in families { bits |= 1 << UInt8(f.rawValue) } }
        func contains(_ f: Family) -> Bool { bits & (1 << UInt8(f.rawValue)) != 0 }
        func contains(where test: (Family) -> Bool) -> Bool {
            var b = bits, r = 0
            while b != 0 {
                if b & 1 != 0, test(Family(rawValue: r)!) { return true }
                b >>= 1; r += 1
            }
            return false
        }
    }

    static func scan(_ text: ScalarText, paragraph: Span, paragraphIndex: Int, english: Bool,
                     into out: inout [MarkedQuote]) {
        let sc = text.scalars
        var stack: [Open] = []
        // How many quotes of each family are open, one byte per family (at most `maxDepth` each):
        // `has` and `close` must not walk a deep stack per mark.
        var openCount: UInt64 = 0
        var i = paragraph.start
        let end = paragraph.end

        func isWord(_ k: Int) -> Bool {
            guard k >= paragraph.start, k < end else { return false }
            let s = sc[k]
            return s.isLetter || s.isDigit
        }
        func isSpaceOrEdge(_ k: Int) -> Bool {
            guard k >= paragraph.start, k < end else { return true }
            return sc[k].isSpaceLike
        }
        func open(_ f: Family, _ k: Int) {
            // Deeper than any real text nests: a flood of opening marks, not quotes in quotes. Each quote
            // runs to the end of the paragraph, so keeping them all would make the output quadratic.
            guard stack.count < maxDepth else { return }
            let parent = stack.last?.index
            out.append(MarkedQuote(openMark: k, closeMark: nil, content: Span(k + 1, k + 1),
                                   depth: stack.count + 1, parent: parent, paragraph: paragraphIndex))
            stack.append(Open(family: f, mark: k, index: out.count - 1))
            openCount += 1 << UInt64(8 * f.rawValue)
        }
        func has(_ f: Family) -> Bool { (openCount >> UInt64(8 * f.rawValue)) & 0xFF != 0 }
        /// Closes the innermost open quote of one of `families`; quotes opened inside it end here too.
        func close(_ families: FamilySet, _ k: Int) -> Bool {
            guard families.contains(where: { has($0) }),
                  let pos = stack.lastIndex(where: { families.contains($0.family) }) else { return false }
            while stack.count > pos {
                let o = stack.removeLast()
                openCount -= 1 << UInt64(8 * o.family.rawValue)
                out[o.index].closeMark = stack.count == pos ? k : nil
                out[o.index].content = text.trimmed(Span(o.mark + 1, k))
                if stack.count != pos { out[o.index].closeMark = nil }
            }
            return true
        }

        while i < end {
            // Every mark is `"`, `'` or from U+00AB on: most scalars (letters, spaces) are skipped here.
            i = sc.withUnsafeBufferPointer { b in
                var j = i
                while j < end {
                    let v = b[j].value
                    guard v < 0x22 || (v > 0x27 && v < 0xAB) else { break }
                    j += 1
                }
                return j
            }
            guard i < end else { break }
            let c = sc[i]
            switch c.value {
            case 0xAB: open(.guillemet, i)
            case 0xBB: _ = close([.guillemet], i)
            case 0x2039: open(.singleGuillemet, i)
            case 0x203A: _ = close([.singleGuillemet], i)
            case 0x201E: open(.low, i)
            case 0x201C:
                // “ closes „ (German style) and a quote opened with ” (reversed marks: ” mot “).
                if has(.low) { _ = close([.low], i) }
                else if has(.curlyReversed) { _ = close([.curlyReversed], i) }
                else { open(.curly, i) }
            case 0x201D:
                // ” closes “ or „, or a straight " left open (mixed marks); with nothing open, before a word, it opens.
                if !close([.curly, .low, .curlyReversed], i), !(has(.straight) && close([.straight], i)),
                   isSpaceOrEdge(i - 1), isWord(i + 1) || (isSpaceOrEdge(i + 1) && isWord(i + 2)) {
                    open(.curlyReversed, i)
                }
            case 0x22:
                if has(.straight) {
                    _ = close([.straight], i)
                } else if has(.curly), !isSpaceOrEdge(i - 1), !isWord(i + 1) {
                    _ = close([.curly], i)   // “ … " (mixed marks)
                } else if !(isSpaceOrEdge(i + 1) && !isSpaceOrEdge(i - 1)) && i + 1 < end {
                    open(.straight, i)
                }
            case 0x2018:
                if !isWord(i - 1), !isSpaceOrEdge(i + 1) { open(.curlySingle, i) }
            case 0x2019:
                if has(.curlySingle), !isSpaceOrEdge(i - 1), !isWord(i + 1) { _ = close([.curlySingle], i) }
            case 0x27 where english:
                if has(.straightSingle), !isSpaceOrEdge(i - 1), !isWord(i + 1) {
                    _ = close([.straightSingle], i)
                } else if !has(.straightSingle), i == paragraph.start || sc[i - 1].isSpaceLike
                            || sc[i - 1] == "\"" || sc[i - 1] == "\u{201C}", isWord(i + 1) {
                    open(.straightSingle, i)
                }
            default: break
            }
            i += 1
        }
        // Unclosed marks run to the end of the paragraph.
        while let o = stack.popLast() {
            out[o.index].content = text.trimmed(Span(o.mark + 1, end))
        }
    }
}
