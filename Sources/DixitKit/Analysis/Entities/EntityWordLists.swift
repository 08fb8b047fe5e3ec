/// Small closed word lists of the name finder: connectors, particles, function
/// words, adjective endings. Open-ended lists live in `Resources/Lexicon/entities-*`.
extension CandidateFinder {
    static let dottedEnds: Set<String> = ["inc", "corp", "ltd", "co", "jr", "sr", "bros"]

    /// Name particles that join a person's names (`ben`, `van`, `Le`).
    static let particles: Set<String> = [
        "ben", "bin", "ibn", "bint", "van", "von", "der", "den", "da", "di", "dos", "das", "del", "della",
        "y", "al", "el", "abu", "ter", "zu", "st", "st.",
    ]
    /// Words that never start a lowercase hop of a French organisation name.
    static let functionWords: Set<String> = [
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "a", "au", "aux", "en",
        "dans", "par", "pour", "sur", "avec", "sans", "qui", "que", "qu'", "dont", "ce", "cette", "ces",
        "son", "sa", "ses", "leur", "leurs", "notre", "votre", "il", "elle", "ils", "elles", "on", "se",
        "ne", "pas", "plus", "moins", "tres", "tout", "tous", "toute", "toutes", "deux", "trois",
        "of", "the", "and", "for", "to", "in", "at", "by", "with",
    ]
    static let frenchAdjectiveEndings: [String] = [
        "al", "ale", "ales", "aux", "ique", "iques", "ien", "ienne", "iens", "iennes", "een", "eenne",
        "eens", "eennes", "ain", "aine", "ains", "aines", "ais", "aise", "aises", "el", "elle", "els",
        "elles", "if", "ive", "ifs", "ives", "aire", "aires", "ies", "iste", "istes", "ois", "oise",
        "oises", "eur", "eure", "ieure", "ieures", "ieurs", "ien", "ere", "eres",
    ]
    static let notAdjectives: Set<String> = [
        "mais", "jamais", "elle", "elles", "aussi", "ainsi", "quel", "quelle", "quels", "quelles", "tel",
        "telle", "tels", "telles", "certain", "certaine", "certains", "certaines", "prochain", "prochaine",
        "demain", "apres", "hier", "leur", "leurs", "plusieurs", "ailleurs", "lors", "alors", "pendant",
        "contre", "entre", "chez", "vers", "selon", "avant", "depuis", "sous", "parmi", "afin",
    ]
    /// Organisation heads that take a place's name (`Banque de France`, `University of Oxford`).
    static let institutions: Set<String> = [
        "banque", "bourse", "universite", "gouvernement", "ministere", "ambassade", "republique", "parlement", "assemblee",
        "conseil", "cour", "prefecture", "mairie", "bank", "university", "government", "ministry", "embassy",
        "republic", "council", "court", "city", "state", "port",
    ]
    /// Compass words that, with a nationality, still make no entity (`South Korean`).
    static let compass: Set<String> = ["north", "south", "east", "west", "central", "nord", "sud", "est", "ouest"]
}
