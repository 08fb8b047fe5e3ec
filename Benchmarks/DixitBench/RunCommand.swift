import ArgumentParser
import DixitKit
import Foundation

/// `dixit-bench` (`run`): for each size, generates a corpus, then measures in fresh child
/// processes (so each peak-memory figure is its own): analysis on all cores without cache,
/// on one core, a cold start that fills the cache, a warm start from it, and filter keystrokes.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Generate corpora and measure everything (the default).")

    @Option(help: "Corpus sizes (articles), comma-separated.") var sizes = "1000,10000,100000"
    @Option(help: "Real articles to recombine.") var source = defaultSource()
    @Option(help: "Working directory for corpora and caches (default: a new temporary one).") var work: String?
    @Flag(help: "Keep the generated corpora and caches.") var keep = false
    @Option(help: "Files analysed on one core (at most).") var singleCoreFiles = 5000

    func run() throws {
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty else { throw ValidationError("--sizes takes numbers like 1000,10000") }
        let workDir = URL(fileURLWithPath: work ?? (NSTemporaryDirectory() + "dixit-bench-\(getpid())"))
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: workDir) } }
        let gen = try CorpusGenerator(source: source)
        say("dixit-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores; source \(source); work \(workDir.path)")
        var rows: [(Int, Row)] = []
        for n in counts {
            let corpus = workDir.appendingPathComponent("corpus-\(n)")
            let cache = workDir.appendingPathComponent("cache-\(n)")
            try? FileManager.default.removeItem(at: corpus)
            try? FileManager.default.removeItem(at: cache)
            let t0 = Clock.now()
            let bytes = try gen.generate(count: n, into: corpus, seed: UInt64(n), meanBytes: 3000)
            say(String(format: "\n== %d articles, %.1f MB (generated in %.1f s)", n, Double(bytes) / 1e6, Clock.now() - t0))
            var row = Row()
            row.all = try child(["load", corpus.path])
            report("analysis, all cores, no cache", row.all)
            row.single = try child(["load", "--single-core", "--limit", String(singleCoreFiles), corpus.path])
            report("analysis, one core (first \(row.single.files) files)", row.single)
            say("  memory held, estimated by part (MB): " + row.all.breakdown.sorted { $0.key < $1.key }
                .map { "\($0.key) \(String(format: "%.1f", Double($0.value) / 1e6))" }.joined(separator: ", ")
                + String(format: "; resident after load %.0f MB", Double(row.all.rssKiB) / 1024))
            row.cold = try child(["load", "--cache-dir", cache.path, corpus.path])
            report("cold start (analysis + cache writes)", row.cold)
            row.warm = try child(["load", "--cache-dir", cache.path, corpus.path])
            report("warm start (from cache)", row.warm)
            // The reader's start: the first builds its corpus index and saves it, the next reads it back.
            row.readerFirst = try child(["load", "--reader", "--cache-dir", cache.path, corpus.path])
            reportReader("reader start, index built and saved", row.readerFirst)
            row.readerWarm = try child(["load", "--reader", "--cache-dir", cache.path, corpus.path])
            reportReader("reader start, saved index read back", row.readerWarm)
            // The reader's slow keys take seconds each on the largest corpora: fewer queries there.
            row.filter = try child(["filter", "--queries", n >= 50_000 ? "6" : "40", "--cache-dir", cache.path, corpus.path])
            say(String(format: "  filter keystroke over %d quotes: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d keystrokes; %@)",
                         row.filter.quotes, row.filter.p50, row.filter.p90, row.filter.p99, row.filter.pmax, row.filter.samples, row.filter.note))
            for (kind, v) in row.filter.reader.sorted(by: { $0.key < $1.key }) where v.count == 5 {
                say(String(format: "  reader %@: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d keys, apply + render)",
                           kind, v[0], v[1], v[2], v[3], Int(v[4])))
            }
            say(String(format: "  with the reader's query targets: resident %.0f MB = %.2f x text",
                       Double(row.filter.rssKiB) / 1024, Double(row.filter.rssKiB) * 1024 / Double(max(1, row.all.bytes))))
            rows.append((n, row))
            if !keep { try? FileManager.default.removeItem(at: corpus); try? FileManager.default.removeItem(at: cache) }
        }
        summary(rows)
    }

    struct Row {
        var all = Figures(), single = Figures(), cold = Figures(), warm = Figures(), filter = Figures()
        var readerFirst = Figures(), readerWarm = Figures()
    }

    func reportReader(_ what: String, _ f: Figures) {
        let label = what + String(repeating: " ", count: max(0, 44 - what.count))
        say(label + String(format: " first screen %.3f s, everything ready %.2f s, %.2f CPU-s, peak RSS %.2f x text (index saved in %.2f s)",
                             f.start["firstScreenSeconds"] ?? 0, f.start["readySeconds"] ?? 0, f.cpuSeconds,
                             f.start["peakRSSOverText"] ?? 0, f.start["indexSaveSeconds"] ?? 0))
    }

    func report(_ what: String, _ f: Figures) {
        defer {
            if f.coresBefore > 0 {
                say(String(format: "    %.2f cores busy in the fastest run; the machine gave an arithmetic test %.2f cores before, %.2f after",
                           f.parallelism, f.coresBefore, f.coresAfter))
            }
            if f.firstBatchSeconds > 0 {
                say(String(format: "    first %d articles ready after %.3f s (the directory walk alone: %.3f s); %.3f s after the last batch",
                           16, f.firstBatchSeconds, f.walkSeconds, f.tailSeconds))
            }
        }
        let label = what + String(repeating: " ", count: max(0, 44 - what.count))
        say(label + String(format: " %7.2f s  %7.1f MB/s  %6.1f MB/CPU-s  peak RSS %6.0f MB = %.2f x text  (%d articles, %d quotes, %d entities%@)",
                     f.seconds, f.mbPerSecond, f.mbPerCPUSecond, Double(f.maxRSSKiB) / 1024, Double(f.maxRSSKiB) * 1024 / Double(max(1, f.bytes)),
                     f.articles, f.quotes, f.entities, f.cacheHits > 0 ? ", \(f.cacheHits) from cache" : ""))
    }

    /// Per-MB costs at each size: flat columns mean linear growth.
    func summary(_ rows: [(Int, Row)]) {
        say("\n== Summary (cost per MB of text; constant down a column = linear growth)")
        say("articles      MB   all-cores MB/s  1-core MB/s  MB/CPU-s  cold s/MB  warm s/MB  warm s  reader warm s  contains p99 ms  typing p99 ms  Enter p99 ms  picker p99 ms  } p99 ms  peak RSS/text")
        for (n, r) in rows {
            let mb = Double(r.all.bytes) / 1e6
            func p99(_ k: String) -> Double { r.filter.reader[k].map { $0.count == 5 ? $0[2] : 0 } ?? 0 }
            say(String(format: "%8d  %6.1f  %14.1f  %11.1f  %8.1f  %9.4f  %9.4f  %6.2f  %13.2f  %15.2f  %13.2f  %12.2f  %13.2f  %8.2f  %13.2f",
                         n, mb, r.all.mbPerSecond, r.single.mbPerSecond, r.single.mbPerCPUSecond, r.cold.seconds / mb, r.warm.seconds / mb, r.warm.seconds,
                         r.readerWarm.start["readySeconds"] ?? 0,
                         r.filter.p99, p99("filterTyping"), p99("filterEnter"), p99("picker"), p99("speakerJump"),
                         Double(r.all.maxRSSKiB) * 1024 / Double(max(1, r.all.bytes))))
        }
    }

    /// Runs this executable with `arguments` and decodes the figures it prints.
    func child(_ arguments: [String]) throws -> Figures {
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last else {
            throw ValidationErrorText("child \(arguments.joined(separator: " ")) failed with status \(p.terminationStatus)")
        }
        return try JSONDecoder().decode(Figures.self, from: Data(line.utf8))
    }
}
