/// The cached part of an analysed article, as compact bytes: its structure (encoding,
/// language, title, date, byline, paragraphs, warnings), entities and quotes.
///
/// Not the text (re-read from the file, which a reader needs anyway) nor the path
/// (the user's spelling of it may differ from run to run). Strings go through a
/// per-article table, so the ten mentions of one name are stored and decoded once.
/// A quote's, entity's or mention's text that is just its span's words (nearly all
/// of them) is not stored: the decoded value reads it from the article's text (see
/// `SpanText`). Decoding validates every offset against the text: a damaged record
/// is a miss, never a wrong answer.
public enum AnalysisRecord {
    /// Bumped whenever the byte layout below changes.
    public static let layoutVersion: UInt8 = 2

    public struct DecodingError: Error, Sendable {}

    // MARK: Encoding

    /// The record of `analysed` (its path and text left out).
    public static func encode(_ analysed: AnalyzedArticle) -> [UInt8] {
        var body = ByteWriter()
        var strings = StringTable()
        let a = analysed.article
        let shared = SharedArticleText(a.text)
        /// 0 for a text that is its span's words, else 1 + its index in the table.
        func spanText(_ isSpanText: Bool, _ text: @autoclosure () -> String) -> Int {
            isSpanText ? 0 : strings.index(text()) + 1
        }
        func mention(_ m: Mention?) {
            guard let m else { body.byte(0); return }
            body.byte(1)
            body.span(m.span)
            body.varint(spanText(m.textIsShared, m.text))
        }
        body.varint(a.text.count)
        body.code(a.encoding)
        body.varint(strings.index(a.language))
        body.optionalSpan(a.title)
        body.optionalSpan(a.byline)
        if let d = a.date {
            body.byte(1)
            body.varint(d.year)
            for part in [d.month, d.day, d.hour, d.minute] { body.varint(part.map { $0 + 1 } ?? 0) }
        } else {
            body.byte(0)
        }
        body.varint(a.paragraphs.count)
        for p in a.paragraphs {
            body.span(p.span)
            body.code(p.role)
        }
        body.varint(a.warnings.count)
        for w in a.warnings { body.varint(strings.index(w)) }
        body.varint(analysed.entities.count)
        for var e in analysed.entities {
            body.span(e.span)
            e.shareText(shared)
            body.varint(spanText(e.textIsShared, e.text))
            body.code(e.type)
            body.varint(strings.index(e.canonical))
        }
        body.varint(analysed.quotes.count)
        for var q in analysed.quotes {
            body.span(q.span)
            q.shareText(shared)
            body.varint(spanText(q.textIsShared, q.text))
            body.code(q.kind)
            body.varint(q.speaker.map { strings.index($0) + 1 } ?? 0)
            mention(q.speakerMention)
            mention(q.cue)
        }
        var out = ByteWriter()
        out.byte(layoutVersion)
        out.varint(strings.list.count)
        for s in strings.list {
            let utf8 = Array(s.utf8)
            out.varint(utf8.count)
            out.bytes.append(contentsOf: utf8)
        }
        out.bytes.append(contentsOf: body.bytes)
        return out.bytes
    }

    // MARK: Decoding

    /// The analysed article that `record` describes, over `text` read from `path`.
    public static func decode(_ record: [UInt8], path: String, text: ScalarText) throws(DecodingError) -> AnalyzedArticle {
        let decoded = record.withUnsafeBytes { raw in try? decodeBody(raw, path: path, text: text) }
        guard let decoded else { throw DecodingError() }
        return decoded
    }

    private static func decodeBody(_ raw: UnsafeRawBufferPointer, path: String, text: ScalarText) throws(DecodingError) -> AnalyzedArticle {
        var r = ByteReader(raw)
        guard try r.byte() == layoutVersion else { throw DecodingError() }
        let n = try r.varint()
        guard n <= raw.count else { throw DecodingError() }
        var table: [String] = []
        table.reserveCapacity(n)
        for _ in 0..<n { table.append(try r.string()) }
        func str() throws(DecodingError) -> String {
            let i = try r.varint()
            guard i < table.count else { throw DecodingError() }
            return table[i]
        }
        let shared = SharedArticleText(text)
        /// A span's text: nil for the span's own words, else the owned string.
        func ownText() throws(DecodingError) -> String? {
            let i = try r.varint()
            if i == 0 { return nil }
            guard i - 1 < table.count else { throw DecodingError() }
            return table[i - 1]
        }
        func span() throws(DecodingError) -> Span {
            let s = try r.varint(), len = try r.varint()
            guard len <= text.count, s <= text.count - len else { throw DecodingError() }
            return Span(s, s + len)
        }
        func optionalSpan() throws(DecodingError) -> Span? {
            try r.byte() == 0 ? nil : try span()
        }
        func mention() throws(DecodingError) -> Mention? {
            guard try r.byte() == 1 else { return nil }
            let ms = try span()
            if let mt = try ownText() { return Mention(span: ms, text: mt) }
            guard let m = Mention(span: ms, sharedIn: shared) else { throw DecodingError() }
            return m
        }
        func count() throws(DecodingError) -> Int {
            let c = try r.varint()
            guard c <= raw.count else { throw DecodingError() }
            return c
        }
        guard try r.varint() == text.count else { throw DecodingError() }
        let encoding: SourceEncoding = try r.code()
        let language = try str()
        let title = try optionalSpan()
        let byline = try optionalSpan()
        var date: ArticleDate?
        if try r.byte() == 1 {
            let year = try r.varint()
            func part() throws(DecodingError) -> Int? { let v = try r.varint(); return v == 0 ? nil : v - 1 }
            let month = try part(), day = try part(), hour = try part(), minute = try part()
            date = ArticleDate(year: year, month: month, day: day, hour: hour, minute: minute)
        }
        var paragraphs: [Paragraph] = []
        let np = try count()
        paragraphs.reserveCapacity(np)
        for _ in 0..<np {
            let s = try span()
            let role: ParagraphRole = try r.code()
            paragraphs.append(Paragraph(span: s, role: role))
        }
        var warnings: [String] = []
        for _ in 0..<(try count()) { warnings.append(try str()) }
        var entities: [Entity] = []
        let ne = try count()
        entities.reserveCapacity(ne)
        for _ in 0..<ne {
            let s = try span()
            let t = try ownText()
            let type: EntityType = try r.code()
            let canonical = try str()
            if let t {
                entities.append(Entity(span: s, text: t, type: type, canonical: canonical))
            } else {
                guard let e = Entity(span: s, sharedIn: shared, type: type, canonical: canonical) else { throw DecodingError() }
                entities.append(e)
            }
        }
        var quotes: [Quote] = []
        let nq = try count()
        quotes.reserveCapacity(nq)
        for _ in 0..<nq {
            let s = try span()
            let t = try ownText()
            let kind: QuoteKind = try r.code()
            let sp = try r.varint()
            var speaker: String?
            if sp > 0 {
                guard sp - 1 < table.count else { throw DecodingError() }
                speaker = table[sp - 1]
            }
            let speakerMention = try mention()
            let cue = try mention()
            if let t {
                quotes.append(Quote(span: s, text: t, kind: kind, speaker: speaker,
                                    speakerMention: speakerMention, cue: cue))
            } else {
                guard let q = Quote(span: s, sharedIn: shared, kind: kind, speaker: speaker,
                                    speakerMention: speakerMention, cue: cue) else { throw DecodingError() }
                quotes.append(q)
            }
        }
        guard r.atEnd else { throw DecodingError() }
        let article = Article(path: path, text: text, encoding: encoding, title: title, date: date,
                              byline: byline, paragraphs: paragraphs, language: language, warnings: warnings)
        return AnalyzedArticle(article: article, entities: entities, quotes: quotes)
    }
}

/// Strings of one record, each stored once.
private struct StringTable {
    var list: [String] = []
    var indices: [String: Int] = [:]
    mutating func index(_ s: String) -> Int {
        if let i = indices[s] { return i }
        indices[s] = list.count
        list.append(s)
        return list.count - 1
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func byte(_ b: UInt8) { bytes.append(b) }
    /// LEB128, for non-negative numbers.
    mutating func varint(_ n: Int) {
        var v = UInt64(max(0, n))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
    /// A case of a small enumeration, as its position among all the cases. Adding a
    /// case changes the fingerprint, which empties the cache (see `AnalyserFingerprint`).
    mutating func code<E: CaseIterable & Equatable>(_ value: E) {
        byte(UInt8(E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) } ?? 0))
    }
    /// Start and length (lengths are small, so this is shorter than start and end).
    mutating func span(_ s: Span) { varint(s.start); varint(s.length) }
    mutating func optionalSpan(_ s: Span?) {
        if let s { byte(1); span(s) } else { byte(0) }
    }
}

private struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var at = 0
    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }
    var atEnd: Bool { at == raw.count }

    mutating func byte() throws(AnalysisRecord.DecodingError) -> UInt8 {
        guard at < raw.count else { throw AnalysisRecord.DecodingError() }
        defer { at += 1 }
        return raw[at]
    }

    mutating func varint() throws(AnalysisRecord.DecodingError) -> Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 56 else { throw AnalysisRecord.DecodingError() }
        }
        return Int(v)
    }

    mutating func code<E: CaseIterable>() throws(AnalysisRecord.DecodingError) -> E {
        let n = Int(try byte())
        guard n < E.allCases.count else { throw AnalysisRecord.DecodingError() }
        return E.allCases[E.allCases.index(E.allCases.startIndex, offsetBy: n)]
    }

    mutating func string() throws(AnalysisRecord.DecodingError) -> String {
        let n = try varint()
        guard n <= raw.count - at else { throw AnalysisRecord.DecodingError() }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]), as: UTF8.self)
        at += n
        return s
    }
}
