/// The word lists a folded word belongs to, as bits: the recognizer asks the same
/// words about many lists, so each token is looked up once (`TokenView`) and every
/// later question is a bit test instead of a hash of a string.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    // Lexicon files (`EntityLexicon`).
    static let firstName = WordClass(rawValue: 1 << 0)
    static let surname = WordClass(rawValue: 1 << 1)
    static let properNoun = WordClass(rawValue: 1 << 2)
    /// `EntityLexicon.isCommonWord`: a common word or the plural (`-s`, `-x`) of one
    /// (set by `EntityLexicon.wordInfo`, from `commonExact`).
    static let common = WordClass(rawValue: 1 << 3)
    /// In the common word lists as it stands.
    static let commonExact = WordClass(rawValue: 1 << 13)
    static let nonEntity = WordClass(rawValue: 1 << 4)
    static let demonym = WordClass(rawValue: 1 << 5)
    /// The last token of some title.
    static let titleEnd = WordClass(rawValue: 1 << 6)
    static let orgHead = WordClass(rawValue: 1 << 7)
    static let orgTail = WordClass(rawValue: 1 << 8)
    static let placeTail = WordClass(rawValue: 1 << 9)
    /// A title of one word (`EntityLexicon.titles` holds the word alone).
    static let title = WordClass(rawValue: 1 << 10)
    /// A known name of one word, a place (`EntityLexicon.names[w] == .place`).
    static let namePlace = WordClass(rawValue: 1 << 11)
    /// A known name of one word, an organisation.
    static let nameOrganisation = WordClass(rawValue: 1 << 12)

    // Closed lists of the rules (`CandidateFinder`, `EntityTyping`, `ArticleConsistency`, `AcronymPairing`).
    static let dottedEnd = WordClass(rawValue: 1 << 16)
    static let particle = WordClass(rawValue: 1 << 17)
    static let functionWord = WordClass(rawValue: 1 << 18)
    static let notAdjective = WordClass(rawValue: 1 << 19)
    static let institution = WordClass(rawValue: 1 << 20)
    static let compass = WordClass(rawValue: 1 << 21)
    static let capitalisedStop = WordClass(rawValue: 1 << 22)
    static let surnameParticle = WordClass(rawValue: 1 << 23)
    static let acronymSkipped = WordClass(rawValue: 1 << 24)
    static let placeHead = WordClass(rawValue: 1 << 25)
    static let organisationNoun = WordClass(rawValue: 1 << 26)
    static let facilityNoun = WordClass(rawValue: 1 << 27)
    static let placeNoun = WordClass(rawValue: 1 << 28)
    static let companyNounAfterPossessive = WordClass(rawValue: 1 << 29)
    static let analystNoun = WordClass(rawValue: 1 << 30)
    static let companyNounBeforeDe = WordClass(rawValue: 1 << 31)
    static let placeNounBeforeDe = WordClass(rawValue: 1 << 32)

    /// A known name of one word, of either kind.
    static let name: WordClass = [.namePlace, .nameOrganisation]

    /// The closed lists of the rules with their bits (the lexicon files are added by `EntityLexicon`).
    static let ruleLists: [(Set<String>, WordClass)] = [
        (CandidateFinder.dottedEnds, .dottedEnd),
        (CandidateFinder.particles, .particle),
        (CandidateFinder.functionWords, .functionWord),
        (CandidateFinder.notAdjectives, .notAdjective),
        (CandidateFinder.institutions, .institution),
        (CandidateFinder.compass, .compass),
        (CandidateFinder.capitalisedStops, .capitalisedStop),
        (ArticleConsistency.surnameParticles, .surnameParticle),
        (AcronymPairing.skipped, .acronymSkipped),
        (EntityTyping.placeHeads, .placeHead),
        (EntityTyping.organisationNouns, .organisationNoun),
        (EntityTyping.facilityNouns, .facilityNoun),
        (EntityTyping.placeNouns, .placeNoun),
        (EntityTyping.companyNounsAfterPossessive, .companyNounAfterPossessive),
        (EntityTyping.analystNouns, .analystNoun),
        (EntityTyping.companyNounsBeforeDe, .companyNounBeforeDe),
        (EntityTyping.placeNounsBeforeDe, .placeNounBeforeDe),
    ]
}

/// What the lexicon knows of one folded word: its lists, and the longest name,
/// title and speech cue (in tokens) it begins (0: none).
struct WordInfo: Sendable {
    var classes: WordClass = []
    var nameLength: Int32 = 0
    var titleLength: Int32 = 0
    var cueLength: Int32 = 0
    /// The lengths (in tokens) of the names it begins, as bits (`nameLengthBit`): a run of a
    /// length no name has is not looked up.
    var nameLengthBits: UInt32 = 0

    /// The bit of `nameLengthBits` for names of `length` tokens (31 and more share the last).
    @inline(__always)
    static func nameLengthBit(_ length: Int) -> UInt32 { 1 << UInt32(min(max(length, 0), 31)) }
}
