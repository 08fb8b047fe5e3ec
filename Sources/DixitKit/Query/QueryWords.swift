/// Splits text into the words the corpus index keeps: the runs between spaces of
/// its normalised form (`QueryText.normalize`), folded as they go, straight from the
/// scalars into one reused byte buffer: the same words as
/// `QueryText.normalize(s).split(separator: " ")` without the normalised copy.
struct QueryWords {
    private var word: [UInt8] = []
    /// Folded UTF-8 of one scalar outside ASCII.
    private var folded: [UInt8] = []

    init() {
        word.reserveCapacity(64)
        folded.reserveCapacity(16)
    }

    /// Calls `body` with each word of the `count` scalars `scalar(0)…`, in order
    /// (repeats included), as folded UTF-8.
    @inline(__always)
    mutating func forEachWord(count: Int, scalar: (Int) -> Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        word.removeAll(keepingCapacity: true)
        for i in 0..<count {
            let v = scalar(i).value
            if v < 0x80 {
                // ASCII: the separators of `normalize` are space, tab and the line breaks.
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    flush(body)
                } else {
                    word.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
                }
                continue
            }
            // Elsewhere the folded form decides: it may hold a separator (a no-break
            // space stays one) or several scalars.
            folded.removeAll(keepingCapacity: true)
            TextFolding.append(Unicode.Scalar(v)!, to: &folded)
            var k = 0
            while k < folded.count {
                let lead = folded[k]
                let n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(folded.count, k + n)
                if Self.isSeparator(folded, k, n) {
                    flush(body)
                } else {
                    word.append(contentsOf: folded[k..<end])
                }
                k = end
            }
        }
        flush(body)
    }

    /// The words of a string.
    mutating func forEachWord(of s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let scalars = Array(s.unicodeScalars)
        forEachWord(count: scalars.count, scalar: { scalars[$0] }, body)
    }

    /// The words of a text.
    mutating func forEachWord(of text: ScalarText, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachWord(count: text.count, scalar: { text[$0] }, body)
    }

    @inline(__always)
    private mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !word.isEmpty else { return }
        word.withUnsafeBufferPointer(body)
        word.removeAll(keepingCapacity: true)
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
