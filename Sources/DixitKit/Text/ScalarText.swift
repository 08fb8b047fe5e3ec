/// An article's decoded text, indexed by Unicode scalar offset.
///
/// Offsets in the export are code-point offsets, so the analysis works on an
/// array of scalars: O(1) indexing, no `String.Index` arithmetic.
///
/// An array of scalars takes 4 bytes a scalar, four times the UTF-8 size of French or
/// English text. Once an article is analysed, `compacted()` keeps the same text in one
/// byte a scalar (ASCII, plus a palette of at most 128 other scalars, which covers
/// accented letters, curly quotes and dashes), else two (any text within the Basic
/// Multilingual Plane). `count`, `text[i]` and `text[span]` stay O(1) and O(length)
/// in every form; only `scalars` has to rebuild the array of a compacted text.
public struct ScalarText: Sendable, Hashable {
    private enum Storage: Sendable {
        case array([Unicode.Scalar])
        /// Bytes below 0x80 are ASCII; a byte b from 0x80 up stands for `palette[b - 0x80]`.
        case narrow([UInt8], palette: [Unicode.Scalar])
        /// UTF-16 code units, when no scalar lies beyond U+FFFF.
        case bmp([UInt16])
    }

    private var storage: Storage

    public init(_ string: String) { storage = .array(Array(string.unicodeScalars)) }
    public init(scalars: [Unicode.Scalar]) { storage = .array(scalars) }

    /// The scalars as an array: free for a text made from scalars or a string, a copy
    /// (O(n)) for a compacted one. In loops over a compacted text, use `text[i]`.
    public var scalars: [Unicode.Scalar] {
        switch storage {
        case .array(let a): return a
        case .narrow(let bytes, let palette):
            return bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : palette[Int($0) - 0x80] }
        case .bmp(let units): return units.map { Unicode.Scalar(UInt32($0))! }
        }
    }

    public var count: Int {
        switch storage {
        case .array(let a): return a.count
        case .narrow(let b, _): return b.count
        case .bmp(let u): return u.count
        }
    }

    public var isEmpty: Bool { count == 0 }
    public var string: String { self[Span(0, count)] }

    /// Whether the text is held in one of the compact forms.
    public var isCompact: Bool {
        if case .array = storage { return false }
        return true
    }

    public subscript(offset: Int) -> Unicode.Scalar {
        switch storage {
        case .array(let a): return a[offset]
        case .narrow(let bytes, let palette):
            let b = bytes[offset]
            return b < 0x80 ? Unicode.Scalar(b) : palette[Int(b) - 0x80]
        case .bmp(let units): return Unicode.Scalar(UInt32(units[offset]))!
        }
    }

    /// The text of a span, clamped to the text's bounds.
    public subscript(span: Span) -> String {
        let lo = max(0, min(span.start, count)), hi = max(lo, min(span.end, count))
        switch storage {
        case .array(let a):
            return a.withUnsafeBufferPointer { sc in Self.utf8String(count: hi - lo) { sc[lo + $0] } }
        case .narrow(let bytes, let palette):
            return bytes.withUnsafeBufferPointer { buf in
                let slice = UnsafeBufferPointer(rebasing: buf[lo..<hi])
                if !slice.contains(where: { $0 >= 0x80 }) { return String(decoding: slice, as: UTF8.self) }
                return Self.utf8String(count: slice.count) { k in
                    let b = slice[k]
                    return b < 0x80 ? Unicode.Scalar(b) : palette[Int(b) - 0x80]
                }
            }
        case .bmp(let units):
            return units.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF16.self) }
        }
    }

    public subscript(range: Range<Int>) -> String { self[Span(range)] }

    /// The string of `scalars[range]` (clamped to the array), encoded in one pass.
    public static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count)), hi = max(lo, min(range.upperBound, scalars.count))
        return scalars.withUnsafeBufferPointer { sc in utf8String(count: hi - lo) { sc[lo + $0] } }
    }

    /// A string of `count` scalars, encoded straight into the string's UTF-8 storage:
    /// several times faster than appending scalars to a String.UnicodeScalarView.
    @inline(__always)
    private static func utf8String(count: Int, _ scalar: (Int) -> Unicode.Scalar) -> String {
        // A string asked for with room for at most 15 bytes is made in place (no allocation, and
        // no validation when ASCII): a short one (most names) is asked for with its exact length.
        var capacity = count * 4
        if count <= 15 {
            capacity = 0
            for k in 0..<count {
                let v = scalar(k).value
                capacity += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            }
        }
        return String(unsafeUninitializedCapacity: capacity) { buf in
            var n = 0
            for k in 0..<count {
                let v = scalar(k).value
                if v < 0x80 {
                    buf[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buf[n] = UInt8(0xC0 | (v >> 6)); buf[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                } else if v < 0x10000 {
                    buf[n] = UInt8(0xE0 | (v >> 12)); buf[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buf[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                } else {
                    buf[n] = UInt8(0xF0 | (v >> 18)); buf[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buf[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buf[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }

    /// The scalar at `offset`, or nil outside the text.
    public func at(_ offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < count ? self[offset] : nil
    }

    /// The span with white space (including no-break spaces and BOM) removed at both ends.
    public func trimmed(_ span: Span) -> Span {
        var s = span.start, e = span.end
        while s < e, self[s].isSpaceLike { s += 1 }
        while e > s, self[e - 1].isSpaceLike { e -= 1 }
        return Span(s, e)
    }

    /// The same text in the smallest form that keeps O(1) indexing (see the type's comment).
    public func compacted() -> ScalarText {
        guard case .array(let a) = storage else { return self }
        var builder = PaletteBuilder()
        var bytes = [UInt8](repeating: 0, count: a.count)
        var fits = true
        var bmp = true
        for (i, s) in a.enumerated() {
            let v = s.value
            if v < 0x80 { bytes[i] = UInt8(v); continue }
            if v > 0xFFFF { bmp = false }
            guard let c = builder.code(s) else { fits = false; break }
            bytes[i] = c
        }
        var out = self
        if fits {
            out.storage = .narrow(bytes, palette: builder.palette)
        } else if bmp && !a.contains(where: { $0.value > 0xFFFF }) {
            out.storage = .bmp(a.map { UInt16($0.value) })
        }
        return out
    }

    /// The compact text of well-formed UTF-8 `bytes`, decoded in one pass, or nil when
    /// `TextDecoder` would do more than plain UTF-8 decoding (a NUL byte, a UTF-16 BOM,
    /// an ill-formed sequence) or the text needs a wider form. Equal to
    /// `TextDecoder.decode(bytes).text.compacted()` whenever it is not nil.
    public static func compactUTF8(_ bytes: [UInt8]) -> ScalarText? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var builder = PaletteBuilder()
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 == 0 { return nil }
                out.append(b0); i += 1; continue
            }
            guard let (scalar, len) = TextDecoder.decodeSequence(bytes, at: i) else { return nil }
            i += len
            guard let c = builder.code(scalar) else { return nil }
            out.append(c)
        }
        return ScalarText(storage: .narrow(out, palette: builder.palette))
    }

    private init(storage: Storage) { self.storage = storage }

    /// Codes 0x80… for the non-ASCII scalars of one text, in order of appearance. A
    /// direct-mapped table answers most look-ups without hashing.
    private struct PaletteBuilder {
        var palette: [Unicode.Scalar] = []
        private var codes: [UInt32: UInt8] = [:]
        private var recent = [UInt8](repeating: 0, count: 1024)

        /// The code of `s`, or nil when the palette is full.
        @inline(__always)
        mutating func code(_ s: Unicode.Scalar) -> UInt8? {
            let v = s.value
            let slot = Int(v & 0x3FF)
            let r = recent[slot]
            if r != 0, palette[Int(r) - 0x80].value == v { return r }
            if let c = codes[v] { recent[slot] = c; return c }
            guard palette.count < 128 else { return nil }
            let c = UInt8(0x80 + palette.count)
            codes[v] = c
            palette.append(s)
            recent[slot] = c
            return c
        }
    }

    /// Approximate bytes held for the text.
    public var storageBytes: Int {
        switch storage {
        case .array(let a): return a.count * 4
        case .narrow(let b, let p): return b.count + p.count * 4
        case .bmp(let u): return u.count * 2
        }
    }

    public static func == (a: ScalarText, b: ScalarText) -> Bool {
        if case .array(let x) = a.storage, case .array(let y) = b.storage { return x == y }
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for i in 0..<count { hasher.combine(self[i].value) }
    }
}

extension Unicode.Scalar {
    /// White space, no-break spaces, zero-width characters and the BOM.
    public var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Line breaks: LF, CR, and the Unicode line and paragraph separators.
    public var isLineBreak: Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 || value == 0x85
    }

    /// Alphabetic (Unicode property), answered from a table below U+0250.
    @inline(__always)
    public var isLetter: Bool {
        value < 0x250 ? ScalarClasses.table[Int(value)] & ScalarClasses.alphabetic != 0 : properties.isAlphabetic
    }
    /// Uppercase (Unicode property), answered from a table below U+0250.
    @inline(__always)
    public var isUppercaseLetter: Bool {
        value < 0x250 ? ScalarClasses.table[Int(value)] & ScalarClasses.uppercase != 0 : properties.isUppercase
    }
    /// Lowercase (Unicode property), answered from a table below U+0250.
    @inline(__always)
    public var isLowercaseLetter: Bool {
        value < 0x250 ? ScalarClasses.table[Int(value)] & ScalarClasses.lowercase != 0 : properties.isLowercase
    }
    public var isDigit: Bool { value >= 0x30 && value <= 0x39 }
}

/// The Unicode properties the analysis asks of every scalar, computed once for the Latin
/// scripts (U+0000…U+024F): a table read instead of the Unicode database in hot loops.
enum ScalarClasses {
    static let alphabetic: UInt8 = 1, uppercase: UInt8 = 2, lowercase: UInt8 = 4
    /// Numeric or a combining mark: a word scalar for the tokenizer.
    static let wordExtra: UInt8 = 8
    /// `isSpaceLike` (the tokenizer skips these).
    static let space: UInt8 = 16
    /// `Tokenizer.isHyphen` or `Tokenizer.isApostrophe`: may join a word's parts.
    static let joiner: UInt8 = 32

    static let table: [UInt8] = (0..<0x250).map { v in
        let p = Unicode.Scalar(UInt32(v))!.properties
        var f: UInt8 = 0
        if p.isAlphabetic { f |= alphabetic }
        if p.isUppercase { f |= uppercase }
        if p.isLowercase { f |= lowercase }
        if p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark { f |= wordExtra }
        let s = Unicode.Scalar(UInt32(v))!
        if s.isSpaceLike { f |= space }
        if Tokenizer.isHyphen(s) || Tokenizer.isApostrophe(s) { f |= joiner }
        return f
    }
}
