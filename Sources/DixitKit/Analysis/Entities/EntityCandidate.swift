/// How sure the recognizer is of a candidate's type; stronger evidence wins
/// when the same name is typed differently in one article.
enum EvidenceStrength: Int, Comparable, Sendable {
    /// No evidence: a capitalised word seen nowhere else.
    case none = 0
    /// A default (two capitalised words read as a person) or a preposition before a place.
    case weak = 1
    /// A title or role before, a speech verb next to it, a known first name.
    case medium = 2
    /// A lexicon entry, an organisation keyword, an acronym.
    case strong = 3

    static func < (a: EvidenceStrength, b: EvidenceStrength) -> Bool { a.rawValue < b.rawValue }
}

/// A name found in one paragraph: its tokens, span and type (nil while unknown).
struct EntityCandidate {
    var paragraph: Int
    /// Token range in the paragraph's `TokenView`.
    var tokens: Range<Int>
    var span: Span
    var type: EntityType?
    var strength: EvidenceStrength
    /// An acronym's expansion or an expansion's acronym, paired in the text (`OMS` ↔ `Organisation mondiale de la santé`).
    var pairedWith: String? = nil
    /// The text of `span`, filled in by `ArticleConsistency` (empty before).
    var surface: String = ""
}
