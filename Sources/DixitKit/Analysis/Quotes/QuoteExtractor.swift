import Foundation

/// Finds quotations and attributes them to their speakers.
///
/// Works on the article's analysed paragraphs (title and body): pairs quote marks
/// (`QuoteMarkScanner`), finds the cue and speaker next to each quote (`QuoteAttributor`),
/// lets cue-less quotes continue the previous speaker, and adds reported speech
/// (`IndirectSpeechFinder`). `entities` (people and organisations with their canonical
/// names) refine speaker names when given; the extractor works without them.
public struct QuoteExtractor: Sendable {
    public init() {}

    /// Quotes in the analysed paragraphs, sorted by position.
    public func extract(_ article: Article, entities: [Entity]) -> [Quote] {
        extract(article, entities: entities, tokens: nil)
    }

    /// `extract`, with the tokens of the article's paragraphs when already made (by index in
    /// `article.paragraphs`, nil where not; see `EntityRecognizer.recognizeKeepingTokens`).
    func extract(_ article: Article, entities: [Entity], tokens: [[Token]?]?) -> [Quote] {
        let doc = QuoteDocument(article: article, tokens: tokens)
        guard !doc.tokens.isEmpty else { return [] }
        let lexicon = QuoteLexicon.shared
        // Reported speech first: it walks every cue in text order and records the speakers it meets,
        // which later pronouns may refer to.
        var finder = IndirectSpeechFinder(doc: doc, attributor: QuoteAttributor(doc: doc, lexicon: lexicon, entities: entities))
        let indirect = finder.find()
        var attributor = finder.attributor
        let units = QuoteUnits.split(doc: doc, attributor: attributor)
        let classifier = QuoteKindClassifier(doc: doc)

        var found: [(unit: QuoteUnit, kind: QuoteKind, attribution: Attribution?)] = []
        var lastTop: (paragraph: Int, attribution: Attribution)?
        var lastSpeaker: Attribution?
        var lastDirectSentence = -1
        // Quotes standing as subheadings: their speaker comes later in the article.
        var pending: [Int] = []
        // Quoted words dropped as names (`the so-called "green deal"`): their other occurrences are names too.
        var namedTerms: [String] = []
        var lastFoundOfMark: [Int: Int] = [:]
        for u in units {
            var a: Attribution?
            if let cue = u.presetCue {
                // The interrupting attribution lies inside the marks: search the quote's own region.
                a = attributor.attribution(of: cue, lower: u.bounds.lowerBound, upper: u.bounds.upperBound - 1,
                                           region: doc.tokens[cue.tokens.lowerBound].region)
            }
            if a == nil {
                a = attributor.attribute(doc.marks[u.mark], openTok: u.openTok, closeTok: u.closeTok, region: u.region, bounds: u.bounds)
            }
            if classifier.isName(openTok: u.openTok, content: u.content, attributed: a?.explicit == true) {
                namedTerms.append(QuoteUnits.termKey(u.content, doc: doc).key)
                continue
            }
            let q = doc.marks[u.mark]
            if a?.speaker == nil {
                // No cue: a quote nested in another is the outer speaker's unless said otherwise;
                // a continuation or a quote right after another one continues its speaker.
                var standsAlone = QuoteUnits.fillsParagraph(u, doc: doc)
                // A long quote standing alone right after an attributed quote goes on with its speaker;
                // only a short one is a subheading.
                if standsAlone, let last = lastTop, doc.tokens[u.openTok].paragraph - last.paragraph <= 1,
                   QuoteUnits.termKey(u.content, doc: doc).words >= 12 {
                    standsAlone = false
                }
                if let parent = q.parent, let at = lastFoundOfMark[parent], let outer = found[at].attribution {
                    a = inherited(outer)
                } else if !q.continuesPrevious, !standsAlone, u.openTok > doc.sentences[doc.tokens[u.openTok].sentence].lowerBound,
                          let s = attributor.sentenceSubject(of: u.openTok, region: u.region, bounds: u.bounds) {
                    a = s
                } else if q.closeMark == nil || standsAlone, let credit = attributor.creditLine(after: u.openTok) {
                    a = credit
                } else if let intro = attributor.colonIntroduction(before: u.openTok) {
                    // `Le ministre a déclaré :` closing the previous paragraph introduces this one.
                    a = intro
                } else if standsAlone || QuoteUnits.isPullQuote(u, doc: doc) || doc.paragraphs[q.paragraph].role == .title {
                    // Headlines and subheadings: their speaker is given further down.
                    pending.append(found.count)
                } else if !q.continuesPrevious, let next = attributor.nextSentenceAttribution(after: u.openTok, region: u.region) {
                    // `Un « crime de guerre », des « atrocités »… Au lendemain, les dirigeants ont exprimé leur indignation.`
                    a = next
                } else if let last = lastTop, q.continuesPrevious || doc.tokens[u.openTok].paragraph - last.paragraph <= 1 {
                    a = inherited(last.attribution)
                } else if let lastSpeaker {
                    a = inherited(lastSpeaker)
                }
            }
            let sentence = doc.tokens[u.openTok].sentence
            let kind = classifier.kind(openTok: u.openTok, region: u.region, content: u.content,
                                       previousWasDirectInSentence: lastDirectSentence == sentence)
            if kind == .direct { lastDirectSentence = sentence }
            lastFoundOfMark[u.mark] = found.count
            found.append((u, kind, a))
            if let a, a.speaker != nil, q.depth == 1 {
                lastTop = (doc.tokens[u.openTok].paragraph, a)
                lastSpeaker = a
            }
        }
        // A subheading quote repeats words said further down, or introduces the next paragraph's speaker.
        // Folded texts are computed once each, only for quotes of a sane length, and looked for among the
        // next few quotes only: a flood of nested marks must stay linear.
        var foldedText: [Int: String] = [:]
        func folded(_ i: Int) -> String? {
            if let f = foldedText[i] { return f }
            guard found[i].unit.content.length <= QuoteExtractor.maxRepeatedQuote else { return nil }
            let f = TextFolding.fold(QuoteText.string(doc.text, found[i].unit.content))
            foldedText[i] = f
            return f
        }
        for i in pending where found[i].attribution?.speaker == nil {
            let u = found[i].unit
            let para = doc.tokens[u.openTok].paragraph
            let following = (i + 1)..<min(found.count, i + 1 + QuoteExtractor.laterQuotesSearched)
            if let words = folded(i), let later = following.first(where: {
                found[$0].attribution?.speaker != nil && folded($0).map({ QuoteExtractor.contains($0, words) }) == true }).map({ found[$0] }) {
                found[i].attribution = inherited(later.attribution!)
            } else if let next = found[following].first(where: { $0.attribution?.explicit == true && doc.tokens[$0.unit.openTok].paragraph <= para + 2 }) {
                found[i].attribution = inherited(next.attribution!)
            } else if let next = indirect[QuoteExtractor.firstStarting(after: u.content.end, in: indirect)...].prefix(QuoteExtractor.laterQuotesSearched)
                        .first(where: { $0.speaker != nil }),
                      doc.paragraphs.indices.contains(para + 1), next.span.start < doc.paragraphs[min(para + 2, doc.paragraphs.count - 1)].span.end {
                found[i].attribution = Attribution(speaker: next.speaker, explicit: false)
            } else if let last = lastSpeaker {
                found[i].attribution = inherited(last)
            }
        }
        // A quote running over several paragraphs has one speaker: the one its attributed part names.
        var i = 0
        while i < found.count {
            var j = i + 1
            while j < found.count, doc.marks[found[j].unit.mark].continuesPrevious { j += 1 }
            if j - i > 1, let explicit = found[i..<j].first(where: { $0.attribution?.explicit == true })?.attribution {
                for k in i..<j where found[k].attribution?.explicit != true { found[k].attribution = inherited(explicit) }
            }
            i = j
        }

        // Short quoted words repeated without anyone saying them: terms, not quotations.
        let keys = found.map { QuoteUnits.termKey($0.unit.content, doc: doc) }
        // Quotes opening a title, heading or paragraph before a colon are headline quotes, repeated on purpose.
        let headline = found.map { QuoteUnits.opensHeadline($0.unit, doc: doc) }
        var terms = QuoteKindClassifier.repeatedTerms(zip(found, keys).map { f, k in
            (k.key, k.words, f.attribution?.explicit == true || f.attribution?.grounded == true)
        })
        terms.formUnion(namedTerms)
        if !terms.isEmpty {
            var i = 0
            found.removeAll { _ in
                defer { i += 1 }
                return keys[i].words <= 3 && terms.contains(keys[i].key) && !headline[i]
            }
        }
        var quotes: [Quote] = found.map { f in
            let a = f.attribution
            return QuoteText.quote(doc, f.unit.content, kind: f.kind, speaker: a?.speaker, speakerMention: a?.mention, cue: a?.cue)
        }
        quotes += indirect
        quotes.sort { $0.span < $1.span }
        return quotes
    }

    /// `text.contains(words)` (Foundation's search), by comparing bytes when both are ASCII without
    /// a carriage return (where Foundation's search matches bytes exactly) and the naive search is
    /// bounded; Foundation's otherwise.
    static func contains(_ text: String, _ words: String) -> Bool {
        var text = text, words = words
        let fast: Bool? = text.withUTF8 { t -> Bool? in
            words.withUTF8 { w -> Bool? in
                guard !w.isEmpty, t.count * w.count <= 1 << 22, QuoteExtractor.isPlainASCII(t), QuoteExtractor.isPlainASCII(w)
                else { return nil }
                guard w.count <= t.count else { return false }
                let first = w[0]
                var i = 0
                while i <= t.count - w.count {
                    if t[i] == first, memcmp(t.baseAddress! + i, w.baseAddress!, w.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
        return fast ?? text.contains(words)
    }

    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// Index of the first quote of `quotes` (sorted by start) starting after `offset`.
    static func firstStarting(after offset: Int, in quotes: [Quote]) -> Int {
        var lo = 0, hi = quotes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotes[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Longest quote (in scalars) compared with a subheading's words.
    static let maxRepeatedQuote = 5_000
    /// How many later quotes a subheading's words are looked for in.
    static let laterQuotesSearched = 200

    /// An attribution carried over to a quote with no cue of its own: same speaker, no mention or cue here.
    private func inherited(_ a: Attribution) -> Attribution {
        Attribution(speaker: a.speaker, mention: nil, cue: nil, gender: a.gender, explicit: false)
    }
}
