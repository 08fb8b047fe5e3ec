/// A parsed query of the one query language dixit uses to filter articles,
/// quotes and entities (in the reader's filter line and on the command line).
///
/// A query is a list of terms that must all hold:
///
///     speaker:stoltenberg  entity:OTAN  type:PER  date:2022-04  date:2022-01..2022-06
///     lang:fr  kind:direct  "quoted phrase"  -excluded  bare words
///
/// Matching ignores case and accents (`TextFolding.fold`): `otan` finds `OTAN`,
/// `etats-unis` finds `États-Unis`.
public struct Query: Hashable, Sendable {
    /// The terms, in the order written; all must hold.
    public var terms: [QueryTerm]
    /// The text the query was parsed from.
    public var source: String

    public init(terms: [QueryTerm], source: String) {
        self.terms = terms
        self.source = source
    }

    /// The query that matches everything.
    public static let all = Query(terms: [], source: "")

    /// Whether the query has no term (it matches everything).
    public var isEmpty: Bool { terms.isEmpty }

    /// Parses `source`; a malformed query gives an error with a message and a position.
    public static func parse(_ source: String) -> Result<Query, QueryError> {
        QueryParser.parse(source)
    }
}

/// One condition of a query.
public struct QueryTerm: Hashable, Sendable {
    /// What a term looks at.
    public enum Field: String, CaseIterable, Sendable {
        case speaker, entity, type, date, lang, kind
        /// A bare word or a quoted phrase: searched in the text.
        case text
    }

    /// The value a term compares with, already normalised.
    public enum Value: Hashable, Sendable {
        /// Folded text (see `QueryText.normalize`).
        case text(String)
        case entityType(EntityType)
        case dateRange(from: ArticleDate?, to: ArticleDate?)
        case kind(QuoteKind)
    }

    public var field: Field
    public var value: Value
    /// `-term`: the term must not hold.
    public var negated: Bool
    /// Where the term is in the query, in characters.
    public var range: Range<Int>

    public init(field: Field, value: Value, negated: Bool = false, range: Range<Int>) {
        self.field = field
        self.value = value
        self.negated = negated
        self.range = range
    }
}

/// A query that could not be parsed: what is wrong and where.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Offset in characters (`Character`s of the query string) of the problem.
    public var position: Int

    public init(message: String, position: Int) {
        self.message = message
        self.position = position
    }

    public var description: String { "column \(position + 1): \(message)" }
}

/// Normalisation shared by the query and the text it is matched against.
public enum QueryText {
    /// Folded (case and accents removed) with runs of white space made one space.
    public static func normalize(_ s: String) -> String {
        let folded = TextFolding.fold(s)
        var out = String.UnicodeScalarView()
        var lastSpace = false
        for ch in folded.unicodeScalars {
            if ch.isSpaceLike || ch.isLineBreak {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return String(out)
    }
}
