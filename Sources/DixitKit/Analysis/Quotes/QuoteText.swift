/// Text of scalar spans for quotes, speakers and cues (the `ScalarText` subscript, which
/// encodes straight into the string's storage).
enum QuoteText {
    static func string(_ text: ScalarText, _ span: Span) -> String { text[span] }
}
