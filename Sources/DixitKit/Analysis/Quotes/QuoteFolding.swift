/// Fast case- and accent-folding of a run of scalars, for lexicon lookups in hot loops.
/// Agrees with `TextFolding.fold` on Latin letters and falls back to it for the rest.
enum QuoteFolding {
    static func fold(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var buffer: [UInt8] = []
        return fold(sc, start, end, buffer: &buffer)
    }

    /// One-character strings for ASCII, folded (most punctuation tokens and one-letter words).
    private static let ascii: [String] = (0..<128).map { v in
        String(Unicode.Scalar(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)))
    }

    /// Folds `sc[start..<end]`, reusing `buffer` for the UTF-8 bytes.
    static func fold(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int, buffer: inout [UInt8]) -> String {
        if end - start == 1, sc[start].value < 0x80 { return ascii[Int(sc[start].value)] }
        foldBytes(sc, start, end, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Folds `sc[start..<end]` into `out` when every scalar folds to one ASCII byte (ASCII, the
    /// accented letters of `latin`, apostrophes, hyphens), as `foldBytes` would; returns the
    /// byte count, or nil for a token too long or with another scalar (then use `foldBytes`).
    @inline(__always)
    static func foldToBytes(_ sc: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int,
                            into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let n = end - start
        guard n <= out.count else { return nil }
        var i = 0
        while i < n {
            let v = sc[start + i].value
            if v < 0x80 {
                out[i] = UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            } else if let base = latin(v) {
                out[i] = UInt8(base.value)
            } else {
                switch v {
                case 0x2019, 0x2018, 0x02BC: out[i] = 0x27
                case 0x2010, 0x2011: out[i] = 0x2D
                default: return nil
                }
            }
            i += 1
        }
        return n
    }

    /// The one ASCII byte scalar `v` folds to (as `foldToBytes` folds it), or nil when it folds to
    /// something else.
    @inline(__always)
    static func asciiFold(_ v: UInt32) -> UInt8? {
        if v < 0x80 { return UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v) }
        if let base = latin(v) { return UInt8(base.value) }
        switch v {
        case 0x2019, 0x2018, 0x02BC: return 0x27
        case 0x2010, 0x2011: return 0x2D
        default: return nil
        }
    }

    /// The UTF-8 bytes of the folded `sc[start..<end]`, in `buffer` (emptied first).
    static func foldBytes(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let v = sc[i].value
            if v < 0x80 {
                buffer.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
            } else if let base = latin(v) {
                buffer.append(UInt8(base.value))
            } else {
                switch v {
                case 0x2019, 0x2018, 0x02BC: buffer.append(0x27)
                case 0x0153, 0x0152: buffer.append(0x6F); buffer.append(0x65)
                case 0x00E6, 0x00C6: buffer.append(0x61); buffer.append(0x65)
                case 0x00DF: buffer.append(0x73); buffer.append(0x73)
                case 0x2010, 0x2011: buffer.append(0x2D)
                case 0x0300...0x036F: break   // combining diacritics (NFD text), as TextFolding
                default:
                    let c = sc[i]
                    if c.isLetter {
                        buffer.append(contentsOf: TextFolding.fold(String(c)).utf8)
                    } else {
                        buffer.append(contentsOf: String(c).utf8)   // punctuation folds to itself
                    }
                }
            }
            i += 1
        }
    }

    /// The fold of a punctuation scalar (what `fold` makes of it alone).
    @inline(__always)
    static func foldedPunctuation(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2019, 0x2018, 0x02BC: return "'"
        case 0x2010, 0x2011: return "-"
        default: return s
        }
    }

    /// Base letter of the common accented Latin-1 and Latin Extended-A letters.
    @inline(__always)
    static func latin(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return "a"
        case 0xC7, 0xE7: return "c"
        case 0xC8...0xCB, 0xE8...0xEB: return "e"
        case 0xCC...0xCF, 0xEC...0xEF: return "i"
        case 0xD1, 0xF1: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return "o"
        case 0xD9...0xDC, 0xF9...0xFC: return "u"
        case 0xDD, 0xFD, 0xFF: return "y"
        default: return nil
        }
    }
}
