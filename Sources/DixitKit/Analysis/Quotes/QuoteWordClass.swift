/// The closed word classes the quote rules test tokens against, one bit each: every token's
/// classes are looked up once per article (`QuoteLexicon.vocabulary`), and `FoldedSet.contains(_: QToken)`
/// then tests a bit instead of hashing the word again.
enum QuoteWordClass: Int, CaseIterable, Sendable {
    case speakerPhraseFinderCapitalisedParticles
    case speakerPhraseFinderHonorifics
    case speakerPhraseFinderPossessives
    case speakerPhraseFinderCapitalisedFunctionWords
    case speakerPhraseFinderComplementWords
    case speakerPhraseFinderNounComplementWords
    case speakerPhraseFinderPrepositions
    case speakerPhraseFinderRelativeStarts
    case indirectSpeechFinderBareClauseVerbs
    case indirectSpeechFinderClauseCutters
    case indirectSpeechFinderThatWords
    case indirectSpeechFinderBareInfinitives
    case indirectSpeechFinderConjunctionHeads
    case indirectSpeechFinderAdverbialOpeners
    case indirectSpeechFinderSubordinators
    case quoteAttributorDashes
    case quoteAttributorSubordinators
    case quoteAttributorFiniteAuxiliaries
    case quoteDocumentAbbreviations
    case quoteWordsDeterminers
    case quoteWordsAuxiliaryChain
    case quoteWordsAfterVerbSkip
    case quoteWordsMasculinePronouns
    case quoteWordsFemininePronouns
    case quoteWordsPluralPronouns
    case quoteWordsFirstPerson
    case quoteWordsNameParticles
    case quoteWordsPhraseStoppers
    case quoteWordsNamingWords
    case quoteWordsCalendarWords
    case quoteWordsConjunctionsOfContrast
    case quoteWordsNameComplementHeads
    case quoteWordsCliticsBeforeVerb
    case quoteWordsObjectPronouns
    case quoteWordsRelativeSubjects
    case quoteWordsDefiniteArticles
    case speechCueFinderInfinitiveGovernors
    case speechCueFinderCueStarters
    case speakerResolverRoleStopWords
    case speechCueFinderCliticHosts
    case speechCueFinderFaireComplements
    case speechCueFinderFaireForms
    case speechCueFinderAuxiliaries
    case speechCueFinderParticipleGap
    case speechCueFinderPostQuoteLemmas

    /// The set of this class (whose `bit` is `1 << rawValue`).
    var set: FoldedSet {
        switch self {
        case .speakerPhraseFinderCapitalisedParticles: return SpeakerPhraseFinder.capitalisedParticles
        case .speakerPhraseFinderHonorifics: return SpeakerPhraseFinder.honorifics
        case .speakerPhraseFinderPossessives: return SpeakerPhraseFinder.possessives
        case .speakerPhraseFinderCapitalisedFunctionWords: return SpeakerPhraseFinder.capitalisedFunctionWords
        case .speakerPhraseFinderComplementWords: return SpeakerPhraseFinder.complementWords
        case .speakerPhraseFinderNounComplementWords: return SpeakerPhraseFinder.nounComplementWords
        case .speakerPhraseFinderPrepositions: return SpeakerPhraseFinder.prepositions
        case .speakerPhraseFinderRelativeStarts: return SpeakerPhraseFinder.relativeStarts
        case .indirectSpeechFinderBareClauseVerbs: return IndirectSpeechFinder.bareClauseVerbs
        case .indirectSpeechFinderClauseCutters: return IndirectSpeechFinder.clauseCutters
        case .indirectSpeechFinderThatWords: return IndirectSpeechFinder.thatWords
        case .indirectSpeechFinderBareInfinitives: return IndirectSpeechFinder.bareInfinitives
        case .indirectSpeechFinderConjunctionHeads: return IndirectSpeechFinder.conjunctionHeads
        case .indirectSpeechFinderAdverbialOpeners: return IndirectSpeechFinder.adverbialOpeners
        case .indirectSpeechFinderSubordinators: return IndirectSpeechFinder.subordinators
        case .quoteAttributorDashes: return QuoteAttributor.dashes
        case .quoteAttributorSubordinators: return QuoteAttributor.subordinators
        case .quoteAttributorFiniteAuxiliaries: return QuoteAttributor.finiteAuxiliaries
        case .quoteDocumentAbbreviations: return QuoteDocument.abbreviations
        case .quoteWordsDeterminers: return QuoteWords.determiners
        case .quoteWordsAuxiliaryChain: return QuoteWords.auxiliaryChain
        case .quoteWordsAfterVerbSkip: return QuoteWords.afterVerbSkip
        case .quoteWordsMasculinePronouns: return QuoteWords.masculinePronouns
        case .quoteWordsFemininePronouns: return QuoteWords.femininePronouns
        case .quoteWordsPluralPronouns: return QuoteWords.pluralPronouns
        case .quoteWordsFirstPerson: return QuoteWords.firstPerson
        case .quoteWordsNameParticles: return QuoteWords.nameParticles
        case .quoteWordsPhraseStoppers: return QuoteWords.phraseStoppers
        case .quoteWordsNamingWords: return QuoteWords.namingWords
        case .quoteWordsCalendarWords: return QuoteWords.calendarWords
        case .quoteWordsConjunctionsOfContrast: return QuoteWords.conjunctionsOfContrast
        case .quoteWordsNameComplementHeads: return QuoteWords.nameComplementHeads
        case .quoteWordsCliticsBeforeVerb: return QuoteWords.cliticsBeforeVerb
        case .quoteWordsObjectPronouns: return QuoteWords.objectPronouns
        case .quoteWordsRelativeSubjects: return QuoteWords.relativeSubjects
        case .quoteWordsDefiniteArticles: return QuoteWords.definiteArticles
        case .speechCueFinderInfinitiveGovernors: return SpeechCueFinder.infinitiveGovernors
        case .speechCueFinderCueStarters: return SpeechCueFinder.cueStarters
        case .speakerResolverRoleStopWords: return SpeakerResolver.roleStopWords
        case .speechCueFinderCliticHosts: return SpeechCueFinder.cliticHosts
        case .speechCueFinderFaireComplements: return SpeechCueFinder.faireComplements
        case .speechCueFinderFaireForms: return SpeechCueFinder.faireForms
        case .speechCueFinderAuxiliaries: return SpeechCueFinder.auxiliaries
        case .speechCueFinderParticipleGap: return SpeechCueFinder.participleGap
        case .speechCueFinderPostQuoteLemmas: return SpeechCueFinder.postQuoteLemmas
        }
    }
}
