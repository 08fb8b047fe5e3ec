import Foundation

/// Case- and accent-insensitive comparison keys (`États-Unis` → `etats-unis`).
public enum TextFolding {
    /// Lowercased, diacritics removed, ligatures expanded, curly apostrophes made straight.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars {
            switch ch.value {
            case 0x2019, 0x2018, 0x02BC: out.append("'")
            case 0x0153: out.append("o"); out.append("e")   // œ
            case 0x0152: out.append("o"); out.append("e")   // Œ
            case 0x00E6, 0x00C6: out.append("a"); out.append("e")
            case 0x00DF: out.append("s"); out.append("s")
            default:
                if ch.value < 0x80 {
                    out.append(ch.value >= 0x41 && ch.value <= 0x5A ? Unicode.Scalar(ch.value + 32)! : ch)
                } else {
                    let base = String(ch).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                    out.append(contentsOf: base.unicodeScalars)
                }
            }
        }
        return String(out)
    }
}
