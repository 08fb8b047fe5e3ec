import DixitKit
import Foundation
@testable import DixitUI

/// The seed articles with quotes and entities marked by hand from their text,
/// so UI tests show what the UI is given, whatever the extractors find.
enum SeedFixture {
    static let seedsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func load(_ name: String) -> Article {
        let path = seedsDirectory.appendingPathComponent(name).path
        guard case .success(var a) = ArticleLoader().load(path) else { fatalError("seed \(name) missing") }
        a.path = "seeds/" + name
        return a
    }

    static func span(_ needle: String, in text: ScalarText, occurrence: Int = 0) -> Span {
        let n = Array(needle.unicodeScalars)
        var seen = 0, i = 0
        while i + n.count <= text.count {
            if text.scalars[i] == n[0], Array(text.scalars[i..<(i + n.count)]) == n {
                if seen == occurrence { return Span(i, i + n.count) }
                seen += 1
            }
            i += 1
        }
        fatalError("\(needle) not in text")
    }

    static func entity(_ s: String, _ type: EntityType, in a: Article, occurrence: Int = 0) -> Entity {
        Entity(span: span(s, in: a.text, occurrence: occurrence), text: s, type: type, canonical: s)
    }

    static func quote(_ s: String, _ kind: QuoteKind, _ speaker: String?, in a: Article) -> Quote {
        Quote(span: span(s, in: a.text), text: s, kind: kind, speaker: speaker)
    }

    static let smithQuote = "Je dirais que plus des deux tiers des alliés fournissent en fait une assistance létale sous une forme ou une autre"

    /// Seed 000 (September 2022).
    static let seed000: AnalyzedArticle = {
        let a = load("000_62b49142b57b139c.txt")
        return AnalyzedArticle(article: a, entities: [
            entity("Jens Stoltenberg", .person, in: a),
            entity("Jens Stoltenberg", .person, in: a, occurrence: 1),
            entity("OTAN", .organisation, in: a),
            entity("Ukraine", .location, in: a, occurrence: 1),
            entity("Jake Sullivan", .person, in: a),
        ], quotes: [
            quote("Les référendums fictifs n’ont aucune légitimité et ne changent pas la nature de la guerre d’agression de la Russie contre l’Ukraine", .direct, "Jens Stoltenberg", in: a),
            quote("La communauté internationale doit condamner cette violation flagrante du droit international et renforcer son soutien à l’Ukraine", .direct, "Jens Stoltenberg", in: a),
            quote("Nous ne reconnaîtrons jamais ce territoire comme autre chose qu’une partie de l’Ukraine", .direct, "Jake Sullivan", in: a),
        ])
    }()

    /// Seed 004 (April 2022).
    static let seed004: AnalyzedArticle = {
        let a = load("004_f57e383da64bcd99.txt")
        return AnalyzedArticle(article: a, entities: [
            entity("OTAN", .organisation, in: a, occurrence: 1),
            entity("Jens Stoltenberg", .person, in: a),
            entity("Ukraine", .location, in: a),
            entity("Julianne Smith", .person, in: a),
        ], quotes: [
            quote("d'autres atrocités", .partial, "Jens Stoltenberg", in: a),
            quote("C'est une phase cruciale de la guerre", .direct, "Jens Stoltenberg", in: a),
            quote(smithQuote, .direct, "Julianne Smith", in: a),
        ])
    }()

    static var corpus: [AnalyzedArticle] { [seed000, seed004] }

    static func state(_ w: Int, _ h: Int) -> AppState {
        AppState(size: Size(width: w, height: h), articles: corpus)
    }
}

/// Runs actions in order on a state.
func run(_ state: AppState, _ actions: [Action]) -> AppState {
    var s = state
    for a in actions { _ = s.apply(a) }
    return s
}

func keys(_ s: String) -> [Action] {
    s.map { Action.key(.char($0)) }
}

/// The screen as text (for failure messages and eyeballing).
func screen(_ s: AppState) -> String {
    render(s, size: s.size).lines.joined(separator: "\n")
}
