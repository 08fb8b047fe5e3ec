// entity-bench: entity recognition throughput on one core.
//
//   swift build -c release --product entity-bench
//   .build/release/entity-bench [PATH…] [--seconds N]
//
// Reads the articles at PATH (files or directories; the repository's seeds/
// when none is given), loads them once, then runs EntityRecognizer over them
// again and again on this thread for N seconds (default 3) and reports the
// megabytes of article text (UTF-8) recognised per second.
import DixitKit
import Foundation

var paths: [String] = []
var seconds = 3.0
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--seconds", let v = args.popFirst().flatMap(Double.init) { seconds = v } else { paths.append(a) }
}
if paths.isEmpty {
    // The seeds beside this package: Benchmarks/EntityBench/main.swift → repository root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    paths = [root.appendingPathComponent("seeds").path]
}

let loader = ArticleLoader()
let (files, problems) = loader.collectFiles(paths)
for p in problems { FileHandle.standardError.write(Data("entity-bench: \(p)\n".utf8)) }
var articles: [Article] = []
var bytes = 0
for f in files {
    if case .success(let a) = loader.load(f) {
        articles.append(a)
        bytes += a.text.string.utf8.count
    }
}
guard !articles.isEmpty, bytes > 0 else {
    FileHandle.standardError.write(Data("entity-bench: no article to read\n".utf8))
    exit(1)
}

// Warm-up: loads the lexicons, which is not part of the measured throughput.
let lexiconStart = DispatchTime.now().uptimeNanoseconds
let recognizer = EntityRecognizer()
var mentions = recognizer.recognize(articles[0]).count
let lexiconTime = Double(DispatchTime.now().uptimeNanoseconds - lexiconStart) / 1e9

/// CPU time of this thread, in seconds: the figure that does not depend on what
/// else the machine runs (wall time is reported beside it).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var rounds = 0
var processed = 0
let start = DispatchTime.now().uptimeNanoseconds
let cpuStart = threadCPUSeconds()
var elapsed = 0.0
repeat {
    for a in articles { mentions &+= recognizer.recognize(a).count }
    processed += bytes
    rounds += 1
    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
} while elapsed < seconds
let cpu = threadCPUSeconds() - cpuStart

let mbps = Double(processed) / cpu / 1_000_000
let wallMbps = Double(processed) / elapsed / 1_000_000
print("articles \(articles.count), \(bytes) bytes, \(rounds) rounds in \(String(format: "%.2f", elapsed)) s wall, \(String(format: "%.2f", cpu)) s CPU")
print("first call (lexicon load + 1 article): \(String(format: "%.3f", lexiconTime)) s")
print("entity recognition: \(String(format: "%.2f", mbps)) MB/s of CPU time on one core (\(String(format: "%.2f", wallMbps)) MB/s wall; mentions \(mentions))")
