/// An article's decoded text, indexed by Unicode scalar offset.
///
/// Offsets in the export are code-point offsets, so the analysis works on an
/// array of scalars: O(1) indexing, no `String.Index` arithmetic.
public struct ScalarText: Sendable, Hashable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) { self.scalars = Array(string.unicodeScalars) }
    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    public var string: String { self[Span(0, count)] }

    public subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of a span, clamped to the text's bounds.
    public subscript(span: Span) -> String {
        let lo = max(0, min(span.start, count)), hi = max(lo, min(span.end, count))
        // Encode straight into the string's UTF-8 storage: several times faster
        // than appending scalars to a String.UnicodeScalarView.
        return scalars.withUnsafeBufferPointer { sc in
            String(unsafeUninitializedCapacity: (hi - lo) * 4) { buf in
                var n = 0
                for i in lo..<hi {
                    let v = sc[i].value
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
    }

    public subscript(range: Range<Int>) -> String { self[Span(range)] }

    /// The scalar at `offset`, or nil outside the text.
    public func at(_ offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < count ? scalars[offset] : nil
    }

    /// The span with white space (including no-break spaces and BOM) removed at both ends.
    public func trimmed(_ span: Span) -> Span {
        var s = span.start, e = span.end
        while s < e, scalars[s].isSpaceLike { s += 1 }
        while e > s, scalars[e - 1].isSpaceLike { e -= 1 }
        return Span(s, e)
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

    public var isLetter: Bool { properties.isAlphabetic }
    public var isUppercaseLetter: Bool { properties.isUppercase }
    public var isLowercaseLetter: Bool { properties.isLowercase }
    public var isDigit: Bool { value >= 0x30 && value <= 0x39 }
}
