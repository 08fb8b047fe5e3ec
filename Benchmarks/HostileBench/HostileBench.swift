import DixitKit
import Foundation

/// `hostile-bench [MB...]`: time to load, parse, analyse and export hostile
/// articles of 1, 2, 4 and 8 MB (or the sizes given), and the ratio of each time
/// to the time at half the size. Linear time shows as ratios near 2.
///
///     swift build -c release --product hostile-bench
///     .build/release/hostile-bench            # or: hostile-bench 1 2 4 8 16
@main
struct HostileBench {
    /// Hostile inputs, each built to `size` bytes from a repeated unit.
    static let kinds: [(name: String, make: @Sendable (Int) -> [UInt8])] = [
        ("one line of French news", { repeated(Array("Le ministre a déclaré mardi à Bruxelles : « Nous ne céderons rien », selon l'AFP. ".utf8), to: $0) }),
        ("many paragraphs", { repeated(Array("« Nous tiendrons », a affirmé Jean Dupont à Paris.\n".utf8), to: $0) }),
        ("quote marks only", { repeated(Array("«".utf8), to: $0) }),
        ("ASCII double quotes", { repeated(Array("\"".utf8), to: $0) }),
        ("nested guillemets", { nested($0) }),
        ("unclosed quotes", { repeated(Array("« Il a dit que ".utf8), to: $0) }),
        ("invalid UTF-8", { repeated(Array("é".utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x80, 0xF4, 0x90, 0x80, 0x80, 0x20], to: $0) }),
        ("Windows-1252", { repeated(Array("L'".utf8) + [0xE9, 0x74, 0xE9, 0x20, 0x93, 0x63, 0x68, 0x61, 0x75, 0x64, 0x94, 0x20], to: $0) }),
        ("punctuation only", { repeated(Array("!?.,;:…—«»“”()[]".utf8), to: $0) }),
        ("escape sequences", { repeated(Array("\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}".utf8), to: $0) }),
        ("capitalised words", { repeated(Array("Jean Paris Marie OTAN Nations Unies Kyiv ".utf8), to: $0) }),
    ]

    static func repeated(_ unit: [UInt8], to size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size + unit.count)
        while out.count + unit.count <= size { out += unit }
        return out
    }

    static func nested(_ size: Int) -> [UInt8] {
        let depth = size / 6
        return Array(("Titre\n" + String(repeating: "« ", count: depth / 2) + "x" + String(repeating: " »", count: depth / 2)).utf8)
    }

    static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func maxRSSMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage) // Glibc imports RUSAGE_SELF as an enum
        return usage.ru_maxrss / 1024
    }

    static func main() {
        let sizes = CommandLine.arguments.dropFirst().compactMap(Int.init)
        let megabytes = sizes.isEmpty ? [1, 2, 4, 8] : sizes
        let loader = ArticleLoader(), analyzer = Analyzer()
        print("kind".padding(toLength: 26, withPad: " ", startingAt: 0)
              + megabytes.map { "\($0) MB".leftPadded(10) }.joined()
              + "  ratios t(2n)/t(n)")
        var worst = 0.0
        for kind in kinds {
            var times: [Double] = []
            for mb in megabytes {
                let bytes = kind.make(mb * 1_000_000)
                // Best of three: the machine is shared.
                let t = (0..<3).map { _ in
                    seconds {
                        if case .success(let article) = loader.parse(path: "bench.txt", bytes: bytes) {
                            let analysed = analyzer.analyze(article)
                            _ = ExportFormat.articleJSON(analysed)
                        }
                    }
                }.min()!
                times.append(t)
            }
            let ratios = zip(times.dropFirst(), times).map { $0 / $1 }
            worst = max(worst, ratios.max() ?? 0)
            print(kind.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                  + times.map { String(format: "%9.3fs", $0) }.joined()
                  + "  " + ratios.map { String(format: "%.2f", $0) }.joined(separator: " "))
        }
        print(String(format: "worst ratio: %.2f (2.00 is linear); peak memory: %d MiB", worst, maxRSSMiB()))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
