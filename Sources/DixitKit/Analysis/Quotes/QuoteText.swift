/// Text of scalar spans for quotes, speakers and cues (the `ScalarText` subscript, which
/// encodes straight into the string's storage).
enum QuoteText {
    static func string(_ text: ScalarText, _ span: Span) -> String { text[span] }
}

extension QuoteText {
    /// A mention reading its words from the document's shared text (no string made until asked).
    static func mention(_ doc: QuoteDocument, _ span: Span) -> Mention {
        Mention(span: span, sharedIn: doc.sharedText) ?? Mention(span: span, text: string(doc.text, span))
    }

    /// A quote reading its words from the document's shared text (no string made until asked).
    static func quote(_ doc: QuoteDocument, _ span: Span, kind: QuoteKind, speaker: String?,
                      speakerMention: Span?, cue: Span?) -> Quote {
        let m = speakerMention.map { mention(doc, $0) }
        let c = cue.map { mention(doc, $0) }
        return Quote(span: span, sharedIn: doc.sharedText, kind: kind, speaker: speaker, speakerMention: m, cue: c)
            ?? Quote(span: span, text: string(doc.text, span), kind: kind, speaker: speaker, speakerMention: m, cue: c)
    }
}
