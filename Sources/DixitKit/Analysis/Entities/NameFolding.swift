import Foundation

/// Fast case- and accent-insensitive keys for words and names, the same fold as
/// `TextFolding.fold` (and as `scripts/make-entity-lexicons.py`), but working
/// straight on scalar ranges: ASCII and Latin letters go through a table, only
/// other scripts fall back to Foundation.
enum NameFolding {
    /// Folded forms of U+00C0…U+024F as UTF-8, computed once.
    private static let latinTable: [[UInt8]] = (0xC0...0x24F).map { v in
        guard let s = Unicode.Scalar(UInt32(v)) else { return [] }
        return Array(TextFolding.fold(String(s)).utf8)
    }

    /// Appends the folded UTF-8 of one scalar to `out`.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
        } else if v >= 0xC0 && v <= 0x24F {
            out.append(contentsOf: latinTable[Int(v) - 0xC0])
        } else if v == 0x2019 || v == 0x2018 || v == 0x02BC {
            out.append(0x27)  // curly apostrophes fold to '
        } else if v == 0x2010 || v == 0x2011 {
            out.append(contentsOf: Array(String(s).utf8))  // hyphens stay as they are
        } else {
            out.append(contentsOf: TextFolding.fold(String(s)).utf8)
        }
    }

    /// The table of `append`, for loops that fold many scalars (`TokenView`): read through a
    /// pointer, the lazy global is not checked at every scalar.
    static var latinFolds: [[UInt8]] { latinTable }

    /// `append`, with `latinFolds` passed in.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8], latin: UnsafeBufferPointer<[UInt8]>) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
        } else if v >= 0xC0 && v <= 0x24F {
            out.append(contentsOf: latin[Int(v) - 0xC0])
        } else {
            append(s, to: &out)
        }
    }

    /// `append`, with the folds of scalars beyond the Latin table kept in `cache` (those go
    /// through Foundation, slow: a text of emoji or replacement characters repeats a few).
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8], latin: UnsafeBufferPointer<[UInt8]>,
                       cache: inout [UInt32: [UInt8]]) {
        let v = s.value
        if v < 0x80 || v >= 0xC0 && v <= 0x24F {
            append(s, to: &out, latin: latin)
        } else if let f = cache[v] {
            out.append(contentsOf: f)
        } else {
            var f: [UInt8] = []
            append(s, to: &f)
            cache[v] = f
            out.append(contentsOf: f)
        }
    }

    /// The longest folded form in `latinFolds` and `fastFolds`, in bytes.
    static let longestLatinFold = (latinTable + fastTable).map(\.count).max() ?? 1

    /// What `append` makes of U+0080…U+024F (`«`, `»`, Latin letters) and of U+2000…U+206F
    /// (curly apostrophes and quotes, dashes, `…`), one after the other (see `fastFoldIndex`):
    /// the punctuation of news text (`l’`, `« »`, `—`) is folded through it too, without a
    /// string or a cache look-up per token.
    private static let fastTable: [[UInt8]] = (Array(0x80..<0x250) + Array(0x2000..<0x2070)).map { v in
        var out: [UInt8] = []
        if let s = Unicode.Scalar(UInt32(v)) { append(s, to: &out) }
        return out
    }

    /// `fastTable`, for `foldFast`.
    static var fastFolds: [[UInt8]] { fastTable }

    /// Index in `fastFolds` of scalar value `v`, or nil when outside it.
    @inline(__always)
    static func fastFoldIndex(_ v: UInt32) -> Int? {
        if v >= 0x80 && v < 0x250 { return Int(v) - 0x80 }
        if v >= 0x2000 && v < 0x2070 { return Int(v) - 0x2000 + (0x250 - 0x80) }
        return nil
    }

    /// Writes the folded UTF-8 of `scalars[range]` at `out` (room for `range.count *
    /// longestLatinFold` bytes) and returns its length, every scalar folded through
    /// `fastFolds` (`fast`); nil (bytes written meanwhile are garbage) for a token holding a
    /// scalar outside ASCII, U+0080…U+024F, U+02BC and U+2000…U+206F.
    @inline(__always)
    static func foldFast(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
                         into out: UnsafeMutablePointer<UInt8>, fast: UnsafeBufferPointer<[UInt8]>) -> Int? {
        var n = 0
        for k in range {
            let v = scalars[k].value
            if v < 0x80 {
                out[n] = UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                n += 1
            } else if let index = fastFoldIndex(v) {
                fast[index].withUnsafeBufferPointer { f in
                    for b in f { out[n] = b; n += 1 }
                }
            } else if v == 0x02BC {
                out[n] = 0x27  // as `append`: the modifier apostrophe folds to '
                n += 1
            } else {
                return nil
            }
        }
        return n
    }

    /// The folded key of `scalars[range]`.
    static func fold(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count + 4)
        for i in range { append(scalars[i], to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded key of a string.
    static func fold(_ s: String) -> String {
        var out: [UInt8] = []
        for c in s.unicodeScalars { append(c, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
