import Foundation

/// Grammatical gender (or number) used to agree a pronoun with its antecedent.
enum SpeakerGender: Sendable, Equatable {
    case masculine, feminine, unknown, plural

    /// Whether a pronoun of gender `self` may refer to a mention of gender `other`.
    func agrees(with other: SpeakerGender) -> Bool {
        switch (self, other) {
        case (.unknown, _), (_, .unknown): return true
        default: return self == other
        }
    }

    init(code: Substring) {
        switch code {
        case "m": self = .masculine
        case "f": self = .feminine
        default: self = .unknown
        }
    }
}

/// How a verb form of speech is used.
enum SpeechVerbForm: Sendable {
    /// Infinitive, finite form or past participle.
    case verb
    /// Present participle or gerund (`ajoutant`, `saying`): its subject is the main clause's.
    case participle
    /// Infinitive (`déclarer`): a cue only after `a tenu à`, `vient de`, `veut`…
    case infinitive
}

/// What the quote lexicon knows of one folded word.
struct QuoteWordInfo: Sendable {
    /// Bit `c.rawValue` set for each `QuoteWordClass` `c` holding the word.
    var classes: UInt64 = 0
    /// The form of a verb of speech (`speechVerbs`).
    var verb: SpeechVerbForm?
    /// The gender of a title or role (`titles`).
    var title: SpeakerGender?
    /// The gender of a first name (`firstNames`).
    var firstName: SpeakerGender?
}

/// The word lists quote attribution needs, loaded once from the bundled
/// `Resources/Lexicon/quotes-*` files into immutable lookup tables of folded strings.
final class QuoteLexicon: Sendable {
    let speechVerbs: FoldedTable<SpeechVerbForm>
    /// Folded form → folded lemma.
    let lemmas: [String: String]
    let titles: FoldedTable<SpeakerGender>
    let firstNames: FoldedTable<SpeakerGender>
    /// Everything above and the word classes (`QuoteWordClass`), by folded word: what a token is,
    /// looked up once per token as it is folded (`QToken.info`) instead of once per rule that asks.
    let vocabulary: QuoteVocabulary

    /// The lexicon of the package, read once.
    static let shared = QuoteLexicon()

    init() {
        var verbs: [String: SpeechVerbForm] = [:]
        var lemmas: [String: String] = [:]
        for name in ["quotes-verbs-fr", "quotes-verbs-en"] {
            for cols in QuoteLexicon.rows(name) where cols.count >= 3 {
                let form: SpeechVerbForm = cols[2] == "ppr" ? .participle : cols[2] == "inf" && name.hasSuffix("fr") ? .infinitive : .verb
                if verbs[String(cols[0])] == nil {
                    verbs[String(cols[0])] = form
                    lemmas[String(cols[0])] = String(cols[1])
                }
            }
        }
        // Forms that are far more often nouns or other words than verbs of speech.
        for w in QuoteLexicon.notVerbs { verbs[w] = nil }
        speechVerbs = FoldedTable(verbs)
        self.lemmas = lemmas
        var t: [String: SpeakerGender] = [:]
        for cols in QuoteLexicon.rows("quotes-titles") where cols.count >= 2 {
            t[String(cols[0])] = SpeakerGender(code: cols[1])
        }
        titles = FoldedTable(t)
        var f: [String: SpeakerGender] = [:]
        for cols in QuoteLexicon.rows("quotes-firstnames") where cols.count >= 2 {
            f[String(cols[0])] = SpeakerGender(code: cols[1])
        }
        firstNames = FoldedTable(f)
        var info: [String: QuoteWordInfo] = [:]
        for (w, form) in verbs { info[w, default: QuoteWordInfo()].verb = form }
        for (w, g) in t { info[w, default: QuoteWordInfo()].title = g }
        for (w, g) in f { info[w, default: QuoteWordInfo()].firstName = g }
        for c in QuoteWordClass.allCases {
            let bit: UInt64 = 1 << UInt64(c.rawValue)
            for w in c.set.words { info[w, default: QuoteWordInfo()].classes |= bit }
        }
        vocabulary = QuoteVocabulary(info)
    }

    static let notVerbs: [String] = [
        "state", "states", "point", "points", "post", "posts", "report", "reports", "charge", "charges",
        "note", "notes", "comment", "comments", "signal", "signals", "joke", "jokes", "estimate",
        "estimates", "claims", "demand", "demands", "answer", "answers", "promise", "promises", "cry",
        "continue", "continues", "continuing", "speak", "speaks", "speaking", "spoke", "spoken",
        "poste", "postes", "avance", "avances", "critique", "critiques", "pointe", "pointes",
        "analyse", "analyses", "expose", "exposes", "mis", "mise", "mises", "met", "mets", "mettre",
        "mettent", "mettant", "fait", "faite", "faites", "faits", "faire", "font", "fais", "fasse",
        "faisant", "soutenu", "soutenue", "soutenus", "soutenues", "soutient", "soutiennent",
        "soutenir", "soutenant", "maintenu", "maintenue", "maintenus", "maintenues", "maintenir",
        "maintient", "maintiennent", "menace", "menaces", "appel", "temoin", "developpe", "developper",
        "publie", "publiee", "publies", "publiees", "publier", "pointer", "pointe",
        "shares", "share", "welcome", "praise", "blast", "blasts", "hail", "slam", "chants", "partage", "partages",
        "defense", "defenses", "defendu",
    ]

    private static func rows(_ name: String) -> [[Substring]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicon")
            ?? Bundle.module.url(forResource: name, withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var out: [[Substring]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            out.append(line.split(separator: "\t"))
        }
        return out
    }

    func isSpeechVerb(_ folded: String) -> Bool { speechVerbs[folded] != nil }
}
