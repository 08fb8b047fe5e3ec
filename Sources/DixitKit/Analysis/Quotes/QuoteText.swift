/// Fast extraction of text from scalar spans (the generic `ScalarText` subscript appends
/// scalar by scalar, which dominates extraction time on large inputs).
enum QuoteText {
    static func string(_ text: ScalarText, _ span: Span) -> String {
        let sc = text.scalars
        let lo = max(0, min(span.start, sc.count)), hi = max(lo, min(span.end, sc.count))
        var bytes: [UInt8] = []
        bytes.reserveCapacity((hi - lo) * 2)
        for i in lo..<hi {
            let v = sc[i].value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
