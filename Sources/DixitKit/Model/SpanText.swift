/// An article's text, shared by reference between the quotes, entities and mentions
/// found in it, so that their `text` need not be a copy of the words they cover.
///
/// A corpus of 100,000 articles holds some 3.4 million of those values: as copies,
/// their strings would cost over half the size of the text itself.
final class SharedArticleText: Sendable {
    let text: ScalarText
    init(_ text: ScalarText) { self.text = text }
}

/// A string given explicitly, kept by a value that covers a span; also where a span
/// too large for 32-bit offsets is kept.
final class OwnedSpanString: Sendable {
    let value: String
    let largeSpan: Span?
    init(_ value: String, largeSpan: Span? = nil) {
        self.value = value
        self.largeSpan = largeSpan
    }
}

/// A span and the text it stands for, in 16 bytes: 32-bit offsets, and either a
/// reference to the article's shared text (the text is then `text[span]`, made on
/// demand) or an owned string.
///
/// Behaves as a plain pair (span, text): setting one never changes the other.
struct SpanText: Sendable {
    /// Offsets; both `UInt32.max` when the span is kept in the owned string instead.
    private var start: UInt32
    private var end: UInt32
    private var storage: Storage

    private enum Storage: Sendable {
        case shared(SharedArticleText)
        case owned(OwnedSpanString)
    }

    private static let large = UInt32.max

    init(span: Span, text: String) {
        if Self.fits(span) {
            start = UInt32(span.start); end = UInt32(span.end)
            storage = .owned(OwnedSpanString(text))
        } else {
            start = Self.large; end = Self.large
            storage = .owned(OwnedSpanString(text, largeSpan: span))
        }
    }

    /// The span's text in `shared`, made on demand; nil when the span is not within it.
    init?(span: Span, sharedIn shared: SharedArticleText) {
        guard Self.fits(span), span.end <= shared.text.count else { return nil }
        start = UInt32(span.start); end = UInt32(span.end)
        storage = .shared(shared)
    }

    private static func fits(_ span: Span) -> Bool {
        span.start >= 0 && span.end < Int(large)
    }

    var span: Span {
        get {
            if start == Self.large, case .owned(let o) = storage, let s = o.largeSpan { return s }
            return Span(Int(start), Int(end))
        }
        set {
            let kept = text
            self = SpanText(span: newValue, text: kept)
        }
    }

    var text: String {
        get {
            switch storage {
            case .shared(let s): return s.text[Span(Int(start), Int(end))]
            case .owned(let o): return o.value
            }
        }
        set {
            self = SpanText(span: span, text: newValue)
        }
    }

    /// Whether the text is read from the article's shared text rather than owned.
    var isShared: Bool {
        if case .shared = storage { return true }
        return false
    }

    /// The shared text read, if any.
    var sharedSource: SharedArticleText? {
        if case .shared(let s) = storage { return s }
        return nil
    }

    /// Bytes of heap the owned string takes beyond this value (0 when shared).
    var ownedBytes: Int {
        guard case .owned(let o) = storage else { return 0 }
        // The box, plus the string's own buffer when too long to be stored inline.
        return 32 + (o.value.utf8.count > 15 ? 32 + o.value.utf8.count + 1 : 0)
    }

    /// Reads the text from `shared` from now on when it is exactly the span's text
    /// there; otherwise keeps the owned string. Returns whether it is shared.
    ///
    /// A value already reading `replacing` (a text its caller has found equal to `shared`'s,
    /// e.g. the same words before compaction) reads `shared` instead, without comparing.
    @discardableResult
    mutating func share(_ shared: SharedArticleText, replacing old: SharedArticleText? = nil) -> Bool {
        if case .shared(let s) = storage, let old, s === old, Int(end) <= shared.text.count {
            storage = .shared(shared)
            return true
        }
        guard case .owned(let o) = storage, start != Self.large, Int(end) <= shared.text.count else { return isShared }
        guard Self.same(o.value, Int(start), Int(end), { shared.text[$0] }) else { return false }
        storage = .shared(shared)
        return true
    }

    /// `share`, comparing the owned string with `words` (the same scalars as `shared.text`,
    /// such as the article's text before compaction) read straight from memory.
    @discardableResult
    mutating func share(_ shared: SharedArticleText, comparingWith words: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard case .owned(let o) = storage, start != Self.large, words.count == shared.text.count,
              Int(end) <= words.count else { return isShared }
        guard Self.same(o.value, Int(start), Int(end), { words[$0] }) else { return false }
        storage = .shared(shared)
        return true
    }

    /// Whether `string` is the text of `lo..<hi` (`scalar(i)` the text's scalar at `i`),
    /// scalar for scalar, without making the span's string.
    @inline(__always)
    private static func same(_ string: String, _ lo: Int, _ hi: Int, _ scalar: (Int) -> Unicode.Scalar) -> Bool {
        var i = lo
        for s in string.unicodeScalars {
            guard i < hi, scalar(i) == s else { return false }
            i += 1
        }
        return i == hi
    }

    /// Whether two values have the same span and text (cheap when they share one text).
    func sameSpanAndText(_ other: SpanText) -> Bool {
        guard span == other.span else { return false }
        if case .shared(let a) = storage, case .shared(let b) = other.storage, a === b { return true }
        return text == other.text
    }
}
