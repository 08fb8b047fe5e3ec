import DixitKit
import Foundation

/// `hostile-bench [MB...]`: CPU time to load, parse, analyse and export hostile
/// articles of 1, 2, 4 and 8 MB (or the sizes given), the ratio of each time
/// to the time at half the size, and the whole pipeline's MB/s at each size.
/// Linear time shows as ratios near 2 and flat MB/s.
///
///     swift build -c release --product hostile-bench
///     .build/release/hostile-bench            # or: hostile-bench 0.25 0.5 1 2 (MB)
///     .build/release/hostile-bench --loading-only 1 2 4 8
///     .build/release/hostile-bench --only "quote marks" 0.002 0.004 0.008
@main
struct HostileBench {
    /// Hostile inputs, each built to `size` bytes from a repeated unit.
    static let kinds: [(name: String, make: @Sendable (Int) -> [UInt8])] = [
        ("one line of French news", { repeated(Array("Le ministre a déclaré mardi à Bruxelles : « Nous ne céderons rien », selon l'AFP. ".utf8), to: $0) }),
        ("many paragraphs", { repeated(Array("« Nous tiendrons », a affirmé Jean Dupont à Paris.\n".utf8), to: $0) }),
        ("short sentences", { repeated(Array("Jean Dupont a dit bonjour.\n".utf8), to: $0) }),
        ("short news paragraphs", { repeated(Array("Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz.\n« Nous avançons », a déclaré M. Macron.\nSelon l'Organisation mondiale de la santé (OMS), la situation reste « préoccupante ».\n".utf8), to: $0) }),
        ("many different names", { differentNames($0) }),
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

    /// Short paragraphs, each naming a different person (made-up names from syllables)
    /// with one of a few surnames, and quoting them.
    static func differentNames(_ size: Int) -> [UInt8] {
        let syllables = ["ba", "lo", "mi", "ra", "tu", "ne", "so", "vi", "ka", "de", "po", "lu"]
        var out: [UInt8] = []
        out.reserveCapacity(size + 200)
        var n = 0
        while out.count < size {
            var first = "", k = n
            repeat { first += syllables[k % syllables.count]; k /= syllables.count } while k > 0
            let surname = ["Dupont", "Martin", "Durand", "Lefebvre"][n % 4]
            let line = "« Nous tiendrons », a déclaré \(first.prefix(1).uppercased() + first.dropFirst()) \(surname) mardi. M. \(surname) a dit bonjour.\n"
            out += Array(line.utf8)
            n += 1
        }
        return out
    }

    static func nested(_ size: Int) -> [UInt8] {
        let depth = size / 6
        return Array(("Titre\n" + String(repeating: "« ", count: depth / 2) + "x" + String(repeating: " »", count: depth / 2)).utf8)
    }

    /// CPU seconds of this thread spent in `work`: unlike wall time, it does not
    /// depend on what else the machine runs.
    static func seconds(_ work: () -> Void) -> Double {
        let start = threadCPUSeconds()
        work()
        return threadCPUSeconds() - start
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func maxRSSMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage) // Glibc imports RUSAGE_SELF as an enum
        return usage.ru_maxrss / 1024
    }

    /// One line at once, unbuffered, so a slow run shows its progress.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func main() {
        let args = CommandLine.arguments.dropFirst()
        // --loading-only: decode, structure and export, without entity and quote extraction.
        let extraction = !args.contains("--loading-only")
        // --only WORDS: the kinds whose name contains WORDS.
        let only = args.firstIndex(of: "--only").flatMap { args.index(after: $0) < args.endIndex ? args[args.index(after: $0)] : nil }
        let sizes = args.compactMap(Double.init)
        let megabytes = sizes.isEmpty ? [1, 2, 4, 8] : sizes
        let loader = ArticleLoader(), analyzer = Analyzer()
        let stages = ["load", "entities", "quotes", "export"]
        say("per stage, CPU seconds, best of 3; ratios are t(2n)/t(n), 2.00 is linear")
        say("kind".padding(toLength: 26, withPad: " ", startingAt: 0) + "stage     "
            + megabytes.map { "\($0.formatted) MB".leftPadded(10) }.joined() + "  ratios")
        var worst: (ratio: Double, what: String) = (0, "")
        for kind in kinds where only.map({ kind.name.contains($0) }) ?? true {
            var times = [[Double]](repeating: [], count: stages.count)
            for mb in megabytes {
                let bytes = kind.make(Int(mb * 1_000_000))
                var best = [Double](repeating: .infinity, count: stages.count)
                for _ in 0..<3 {
                    var article: Article?
                    var entities: [Entity] = [], quotes: [Quote] = []
                    let t0 = seconds { article = try? loader.parse(path: "bench.txt", bytes: bytes).get() }
                    guard let article else { break }
                    let t1 = seconds { if extraction { entities = analyzer.entityRecognizer.recognize(article) } }
                    let t2 = seconds { if extraction { quotes = analyzer.quoteExtractor.extract(article, entities: entities) } }
                    let analysed = AnalyzedArticle(article: article, entities: entities, quotes: quotes)
                    let t3 = seconds { _ = ExportFormat.articleJSON(analysed) }
                    best = zip(best, [t0, t1, t2, t3]).map { min($0, $1) }
                }
                for k in stages.indices { times[k].append(best[k]) }
            }
            // The whole pipeline (all stages) and its throughput at each size: flat MB/s is linear time.
            let totals = megabytes.indices.map { m in stages.indices.reduce(0.0) { $0 + times[$1][m] } }
            times.append(totals)
            let stageNames = stages + ["all"]
            for (k, stage) in stageNames.enumerated() {
                let ratios = zip(times[k].dropFirst(), times[k]).map { $1 > 0.002 ? $0 / $1 : 0 }
                if let r = ratios.max(), r > worst.ratio { worst = (r, "\(kind.name) / \(stage)") }
                say((k == 0 ? kind.name : "").padding(toLength: 26, withPad: " ", startingAt: 0)
                    + stage.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + times[k].map { String(format: "%9.3fs", $0) }.joined()
                    + "  " + ratios.map { $0 == 0 ? "  - " : String(format: "%.2f", $0) }.joined(separator: " "))
            }
            say("".padding(toLength: 26, withPad: " ", startingAt: 0) + "MB/s      "
                + zip(megabytes, totals).map { String(format: "%10.2f", $1 > 0 ? $0 / $1 : 0) }.joined())
        }
        say(String(format: "worst ratio: %.2f", worst.ratio) + " (\(worst.what)); peak memory: \(maxRSSMiB()) MiB")
    }
}

extension Double {
    var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
