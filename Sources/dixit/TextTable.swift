import DixitKit
import Foundation

/// Formats rows as an aligned table, CSV or JSON. Widths are terminal columns.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// The column that absorbs the lack of room (usually the longest text).
    var flexibleColumn: Int

    /// Aligned columns. When `width` is given, the flexible column is wrapped so
    /// each line fits; otherwise lines are as long as their content.
    func render(width: Int?) -> String {
        let clean = rows.map { $0.map { TerminalSanitizer.sanitize($0.replacingOccurrences(of: "\n", with: " ")) } }
        var widths = headers.map { DisplayWidth.of($0) }
        for r in clean { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        if let width {
            let others = widths.enumerated().filter { $0.offset != flexibleColumn }.map(\.element).reduce(0, +)
            let gaps = 2 * (headers.count - 1)
            widths[flexibleColumn] = max(10, min(widths[flexibleColumn], width - others - gaps))
        }
        var out = ""
        func line(_ cells: [String]) {
            var wrapped = cells.enumerated().map { i, c in
                i == flexibleColumn ? Self.wrap(c, width: widths[i]) : [Self.clip(c, width: widths[i])]
            }
            let height = wrapped.map(\.count).max() ?? 1
            for i in wrapped.indices { while wrapped[i].count < height { wrapped[i].append("") } }
            for k in 0..<height {
                var parts: [String] = []
                for i in cells.indices {
                    let c = wrapped[i][k]
                    parts.append(i == cells.count - 1 ? c : c + String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(c))))
                }
                out += parts.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            }
        }
        line(headers)
        line(widths.map { String(repeating: "─", count: $0) })
        for r in clean { line(r) }
        return out
    }

    func csv() -> String {
        func field(_ s: String) -> String {
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        return ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func clip(_ s: String, width: Int) -> String {
        guard DisplayWidth.of(s) > width else { return s }
        var out = "", w = 0
        for ch in s {
            let cw = DisplayWidth.of(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch); w += cw
        }
        return out + "…"
    }

    static func wrap(_ s: String, width: Int) -> [String] {
        var lines: [String] = [], cur = "", w = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            let ww = DisplayWidth.of(String(word))
            if w > 0 && w + 1 + ww > width { lines.append(cur); cur = ""; w = 0 }
            if ww > width {
                // A word longer than the column is cut at column boundaries.
                for ch in word {
                    let cw = DisplayWidth.of(String(ch))
                    if w + cw > width { lines.append(cur); cur = ""; w = 0 }
                    cur.append(ch); w += cw
                }
                continue
            }
            if w > 0 { cur += " "; w += 1 }
            cur += word; w += ww
        }
        if !cur.isEmpty || lines.isEmpty { lines.append(cur) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// The terminal's width when standard output is a terminal.
enum TerminalSize {
    static func stdoutColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }
}
