/// Splits text into the words the corpus index keeps: the runs between spaces of
/// its normalised form (`QueryText.normalize`), folded as they go, straight from the
/// scalars into one reused byte buffer: the same words as
/// `QueryText.normalize(s).split(separator: " ")` without the normalised copy.
///
/// A class over raw buffers: this loop runs over every scalar of a corpus, and
/// array appends (uniqueness and capacity checks) cost more than the folding.
final class QueryWords {
    /// Folded bytes: the words one after the other, or the normalised text.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var length = 0
    /// Word `k` ends at `ends[k]` in `bytes`.
    private var ends: UnsafeMutablePointer<Int32>
    private var endsCapacity: Int
    private var wordCount = 0
    /// Folded UTF-8 of one scalar outside ASCII.
    private var folded: [UInt8] = []

    init() {
        capacity = 1 << 14
        bytes = .allocate(capacity: capacity)
        endsCapacity = 1 << 12
        ends = .allocate(capacity: endsCapacity)
        folded.reserveCapacity(32)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    private func grow(_ needed: Int) {
        var c = capacity
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: bytes, count: length)
        bytes.deallocate()
        bytes = b
        capacity = c
    }

    private func growEnds() {
        let c = endsCapacity * 2
        let e = UnsafeMutablePointer<Int32>.allocate(capacity: c)
        e.update(from: ends, count: wordCount)
        ends.deallocate()
        ends = e
        endsCapacity = c
    }

    /// Collects the words of `scalars` (repeats included), for `forEachCollected`.
    func collectWords(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        fold(scalars, splitting: true)
    }

    /// Calls `body` with each collected word, as folded UTF-8.
    @inline(__always)
    func forEachCollected(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        for k in 0..<wordCount {
            let end = Int(ends[k])
            body(UnsafeBufferPointer(start: bytes + start, count: end - start))
            start = end
        }
    }

    /// Calls `body` with each word of `scalars`, in order.
    @inline(__always)
    func forEachWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        fold(scalars, splitting: true)
        forEachCollected(body)
    }

    /// The words of a string.
    func forEachWord(of s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let scalars = Array(s.unicodeScalars)
        scalars.withUnsafeBufferPointer { forEachWord($0, body) }
    }

    /// The words of a text.
    func forEachWord(of text: ScalarText, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let scalars = text.scalars
        scalars.withUnsafeBufferPointer { forEachWord($0, body) }
    }

    /// The normalised form (`QueryText.normalize`: folded, each run of spaces one
    /// space) of `scalars`, as UTF-8 handed to `body`.
    @inline(__always)
    func normalized<R>(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        fold(scalars, splitting: false)
        return body(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// Folds `scalars` into `bytes`. Splitting, the separators (the scalars of the folded
    /// text that `normalize` makes spaces) end words, recorded in `ends`; otherwise each
    /// run of them is written as one space (the normalised text).
    private func fold(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, splitting: Bool) {
        if capacity < scalars.count * 4 + 64 { grow(scalars.count * 4 + 64) }
        // Locals in the loop (the class's fields written back at the end).
        var out = bytes
        var n = 0
        var words = 0
        var wordStart = 0
        var lastSpace = false
        @inline(__always) func separator() {
            if splitting {
                if n > wordStart {
                    if words == endsCapacity { wordCount = words; growEnds() }
                    ends[words] = Int32(n)
                    words += 1
                    wordStart = n
                }
            } else if !lastSpace {
                out[n] = 0x20
                n += 1
                lastSpace = true
            }
        }
        for u in scalars {
            let v = u.value
            if v < 0x80 {
                // ASCII: the separators of `normalize` are space, tab and the line breaks.
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    separator()
                } else {
                    out[n] = UInt8(truncatingIfNeeded: v >= 0x41 && v <= 0x5A ? v + 32 : v)
                    n += 1
                    lastSpace = false
                }
                continue
            }
            // Elsewhere the folded form decides: it may hold a separator (a no-break
            // space stays one) or several scalars.
            folded.removeAll(keepingCapacity: true)
            TextFolding.append(u, to: &folded)
            if n + folded.count + 1 > capacity {
                length = n
                grow(n + folded.count + scalars.count * 4 + 64)
                out = bytes
            }
            var k = 0
            while k < folded.count {
                let lead = folded[k]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(folded.count, k + width)
                if Self.isSeparator(folded, k, width) {
                    separator()
                } else {
                    for j in k..<end { out[n] = folded[j]; n += 1 }
                    lastSpace = false
                }
                k = end
            }
        }
        if splitting && n > wordStart {
            if words == endsCapacity { wordCount = words; growEnds() }
            ends[words] = Int32(n)
            words += 1
        }
        length = n
        wordCount = words
    }

    /// Whether the UTF-8 scalar at `bytes[k..<k+n]` separates words in `normalize`.
    private static func isSeparator(_ bytes: [UInt8], _ k: Int, _ n: Int) -> Bool {
        guard k + n <= bytes.count else { return false }
        var v: UInt32
        switch n {
        case 1: v = UInt32(bytes[k])
        case 2: v = UInt32(bytes[k] & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
        case 3: v = UInt32(bytes[k] & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
        default:
            v = UInt32(bytes[k] & 0x07) << 18 | UInt32(bytes[k + 1] & 0x3F) << 12
                | UInt32(bytes[k + 2] & 0x3F) << 6 | UInt32(bytes[k + 3] & 0x3F)
        }
        guard let u = Unicode.Scalar(v) else { return false }
        return u.isSpaceLike || u.isLineBreak
    }
}
