// quote-bench: quote-extraction throughput on one core.
//
// Usage: swift run -c release quote-bench [--rounds N] [--min-mb M] [--entities | --pipeline] [PATH…]
// PATHs are article files or folders (default: the repository's seeds/). The articles are
// loaded once (with `--entities`, their entities are recognised once too, untimed), then
// `QuoteExtractor.extract` runs over them on this thread until at least M MB of article
// text have been processed; reports MB/s by wall time and by this thread's CPU time.
// With `--pipeline`, the quote stage as `Analyzer` runs it (on the entity side's tokens):
// CPU time of `Analyzer.analyze` minus that of `EntityRecognizer.recognize`, same rounds.
import DixitKit
import Foundation

var rounds = 0
var minMB = 20.0
var paths: [String] = []
var withEntities = false
var pipeline = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--rounds": rounds = Int(args.popFirst() ?? "") ?? 0
    case "--min-mb": minMB = Double(args.popFirst() ?? "") ?? minMB
    case "--entities": withEntities = true
    case "--pipeline": pipeline = true
    case "-h", "--help":
        print("usage: quote-bench [--rounds N] [--min-mb M] [--entities | --pipeline] [PATH…]  (default PATH: seeds/)")
        exit(0)
    default: paths.append(a)
    }
}
if paths.isEmpty {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    paths = [here.appendingPathComponent("seeds").path]
}

let loader = ArticleLoader()
let (files, problems) = loader.collectFiles(paths)
for p in problems { FileHandle.standardError.write(Data((p.description + "\n").utf8)) }
var articles: [Article] = []
var bytes = 0
for f in files {
    if case .success(let a) = loader.load(f) {
        articles.append(a)
        bytes += a.text.string.utf8.count
    }
}
guard !articles.isEmpty, bytes > 0 else {
    FileHandle.standardError.write(Data("quote-bench: no articles\n".utf8))
    exit(1)
}
let extractor = QuoteExtractor()
let entities: [[Entity]] = withEntities ? articles.map { EntityRecognizer().recognize($0) } : articles.map { _ in [] }
// Warm up (lexicon loading is a one-time cost, not throughput).
var quotes = 0
for (a, e) in zip(articles, entities) { quotes += extractor.extract(a, entities: e).count }
let perRound = Double(bytes) / 1_000_000
let n = rounds > 0 ? rounds : max(1, Int((minMB / perRound).rounded(.up)))
/// CPU time of this thread: on a shared machine, wall time also counts other processes' turns.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
if pipeline {
    // Same rounds of the whole analysis and of entities alone; the quote stage is the difference.
    let analyzer = Analyzer(), recognizer = EntityRecognizer()
    for a in articles { _ = analyzer.analyze(a) }
    var sink = 0
    let analysisStart = threadCPUSeconds()
    for _ in 0..<n { for a in articles { sink &+= analyzer.analyze(a).quotes.count } }
    let analysisCPU = threadCPUSeconds() - analysisStart
    let entityStart = threadCPUSeconds()
    for _ in 0..<n { for a in articles { sink &+= recognizer.recognize(a).count } }
    let entityCPU = threadCPUSeconds() - entityStart
    let mb = perRound * Double(n)
    let quoteCPU = analysisCPU - entityCPU
    print(String(format: "quote-bench (pipeline): %d articles, %.1f MB; analysis CPU %.3f s (%.1f MB/s), entities %.3f s (%.1f MB/s), quotes %.3f s (%.1f MB/s, %.0f%% of analysis) [%d]",
                 articles.count, mb, analysisCPU, mb / analysisCPU, entityCPU, mb / entityCPU, quoteCPU, mb / quoteCPU,
                 100 * quoteCPU / analysisCPU, sink))
    exit(0)
}
let clock = ContinuousClock()
var total = 0
let cpuStart = threadCPUSeconds()
let elapsed = clock.measure {
    for _ in 0..<n {
        for (a, e) in zip(articles, entities) { total &+= extractor.extract(a, entities: e).count }
    }
}
let cpu = threadCPUSeconds() - cpuStart
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let mb = perRound * Double(n)
print(String(format: "quote-bench%@: %d articles, %.3f MB of text × %d rounds = %.1f MB; wall %.3f s: %.1f MB/s; one-core CPU %.3f s: %.1f MB/s (%d quotes per round)",
             withEntities ? " (with entities)" : "", articles.count, perRound, n, mb, seconds, mb / seconds, cpu, mb / cpu, quotes))
