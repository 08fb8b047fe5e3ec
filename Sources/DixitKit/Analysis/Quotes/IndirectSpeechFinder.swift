/// Finds reported speech: the clause after `X a déclaré que`, `X said (that)`, the clause
/// `selon X` / `according to X` attaches to, and `<clause>, a déclaré X`.
struct IndirectSpeechFinder {
    let doc: QuoteDocument
    var attributor: QuoteAttributor

    mutating func find() -> [Quote] { [] }
}
