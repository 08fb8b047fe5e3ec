/// Turns a file's bytes into text, tolerating what real article files contain.
public enum TextDecoder {
    public struct Result: Sendable {
        public var text: ScalarText
        public var encoding: SourceEncoding
        public var warning: String?
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The file holds NUL bytes outside a UTF-16 text: a binary file.
        case binary
    }

    /// Decodes UTF-8 (a BOM is kept as U+FEFF, as Python's `utf-8` codec does, so
    /// offsets agree), UTF-16 with a BOM, Windows-1252 when the bytes are not
    /// UTF-8 and read plausibly as it, else UTF-8 with U+FFFD for bad bytes.
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> Result {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return decodeUTF16(bytes, bigEndian: false) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return decodeUTF16(bytes, bigEndian: true) }
        }
        if bytes.contains(0) { throw .binary }
        var invalid = 0
        var validMultibyte = 0
        let n = bytes.count
        // Written in place (never more scalars than bytes): no capacity check per scalar.
        let scalars = bytes.withUnsafeBufferPointer { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                var i = 0, o = 0
                while i < n {
                    let b0 = b[i]
                    if b0 < 0x80 { (out.baseAddress! + o).initialize(to: Unicode.Scalar(b0)); o += 1; i += 1; continue }
                    if let (scalar, len) = decodeSequence(bytes, at: i) {
                        (out.baseAddress! + o).initialize(to: scalar)
                        validMultibyte += 1
                        i += len
                    } else {
                        (out.baseAddress! + o).initialize(to: "\u{FFFD}")
                        invalid += 1
                        i += 1
                    }
                    o += 1
                }
                count = o
            }
        }
        if invalid == 0 { return Result(text: ScalarText(scalars: scalars), encoding: .utf8, warning: nil) }
        if validMultibyte == 0, isPlausibleWindows1252(bytes) {
            return Result(text: ScalarText(scalars: bytes.map(windows1252)), encoding: .windows1252,
                          warning: "not valid UTF-8; decoded as Windows-1252")
        }
        return Result(text: ScalarText(scalars: scalars), encoding: .utf8WithReplacements,
                      warning: "not valid UTF-8: \(invalid) bad byte\(invalid == 1 ? "" : "s") replaced by U+FFFD")
    }

    /// One well-formed UTF-8 sequence of 2 to 4 bytes at `i` (no overlongs, no surrogates).
    static func decodeSequence(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = b[i]
        func cont(_ k: Int) -> UInt32? {
            guard i + k < b.count, b[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return nil }
            return (Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1)!, 2)
        case 0xE0...0xEF:
            guard let c1 = cont(1), let c2 = cont(2) else { return nil }
            let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            guard v >= 0x800, let s = Unicode.Scalar(v) else { return nil }
            return (s, 3)
        case 0xF0...0xF4:
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
            let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            guard v >= 0x10000, v <= 0x10FFFF, let s = Unicode.Scalar(v) else { return nil }
            return (s, 4)
        default:
            return nil
        }
    }

    /// Windows-1252 leaves five bytes undefined, and its text rarely holds C1-range
    /// punctuation without letters; accented letters should dominate the high bytes.
    static func isPlausibleWindows1252(_ bytes: [UInt8]) -> Bool {
        var high = 0, letters = 0
        for b in bytes where b >= 0x80 {
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { return false }
            high += 1
            if b >= 0xC0 || b == 0x8A || b == 0x8C || b == 0x8E || b == 0x9A || b == 0x9C || b == 0x9E || b == 0x9F {
                letters += 1
            } else if (0x91...0x97).contains(b) || b == 0x85 || b == 0xAB || b == 0xBB || b == 0xA0 || b == 0x80 {
                letters += 1 // curly quotes, dashes, ellipsis, « », no-break space, euro
            }
        }
        return high > 0 && letters * 10 >= high * 7
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b < 0xA0 { return Unicode.Scalar(cp1252High[Int(b - 0x80)])! }
        return Unicode.Scalar(b)
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Result {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var bad = bytes.count % 2
        var it = units.makeIterator()
        var codec = UTF16()
        loop: while true {
            switch codec.decode(&it) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: scalars.append("\u{FFFD}"); bad += 1
            }
        }
        let enc: SourceEncoding = bigEndian ? .utf16BE : .utf16LE
        let warning = "decoded as UTF-16" + (bigEndian ? "BE" : "LE") + (bad > 0 ? " with \(bad) bad unit(s) replaced by U+FFFD" : "")
            + "; offsets are into the decoded text (without the BOM)"
        return Result(text: ScalarText(scalars: scalars), encoding: enc, warning: warning)
    }
}
