import DixitKit
import DixitUI

/// The reader's side of the harness: the input's first line as a query typed in
/// the filter and search lines, keys taken from the input's last bytes, and
/// screens rendered at several sizes down to 1×1. Checks that no cell of any
/// screen holds a control character and that every line fits its width.
enum FuzzReader {
    static let keys: [Key] = ActionTable.all.flatMap(\.keys).filter { $0 != .char("q") }
        + [.char("x"), .char("é"), .char(":"), .backspace, .enter, .escape]
    static let sizes = [Size(width: 80, height: 24), Size(width: 1, height: 1), Size(width: 33, height: 9),
                        Size(width: 160, height: 48), Size(width: 0, height: 0)]

    static func run(_ bytes: [UInt8], _ analyzed: AnalyzedArticle) {
        let firstLine = bytes.prefix(while: { $0 != 0x0A }).prefix(300)
        let typed = String(decoding: firstLine, as: UTF8.self)
        checkQuery(typed, analyzed)

        var state = AppState(size: sizes[0], articles: [analyzed])
        checkScreens(state)
        // Filter and search with the typed text, then keys chosen by the last bytes.
        for prefix in [Key.char("f"), Key.char("/")] {
            _ = state.apply(.key(prefix))
            for ch in typed.prefix(60) { _ = state.apply(.key(.char(ch))) }
            _ = state.apply(.key(.enter))
            checkScreens(state)
        }
        for (i, b) in bytes.suffix(48).enumerated() {
            let effect = state.apply(.key(keys[Int(b) % keys.count]))
            if effect == .quit { break }
            if i % 8 == 7 { _ = state.apply(.resize(sizes[Int(b) % sizes.count])) }
        }
        checkScreens(state)
    }

    static func checkQuery(_ source: String, _ analyzed: AnalyzedArticle) {
        switch Query.parse(source) {
        case .success(let query):
            let target = QueryTarget(analyzed)
            _ = query.matches(target)
            for i in analyzed.quotes.indices { _ = query.matches(quote: i, in: target) }
            for i in analyzed.entities.indices { _ = query.matches(entity: i, in: target) }
        case .failure(let error):
            FuzzHarness.check(!error.message.isEmpty && error.position >= 0 && error.position <= source.count,
                              "query error without message or position out of the text: \(error)")
        }
    }

    static func checkScreens(_ state: AppState) {
        for size in sizes {
            var s = state
            _ = s.apply(.resize(size))
            let grid = render(s, size: size)
            for y in 0..<grid.height {
                for x in 0..<grid.width {
                    for u in grid[x, y].text.unicodeScalars {
                        FuzzHarness.check(TerminalSanitizer.replacement(for: u) == u && u.value >= 0x20,
                                          "cell (\(x), \(y)) at \(size.width)×\(size.height) holds control U+\(String(u.value, radix: 16))")
                    }
                }
                FuzzHarness.check(DisplayWidth.of(grid.line(y)) <= grid.width, "line \(y) wider than \(grid.width)")
            }
        }
    }
}
