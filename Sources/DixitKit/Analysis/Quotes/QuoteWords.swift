/// Small closed classes of function words that the attribution rules test tokens against (folded forms).
enum QuoteWords {
    static let determiners = FoldedSet(.quoteWordsDeterminers, [
        "le", "la", "les", "l'", "un", "une", "des", "du", "the", "a", "an", "ce", "cet", "cette", "ces",
        "son", "sa", "ses", "leur", "leurs", "his", "her", "their", "its", "this", "these", "those",
        "plusieurs", "several", "deux", "trois", "two", "three", "many", "some", "certains", "certaines",
        "another", "notre", "nos", "our", "votre", "vos", "your", "mon", "ma", "mes", "my", "aucun", "aucune",
        "quelques", "nombreux", "nombreuses", "most", "other", "autres", "tous", "toutes", "all",
    ])
    /// Words allowed between a subject and its verb of speech (`X a également déclaré`, `X has also said`).
    static let auxiliaryChain = FoldedSet(.quoteWordsAuxiliaryChain, [
        "a", "avait", "aura", "aurait", "ont", "avaient", "auront", "auraient", "est", "sont", "etait", "etaient",
        "sera", "serait", "s'", "se", "lui", "ne", "n'", "y", "has", "had", "have", "will", "would", "also",
        "egalement", "aussi", "encore", "ensuite", "alors", "deja", "enfin", "d'ailleurs", "toutefois",
        "cependant", "pourtant", "then", "later", "again", "further", "previously", "earlier", "recently",
        "meanwhile", "too", "meme", "lui-meme", "elle-meme", "himself", "herself", "publiquement", "publicly",
        "notamment", "simplement", "souvent", "often", "once", "vient", "venait", "de", "d'", "tenu", "tenue",
        "a", "voulu", "voulue", "su", "plus", "tard", "repeatedly", "personally", "personnellement", "only",
        "just", "already", "immediately", "quickly", "rapidement", "aussitot", "mardi", "lundi", "mercredi",
        "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "on", "hier", "yesterday", "today", "tonight", "ainsi", "would", "could", "may",
        "might", "should", "must", "can", "did", "does", "do", "is", "was", "were", "are", "been", "be",
        "va", "vont", "allait", "peut", "pourrait", "doit", "devait", "devrait", "to", "ailleurs", "par",
    ])
    /// Words that may stand between a verb of speech and a subject placed after it
    /// (`a déclaré ce mardi 28 juin le chancelier`, `said on Tuesday Senator X`).
    static let afterVerbSkip = FoldedSet(.quoteWordsAfterVerbSkip, [
        "ce", "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir",
        "apres-midi", "midi", "hier", "aujourd'hui", "encore", "egalement", "aussi", "alors", "ensuite",
        "enfin", "then", "also", "further", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "morning", "evening", "night", "afternoon", "yesterday", "today", "tonight",
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
        "novembre", "decembre", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "dernier", "derniere", "last", "week", "semaine",
        "recently", "later", "earlier", "once", "again", "too", "simply", "simplement", "meme", "even",
        "plus", "tard", "tot", "deja", "already", "ainsi", "cette", "fois", "-t-il", "lui", "leur",
    ])
    static let masculinePronouns = FoldedSet(.quoteWordsMasculinePronouns, ["il", "he", "celui-ci", "lui"])
    static let femininePronouns = FoldedSet(.quoteWordsFemininePronouns, ["elle", "she", "celle-ci"])
    static let pluralPronouns = FoldedSet(.quoteWordsPluralPronouns, ["ils", "elles", "they", "ceux-ci", "celles-ci"])
    static let firstPerson = FoldedSet(.quoteWordsFirstPerson, ["je", "j'", "nous", "i", "we", "me", "moi"])
    /// Lower-case words that may sit inside a name (`Ursula von der Leyen`, `Charles de Gaulle`).
    static let nameParticles = FoldedSet(.quoteWordsNameParticles, ["de", "du", "von", "van", "der", "den", "da", "di", "bin", "ben", "al", "el", "d'", "la", "le", "dos", "das", "y", "ter", "ibn", "abu", "del"])
    /// Words that end a noun phrase going rightwards.
    static let phraseStoppers = FoldedSet(.quoteWordsPhraseStoppers, [
        "qui", "que", "qu'", "who", "which", "that", "whose", "dont", "lors", "during", "in", "at", "a", "au",
        "aux", "dans", "sur", "pendant", "on", "when", "as", "apres", "avant", "devant", "before", "after",
        "to", "et", "and", "but", "mais", "ou", "or", "en", "par", "by", "with", "avec", "while", "tandis",
        "alors", "car", "because", "parce", "since", "depuis", "if", "si", "ce", "cette", "mardi", "lundi",
        "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "hier", "yesterday", "today", "aujourd'hui", "is", "was", "est",
        "etait", "a", "has", "had", "said", "says", "told", "added", "ajoute", "declare", "dit", "explique",
    ])
    /// Words that, just before a quote, mark it as a name (of a work, an operation, a slogan), not a quotation.
    static let namingWords = FoldedSet(.quoteWordsNamingWords, [
        "operation", "operations", "baptise", "baptisee", "baptises", "baptisees", "surnomme", "surnommee",
        "surnommes", "dubbed", "nicknamed", "so-called", "soi-disant", "intitule", "intitulee", "titled",
        "entitled", "slogan", "hashtag", "mot-diese", "livre", "book", "film", "album", "serie", "series",
        "emission", "show", "programme", "program", "plan", "projet", "project", "loi", "law", "act",
        "bill", "journal", "newspaper", "magazine", "chanson", "song", "exposition", "festival", "campagne",
        "campaign", "mouvement", "movement", "application", "app", "nom", "name", "named", "appele", "appelee",
        "appeles", "appelees", "called", "label", "titre", "title", "doctrine", "formule", "marque", "brand",
        "terme", "termes", "term", "terms", "mot", "mots", "word", "words", "expression", "expressions", "concept",
        "notion", "appellation", "phrase", "catchphrase", "motto", "devise", "baptême", "hashtags", "nommee", "nomme",
    ])
    static let calendarWords = FoldedSet(.quoteWordsCalendarWords, [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "janvier",
        "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    ])
    static let conjunctionsOfContrast = FoldedSet(.quoteWordsConjunctionsOfContrast, [
        "alors", "tandis", "while", "whereas", "but", "mais", "although", "bien", "meme", "because", "car",
    ])
    static let nameComplementHeads = FoldedSet(.quoteWordsNameComplementHeads, ["of", "from", "at", "de", "du", "des", "chez"])
    static let cliticsBeforeVerb = FoldedSet(.quoteWordsCliticsBeforeVerb, ["les", "lui", "leur", "l'", "se", "s'", "y", "en", "ne", "n'"])
    static let objectPronouns = FoldedSet(.quoteWordsObjectPronouns, ["la", "le", "les", "l'", "lui", "leur", "nous", "vous"])
    static let relativeSubjects = FoldedSet(.quoteWordsRelativeSubjects, ["lesquels", "lesquelles", "lequel", "laquelle", "qui", "who", "which"])
    static let definiteArticles = FoldedSet(.quoteWordsDefiniteArticles, ["l'", "la", "le", "les", "the"])
}
