import DixitKit
import Testing
@testable import DixitUI

/// Random key sequences at many sizes, and analyses with spans that do not fit
/// their text: the reader never traps and every screen fits its width.
@Suite struct RobustnessTests {
    /// A small deterministic generator (the same sequence on every run).
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keyPool: [Key] = ActionTable.all.flatMap(\.keys).filter { $0 != .char("q") }
        + [.char("x"), .char("é"), .char("東"), .char(":"), .char("\""), .backspace, .ctrl("w"), .enter, .escape]

    @Test(arguments: [(40, 12), (30, 8), (29, 7), (80, 24), (100, 30), (120, 35), (200, 60), (1, 1)])
    func randomKeysNeverBreakTheScreen(width: Int, height: Int) {
        var rng = SplitMix(state: UInt64(width * 1000 + height))
        var s = SeedFixture.state(width, height)
        for step in 0..<400 {
            let action: Action
            switch Int.random(in: 0..<20, using: &rng) {
            case 0:
                action = .mouse(MouseEvent([.click, .wheelUp, .wheelDown].randomElement(using: &rng)!,
                                           x: Int.random(in: -2...width + 2, using: &rng),
                                           y: Int.random(in: -2...height + 2, using: &rng)))
            case 1:
                action = .resize(Size(width: Int.random(in: 0...220, using: &rng), height: Int.random(in: 0...70, using: &rng)))
            default:
                action = .key(Self.keyPool.randomElement(using: &rng)!)
            }
            _ = s.apply(action)
            if step % 10 == 0 || step == 399 {
                let g = render(s, size: s.size)
                for l in g.lines { #expect(DisplayWidth.of(l) <= g.width) }
            }
        }
    }

    @Test func spansOutsideTheTextAreIgnored() {
        let article = SeedFixture.seed000.article
        let n = article.text.count
        let bad = AnalyzedArticle(article: article, entities: [
            Entity(span: Span(n - 3, n + 40), text: "x", type: .person, canonical: "x"),
            Entity(span: Span(n + 10, n + 20), text: "y", type: .location, canonical: "y"),
        ], quotes: [
            Quote(span: Span(n + 5, n + 9), text: "z", kind: .direct, speaker: "Nobody"),
            Quote(span: Span(0, n + 100), text: "all", kind: .indirect, speaker: nil),
        ])
        var s = AppState(size: Size(width: 120, height: 35), articles: [bad])
        for k in ["]", "]", "]", "}", "s", "a"] { _ = s.apply(.key(.char(Character(k)))) }
        let g = render(s, size: s.size)
        #expect(g.lines[0].contains("Articles 1/1"))
    }
}
