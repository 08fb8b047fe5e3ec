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
        let doc = QuoteDocument(article: article)
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
        for u in units {
            var a: Attribution?
            if let cue = u.presetCue {
                a = attributor.attribution(of: cue, lower: u.bounds.lowerBound, upper: u.bounds.upperBound - 1, region: u.region)
            }
            if a == nil {
                a = attributor.attribute(doc.marks[u.mark], openTok: u.openTok, closeTok: u.closeTok, region: u.region, bounds: u.bounds)
            }
            if classifier.isName(openTok: u.openTok, content: u.content, attributed: a?.explicit == true) { continue }
            let q = doc.marks[u.mark]
            if a?.speaker == nil {
                // No cue: a quote nested in another is the outer speaker's unless said otherwise;
                // a continuation or a quote right after another one continues its speaker.
                let standsAlone = QuoteUnits.fillsParagraph(u, doc: doc)
                if let parent = q.parent, let outer = found.last(where: { $0.unit.mark == parent })?.attribution {
                    a = inherited(outer)
                } else if !q.continuesPrevious, !standsAlone, u.openTok > doc.sentences[doc.tokens[u.openTok].sentence].lowerBound,
                          let s = attributor.sentenceSubject(of: u.openTok, region: u.region, bounds: u.bounds) {
                    a = s
                } else if standsAlone || QuoteUnits.isPullQuote(u, doc: doc) {
                    pending.append(found.count)
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
            found.append((u, kind, a))
            if let a, a.speaker != nil, q.depth == 1 {
                lastTop = (doc.tokens[u.openTok].paragraph, a)
                lastSpeaker = a
            }
        }
        // A subheading quote repeats words said further down, or introduces the next paragraph's speaker.
        for i in pending where found[i].attribution?.speaker == nil {
            let u = found[i].unit
            let words = TextFolding.fold(QuoteText.string(doc.text, u.content))
            let para = doc.tokens[u.openTok].paragraph
            if let later = found[(i + 1)...].first(where: { $0.attribution?.speaker != nil && TextFolding.fold(QuoteText.string(doc.text, $0.unit.content)).contains(words) }) {
                found[i].attribution = inherited(later.attribution!)
            } else if let next = found[(i + 1)...].first(where: { $0.attribution?.explicit == true && doc.tokens[$0.unit.openTok].paragraph <= para + 2 }) {
                found[i].attribution = inherited(next.attribution!)
            } else if let next = indirect.first(where: { $0.span.start > u.content.end && $0.speaker != nil }),
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
        let terms = QuoteKindClassifier.repeatedTerms(found.map { f in
            let text = QuoteText.string(doc.text, f.unit.content)
            let folded = TextFolding.fold(text).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
            return (folded, text.split(separator: " ").count, f.attribution?.explicit == true || f.attribution?.grounded == true)
        })
        if !terms.isEmpty {
            found.removeAll { f in
                f.unit.content.length < 60 && terms.contains(TextFolding.fold(QuoteText.string(doc.text, f.unit.content)).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)))
            }
        }
        var quotes: [Quote] = found.map { f in
            let a = f.attribution
            return Quote(span: f.unit.content, text: QuoteText.string(doc.text, f.unit.content), kind: f.kind, speaker: a?.speaker,
                         speakerMention: a?.mention.map { Mention(span: $0, text: QuoteText.string(doc.text, $0)) },
                         cue: a?.cue.map { Mention(span: $0, text: QuoteText.string(doc.text, $0)) })
        }
        quotes += indirect
        quotes.sort { $0.span < $1.span }
        return quotes
    }

    /// An attribution carried over to a quote with no cue of its own: same speaker, no mention or cue here.
    private func inherited(_ a: Attribution) -> Attribution {
        Attribution(speaker: a.speaker, mention: nil, cue: nil, gender: a.gender, explicit: false)
    }
}

/// One quotation to attribute: the words between a pair of marks, or one part of a quote
/// interrupted by its attribution (`« Nous allons gagner, a-t-il dit, et vite. »`).
struct QuoteUnit {
    var mark: Int
    var content: Span
    var openTok: Int
    var closeTok: Int?
    /// Quote region the attribution lives in (the enclosing quote, or -1).
    var region: Int
    /// Tokens the attribution search stays within.
    var bounds: Range<Int>
    /// The interrupting cue inside the marks, for the parts of a split quote.
    var presetCue: SpeechCue?
}

enum QuoteUnits {
    /// The quote is all its paragraph holds (a subheading), but for dashes and punctuation.
    static func fillsParagraph(_ u: QuoteUnit, doc: QuoteDocument) -> Bool {
        let range = doc.paragraphTokens[doc.tokens[u.openTok].paragraph]
        return !doc.tokens[range].contains { $0.isWord && $0.region == u.region }
    }

    /// `‘Ends recession debate’: CPA Canada` — a quote, a colon and a short source closing the paragraph.
    static func isPullQuote(_ u: QuoteUnit, doc: QuoteDocument) -> Bool {
        guard let c = u.closeTok, c + 1 < doc.tokens.count, doc.tokens[c + 1].fold == ":" else { return false }
        let range = doc.paragraphTokens[doc.tokens[u.openTok].paragraph]
        guard range.lowerBound == u.openTok else { return false }
        return range.upperBound - (c + 2) <= 6
    }

    static func split(doc: QuoteDocument, attributor: QuoteAttributor) -> [QuoteUnit] {
        var units: [QuoteUnit] = []
        let toks = doc.tokens
        for (qi, q) in doc.marks.enumerated() where !q.content.isEmpty {
            let openTok = attributor.tokenIndex(atOrAfter: q.openMark)
            guard openTok < toks.count else { continue }
            let closeTok = q.closeMark.map { attributor.tokenIndex(atOrAfter: $0) }
            let region = q.parent ?? -1
            let bounds: Range<Int>
            if let p = q.parent {
                let pq = doc.marks[p]
                let lo = attributor.tokenIndex(atOrAfter: pq.openMark + 1)
                let hi = attributor.tokenIndex(atOrAfter: pq.closeMark ?? doc.paragraphs[pq.paragraph].span.end)
                bounds = lo..<max(lo, hi)
            } else {
                bounds = doc.paragraphTokens[q.paragraph]
            }
            // An inverted attribution between commas inside the marks splits the quote in two.
            let inside = (openTok + 1)..<(closeTok ?? doc.paragraphTokens[q.paragraph].upperBound)
            var cut: (comma: Int, cue: SpeechCue, resume: Int)?
            var k = inside.lowerBound + 1
            while k < inside.upperBound - 1, cut == nil {
                if toks[k].region == qi, toks[k - 1].fold == ",", let cue = attributor.cues.cue(at: k),
                   cue.invertedPronoun != nil, !cue.isNegated {
                    var r = cue.tokens.upperBound + 1
                    // `, a-t-il dit mardi,` — allow a few words before the second comma.
                    while r < inside.upperBound, r - cue.tokens.upperBound <= 4, toks[r].fold != "," { r += 1 }
                    if r < inside.upperBound - 1, toks[r].fold == "," { cut = (k - 1, cue, r + 1) }
                }
                k += 1
            }
            if let cut {
                let first = doc.text.trimmed(Span(q.content.start, toks[cut.comma].span.end))
                let second = doc.text.trimmed(Span(toks[cut.resume].span.start, q.content.end))
                units.append(QuoteUnit(mark: qi, content: first, openTok: openTok, closeTok: nil, region: region,
                                       bounds: bounds, presetCue: cut.cue))
                units.append(QuoteUnit(mark: qi, content: second, openTok: cut.resume - 1, closeTok: closeTok, region: region,
                                       bounds: bounds, presetCue: cut.cue))
            } else {
                units.append(QuoteUnit(mark: qi, content: q.content, openTok: openTok, closeTok: closeTok, region: region,
                                       bounds: bounds, presetCue: nil))
            }
        }
        return units
    }
}
