/// Types a run of words from the evidence in and around it: the lexicons,
/// organisation keywords, acronyms, first names, titles and roles before it
/// (also across an apposition), speech verbs next to it, prepositions of place.
struct EntityTyping {
    let lexicon: EntityLexicon
    let view: TokenView
    let french: Bool

    static let placePrepositionsFR: Set<String> = ["à", "en", "au", "aux", "dans", "vers", "À", "En", "Au", "Dans"]
    static let placePrepositionsEN: Set<String> = ["in", "near", "across", "outside", "In", "Near"]
    /// Determiners and `former` between an apposition's comma and its title.
    static let determinersBeforeTitle: [StaticString] = ["le", "la", "l'", "the", "un", "une", "a", "an", "ancien", "ancienne", "former"]

    func type(of r: Range<Int>, titled: Bool) -> (EntityType?, EvidenceStrength) {
        // A first name that is also a place, after a title (`President Vladimir`), is the person.
        if r.count == 1, view.has(r.lowerBound, .firstName), titled || titleBefore(r) { return (.person, .medium) }
        if let known = view.known(r, allCaps: view.isAllCaps(r.lowerBound)) {
            return (known == .place ? .location : .organisation, .strong)
        }
        // Words with digits (`K-12`, `CO2`) are names only when known.
        if r.contains(where: { view.hasDigit($0) }) { return (nil, .none) }
        // The first and last words.
        let first = r.lowerBound, last = r.upperBound - 1
        let isAcronym = r.count == 1 && view.isAllCaps(r.lowerBound)
        let dotted = view.dottedAbbreviation(at: r.lowerBound) == r.upperBound
        if r.count >= 2 || !view.isSentenceInitial(r.lowerBound) {
            if view.has(first, .orgHead) || view.has(last, .orgTail) && r.count >= 2 {
                return (.organisation, .strong)
            }
        }
        if view.foldIs(first, "ministere") || view.foldIs(first, "universite") { return (.organisation, .strong) }
        // An acronym is an organisation, unless it is a common word set in capitals (`CHOCS`).
        if isAcronym, view.span(r.lowerBound).length >= 4, view.has(first, .common) { return (nil, .none) }
        if isAcronym || dotted { return (.organisation, .strong) }
        // Capitalised words in a short quotation are a title of a work (`“Once Upon a Time”`).
        let quoted = inShortQuotation(r)
        if quoted { return (nil, .none) }
        if titled || titleBefore(r) { return (.person, .medium) }
        // A geographic word at either end (`River Ouse`, `Cape of Good Hope`, `Elm Avenue`,
        // `Natuna Sea`) makes a place, even after a first name, unless the last word is one.
        if r.count >= 2, view.has(first, .placeHead)
            || view.has(last, .placeTail) && !view.has(last, [.firstName, .surname]) {
            return (.location, .strong)
        }
        if r.count >= 2, view.has(first, .firstName), !quoted {
            return (.person, .medium)
        }
        // `X said it …`: what speaks of itself as `it` is a body, not a person.
        if r.upperBound + 1 < view.count, view.foldIs(r.upperBound, "said") || view.foldIs(r.upperBound, "says"),
           view.foldIs(r.upperBound + 1, "it") || view.foldIs(r.upperBound + 1, "its") {
            // Strong: a person is never `it`, whatever other cues said.
            return (.organisation, .strong)
        }
        // `near X`, `outside X`: only places stand there, even before a speech verb.
        if r.lowerBound >= 1, view.textIs(r.lowerBound - 1, "near") || view.textIs(r.lowerBound - 1, "outside")
            || view.textIs(r.lowerBound - 1, "across") { return (.location, .weak) }
        let speaks = speechCueAfter(r) || speechCueBefore(r) || titleAfter(r)
        if quoted { return (nil, .none) }
        if r.count == 1, let t = nounBefore(r) { return (t, .medium) }
        if r.count <= 3, companyContext(r) { return (.organisation, .medium) }
        if r.count >= 2 {
            if view.has(first, .compass), r.count == 2, view.has(last, .namePlace) { return (.location, .strong) }
            if view.has(last, .placeTail) { return (.location, .strong) }
            if r.contains(where: { view.has($0, .name) }) { return (.organisation, .weak) }
            let allCommon = r.allSatisfy { view.has($0, .common) }
            // A speaker named with common words only is a body (`Licensed Harbour Pilots`).
            if speaks { return allCommon ? (.organisation, .weak) : (.person, .medium) }
            if prepositionBefore(r) { return (.location, .weak) }
            if r.count <= 4, r.allSatisfy({ view.isCapitalised($0) && !view.isAllCaps($0) && !view.has($0, .common) }) {
                return (.person, .weak)
            }
            return (nil, .none)
        }
        if speaks, !view.has(first, .common) { return (.person, .medium) }
        if prepositionBefore(r) { return (.location, .weak) }
        // `the House`, `the Legislature`, `the Comets`: a common word capitalised after
        // `the` inside a sentence is a name, most often of a body (`the West`: a place).
        if r.lowerBound >= 1, view.textIs(r.lowerBound - 1, "the"), view.has(first, .common),
           !view.has(first, .demonym), !view.isCapitalised(r.upperBound), !view.isPunct(r.upperBound, "'") {
            let place = view.has(first, [.compass, .placeTail])
            return place ? (.location, .weak) : (.organisation, .weak)
        }
        if view.has(first, .surname) || view.has(first, .firstName) && !view.has(first, .common) {
            return (.person, .weak)
        }
        if placeComplement(r) { return (.location, .weak) }
        return (nil, .none)
    }

    /// Words that open a place's name (`River Ouse`, `Lake Tana`, `Cape of Good Hope`).
    static let placeHeads: Set<String> = ["river", "lake", "mount", "cape", "gulf", "bay", "lac", "mont", "cap", "golfe"]

    /// A lone capitalised word, unknown otherwise, in a French complement of
    /// place (`les urgences de Vierzon`, `près de Tulle`, `dans le Cher`): most
    /// such words in news are towns and départements.
    func placeComplement(_ r: Range<Int>) -> Bool {
        guard french, r.count == 1, !view.isSentenceInitial(r.lowerBound), !view.isAllCaps(r.lowerBound) else { return false }
        guard !view.has(r.lowerBound, [.common, .firstName]) else { return false }
        // A capital inside the word (`TVNews`, `iRadio`) marks a brand, not a town.
        let scalars = view.span(r.lowerBound).range.dropFirst()
        if scalars.contains(where: { TokenView.isUpper(view.scalars[$0]) && !Tokenizer.isHyphen(view.scalars[$0 - 1]) }) { return false }
        var k = r.lowerBound - 1
        guard k >= 1 else { return false }
        // `de la X`, `de l'X`
        if view.foldIs(k, "la") || view.foldIs(k, "l'"), view.foldIs(k - 1, "de"), k >= 2 { k -= 1 }
        if view.foldIs(k, "de") || view.foldIs(k, "d'") || view.foldIs(k, "du") {
            // After a noun (`l'usine de X`), not after a verb or a name (`parle de X`, `Jean de X`).
            return view.isLowercaseWord(k - 1) && !view.has(k - 1, .companyNounBeforeDe)
                && (view.has(k - 1, .placeNounBeforeDe) || !looksLikeVerb(k - 1))
        }
        if view.foldIs(k, "le") || view.foldIs(k, "la") || view.foldIs(k, "les") || view.foldIs(k, "l'"),
           view.foldIs(k - 1, "dans") || view.foldIs(k - 1, "en") || view.foldIs(k - 1, "vers") { return true }
        return false
    }

    /// Nouns after which `de X` names a place whatever X is.
    static let placeNounsBeforeDe: Set<String> = ["pres", "proximite", "environs", "region", "ville", "maire", "mairie", "habitants", "centre"]

    func looksLikeVerb(_ k: Int) -> Bool {
        if let b = view.asciiFold(k) {
            @inline(__always) func ends(_ s: StaticString) -> Bool { TokenView.hasSuffix(b, s) }
            if ends("er") || ends("ir") || ends("ait") || ends("aient") || ends("ons") || ends("ez") || ends("it") { return true }
            return view.foldIs(k, "parle") || view.foldIs(k, "parlent") || view.foldIs(k, "traite") || view.foldIs(k, "traitent")
                || view.foldIs(k, "question") || view.foldIs(k, "s'agit")
        }
        let f = view.fold(k)
        return f.hasSuffix("er") || f.hasSuffix("ir") || f.hasSuffix("ait") || f.hasSuffix("aient") || f.hasSuffix("ons")
            || f.hasSuffix("ez") || f.hasSuffix("it") || ["parle", "parlent", "traite", "traitent", "question", "s'agit"].contains(f)
    }

    static let organisationNouns: Set<String> = [
        "parti", "groupe", "societe", "entreprise", "compagnie", "journal", "quotidien", "hebdomadaire", "chaine",
        "media", "site", "agence", "reseau", "plateforme", "application", "fabricant", "constructeur", "geant",
        "milice", "organisation", "association", "ong", "club", "equipe", "banque", "firme", "mouvement", "syndicat",
        "party", "group", "company", "firm", "newspaper", "network", "agency", "app", "platform", "broadcaster",
        "consultancy", "charity", "publisher", "distributor", "insurer", "lender", "carrier", "retailer", "label",
        "distributeur", "editeur", "assureur", "transporteur", "distributrice", "laboratoire", "laboratory", "lab",
        "militia", "organization", "team", "giant", "maker", "bank", "startup", "outlet", "magazine",
    ]
    static let facilityNouns: Set<String> = ["stade", "aeroport", "gare", "quartier", "hippodrome", "velodrome"]
    static let placeNouns: Set<String> = [
        "region", "ville", "province", "comte", "departement", "village", "commune", "district", "localite",
        "capitale", "port", "oblast", "etat", "quartier", "banlieue", "city", "town", "county", "state",
        "neighbourhood", "island", "ile", "isle", "peninsula", "peninsule", "archipelago", "neighborhood", "suburb", "capital",
    ]

    /// A common noun that says what the name is: `le parti Vallora`, `l'agence
    /// Interfax`, `la région de l'Aveyron`, `the city of Mosul`.
    func nounBefore(_ r: Range<Int>) -> EntityType? {
        var k = r.lowerBound - 1
        var ofPlace = false
        if k >= 0, view.foldIs(k, "de") || view.foldIs(k, "d'") || view.foldIs(k, "du") || view.foldIs(k, "of") { k -= 1; ofPlace = true }
        if k >= 0, view.foldIs(k, "l'") || view.foldIs(k, "la") || view.foldIs(k, "the") { k -= 1 }
        // One adjective between (`le géant italien Eni`, `le réseau social Plinko`).
        if k >= 1, !ofPlace, view.isLowercaseWord(k),
           view.has(k, .demonym) || isAdjectiveLike(k),
           view.has(k - 1, .organisationNoun) { k -= 1 }
        guard k >= 0, view.isLowercaseWord(k) else { return nil }
        if ofPlace { return view.has(k, .placeNoun) ? .location : nil }
        // `le stade Jean-Bouin`, `la gare Saint-Roch`: a named facility.
        if view.has(k, .facilityNoun) { return .location }
        if view.has(k, .organisationNoun) { return .organisation }
        // `the Vallora party`
        let after = r.upperBound
        if after < view.count, view.isLowercaseWord(after),
           view.asciiFold(after) != nil
            ? view.foldIs(after, "party") || view.foldIs(after, "group") || view.foldIs(after, "company") || view.foldIs(after, "militia")
              || view.foldIs(after, "movement") || view.foldIs(after, "newspaper") || view.foldIs(after, "network")
            : ["party", "group", "company", "militia", "movement", "newspaper", "network"].contains(view.fold(after)) {
            return .organisation
        }
        return nil
    }

    static let companyNounsAfterPossessive: Set<String> = [
        "shares", "stock", "board", "headquarters", "ceo", "chairman", "chairwoman", "executives", "employees",
        "subsidiary", "website", "app", "products", "revenue", "revenues", "profit", "profits", "earnings", "stake",
        "shareholders", "factory", "factories", "plant", "workers", "staff", "founder", "co-founder",
    ]
    static let analystNouns: Set<String> = [
        "analyst", "analysts", "economist", "economists", "strategist", "strategists", "analyste", "analystes",
        "economiste", "economistes", "stratege", "strateges",
    ]
    static let companyNounsBeforeDe: Set<String> = [
        "pdg", "siege", "filiale", "actionnaires", "actions", "salaries", "fondateur", "fondatrice",
        "patron", "patronne", "directeur", "directrice", "dirigeants", "employes", "action", "titre", "capital",
    ]

    /// Words that only a company has: `Velmora's board`, `le PDG de Danone`.
    func companyContext(_ r: Range<Int>) -> Bool {
        // `an analyst at X`, `analyste chez X`: X employs analysts.
        if r.lowerBound >= 2, view.foldIs(r.lowerBound - 1, "at") || view.foldIs(r.lowerBound - 1, "chez"),
           view.has(r.lowerBound - 2, .analystNoun), view.nameEntry(r) == nil {
            return true
        }
        let after = r.upperBound
        if after + 1 < view.count, view.kind(after) == .possessive, view.isLowercaseWord(after + 1),
           view.has(after + 1, .companyNounAfterPossessive) {
            return true
        }
        let k = r.lowerBound - 1
        if k >= 1, view.foldIs(k, "de") || view.foldIs(k, "d'") || view.foldIs(k, "du"), view.has(k - 1, .companyNounBeforeDe),
           !view.foldIs(k - 1, "capital") || view.foldIs(k, "de") {
            // `le patron de X` is a company only when X is not a known place (`le patron de la France`).
            return view.nameEntry(r) == nil
        }
        return false
    }

    /// An apposition with a title after the name: `Anouk Verbeke, ministre des Affaires étrangères`.
    func titleAfter(_ r: Range<Int>) -> Bool {
        var k = r.upperBound
        guard view.isPunct(k, ",") else { return false }
        k += 1
        // An age: `X, 45, …`, `X, 45 ans,`.
        if k < view.count, view.kind(k) == .number, view.span(k).length <= 3,
           view.isPunct(k + 1, ",") || view.foldIs(k + 1, "ans") || view.foldIs(k + 1, "years") {
            return true
        }
        if k < view.count, Self.determinersBeforeTitle.contains(where: { view.foldIs(k, $0) }) { k += 1 }
        let longest = Int(view.info(k).titleLength)
        guard k < view.count, view.isWord(k), longest > 0 else { return false }
        for length in stride(from: min(longest, view.count - k), through: 1, by: -1)
        where view.isTitle(k..<(k + length)) {
            return true
        }
        return false
    }

    /// Whether the run sits inside quotation marks holding at most eight words:
    /// an opening mark before it and a closing mark after it.
    func inShortQuotation(_ r: Range<Int>) -> Bool {
        func isOpening(_ k: Int) -> Bool {
            guard k >= 0, k < view.count, view.kind(k) == .punctuation else { return false }
            switch view.first(k) {
            case "“", "«", "‘", "„": return true
            case "\"", "'": return k == 0 || !view.adjacent(k - 1, k)
            default: return false
            }
        }
        func isClosing(_ k: Int) -> Bool {
            guard k >= 0, k < view.count, view.kind(k) == .punctuation else { return false }
            switch view.first(k) {
            case "”", "»", "’": return true
            case "\"", "'": return k + 1 >= view.count || !view.adjacent(k, k + 1) || view.kind(k + 1) == .punctuation
            default: return false
            }
        }
        func isMark(_ k: Int) -> Bool {
            guard k >= 0, k < view.count, view.kind(k) == .punctuation else { return false }
            switch view.first(k) { case "\"", "“", "”", "«", "»", "‘", "’", "„": return true; default: return false }
        }
        var a = r.lowerBound - 1, words = r.count
        while a >= 0, !isMark(a), words <= 8 {
            if view.kind(a) == .punctuation, [".", "!", "?"].contains(view.first(a)) { return false }
            a -= 1; words += 1
        }
        guard isOpening(a) else { return false }
        var b = r.upperBound
        while b < view.count, !isMark(b), words <= 8 { b += 1; words += 1 }
        return isClosing(b) && words <= 8
    }

    /// A title or role right before (`le président X`, `l'ambassadeur pakistanais X`)
    /// or before an apposition (`le chef de l'OTAN, X,`).
    func titleBefore(_ r: Range<Int>) -> Bool {
        var k = r.lowerBound - 1
        // Up to two lowercase adjectives between the title and the name.
        var skipped = 0
        while k >= 0, skipped < 2, view.isLowercaseWord(k),
              view.has(k, .demonym) || view.info(k).titleLength == 0 && isAdjectiveLike(k) {
            k -= 1
            skipped += 1
        }
        if k >= 0, titleEnds(at: k) { return true }
        // Apposition: `…, X` with a title among the few words before the comma.
        guard r.lowerBound >= 1, view.isPunct(r.lowerBound - 1, ",") else { return false }
        var j = r.lowerBound - 2
        var steps = 0
        while j >= 0, steps < 8 {
            if view.kind(j) == .punctuation, !view.isPunct(j, "'") { break }
            if view.isWord(j), view.info(j).titleLength > 0 || view.has(j, .title) {
                return true
            }
            j -= 1
            steps += 1
        }
        return false
    }

    func isAdjectiveLike(_ k: Int) -> Bool {
        if let b = view.asciiFold(k) {
            // The same test on the bytes (an ASCII fold's characters).
            @inline(__always) func ends(_ s: StaticString) -> Bool { TokenView.hasSuffix(b, s) }
            return b.count >= 4 && (ends("ais") || ends("aise") || ends("ien") || ends("ienne")
                || ends("ain") || ends("aine") || ends("ique") || ends("al") || ends("ale") || ends("e"))
        }
        let f = view.fold(k)
        return f.count >= 4 && (f.hasSuffix("ais") || f.hasSuffix("aise") || f.hasSuffix("ien") || f.hasSuffix("ienne")
            || f.hasSuffix("ain") || f.hasSuffix("aine") || f.hasSuffix("ique") || f.hasSuffix("al") || f.hasSuffix("ale")
            || f.hasSuffix("e"))
    }

    /// Whether a title phrase ends at token `k`.
    func titleEnds(at k: Int) -> Bool {
        guard k >= 0, k < view.count, view.has(k, .titleEnd) else { return false }
        // Keys are tokens joined by spaces, the dot of `M.` or `Sen.` included (`m .`).
        for length in 1...4 where k + 1 - length >= 0 {
            if view.isTitle((k + 1 - length)..<(k + 1)) { return true }
        }
        return false
    }

    func speechCueAfter(_ r: Range<Int>) -> Bool {
        var k = r.upperBound
        if view.isPunct(k, ",") { k += 1 }
        let longest = Int(view.info(k).cueLength)
        guard view.isWord(k), longest > 0 else { return false }
        for length in stride(from: min(longest, view.count - k), through: 1, by: -1)
        where view.isSpeechCue(k..<(k + length)) {
            return true
        }
        return false
    }

    func speechCueBefore(_ r: Range<Int>) -> Bool {
        let end = r.lowerBound
        for length in 1...3 where end - length >= 0 {
            if view.isSpeechCue((end - length)..<end) { return true }
        }
        // `selon X`, `according to X`
        if end >= 1, view.foldIs(end - 1, "selon") { return true }
        if end >= 2, view.foldIs(end - 1, "to"), view.foldIs(end - 2, "according") { return true }
        return false
    }

    func prepositionBefore(_ r: Range<Int>) -> Bool {
        let k = r.lowerBound - 1
        guard k >= 0, view.isWord(k), view.span(k).length <= 6 else { return false }
        // The scalars as written first; a word with other scalars than ASCII may still be
        // one of them in another normalisation form (`à` as `a` + U+0300), which only the
        // strings' comparison tells.
        if view.isOneOf(k, Self.placePrepositionScalars) { return true }
        if view.span(k).range.allSatisfy({ view.scalars[$0].isASCII }) { return false }
        let t = view.text(k)
        return Self.placePrepositionsFR.contains(t) || Self.placePrepositionsEN.contains(t)
    }

    static let placePrepositionScalars: [[Unicode.Scalar]] =
        placePrepositionsFR.union(placePrepositionsEN).sorted().map { Array($0.unicodeScalars) }
}
