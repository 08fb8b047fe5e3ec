/// Fast case- and accent-folding of a run of scalars, for lexicon lookups in hot loops.
/// Agrees with `TextFolding.fold` on Latin letters and falls back to it for the rest.
enum QuoteFolding {
    static func fold(_ sc: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var out = String.UnicodeScalarView()
        var i = start
        while i < end {
            let c = sc[i]
            let v = c.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : c)
            } else if let base = latin(v) {
                out.append(base)
            } else {
                switch v {
                case 0x2019, 0x2018, 0x02BC: out.append("'")
                case 0x0153, 0x0152: out.append("o"); out.append("e")
                case 0x00E6, 0x00C6: out.append("a"); out.append("e")
                case 0x00DF: out.append("s"); out.append("s")
                case 0x2010, 0x2011: out.append("-")
                default: out.append(contentsOf: TextFolding.fold(String(c)).unicodeScalars)
                }
            }
            i += 1
        }
        return String(out)
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
