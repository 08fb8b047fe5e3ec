import DixitKit
import Foundation

/// What one measuring child process reports, as one JSON line on standard output.
struct Figures: Codable {
    var files = 0
    /// Bytes of the files read (the corpus text size).
    var bytes = 0
    var seconds = 0.0
    /// CPU time (user + system) of the process: on a machine shared with other work,
    /// bytes per CPU-second is the per-core throughput that wall time cannot show.
    var cpuSeconds = 0.0
    /// CPU-seconds over wall seconds of the fastest run: the cores the load kept busy.
    var parallelism = 0.0
    /// Cores the machine gave a pure arithmetic test just before and just after the runs
    /// (see `CoreCheck`; 0 when not measured): a parallelism far below the core count
    /// with these low too is the machine's, not the program's.
    var coresBefore = 0.0, coresAfter = 0.0
    /// Seconds from the start of the load to the first batch of articles (what a reader can show first).
    var firstBatchSeconds = 0.0
    /// Seconds from the last batch to the end of the load (closing the cache, dropping deleted files' entries).
    var tailSeconds = 0.0
    /// Seconds one walk of the input directories takes alone (before the timed load, which walks again).
    var walkSeconds = 0.0
    var cacheHits = 0
    var articles = 0
    var quotes = 0
    var entities = 0
    /// Peak resident memory (getrusage ru_maxrss), KiB.
    var maxRSSKiB = 0
    /// Resident memory with the corpus loaded, KiB.
    var rssKiB = 0
    /// Filter keystroke latencies, milliseconds.
    var p50 = 0.0, p90 = 0.0, p99 = 0.0, pmax = 0.0
    var samples = 0
    var note = ""
    /// The reader's key latencies (ms): p50, p90, p99, max, count, by kind of key.
    var reader: [String: [Double]] = [:]
    /// The reader's start (`load --reader`): seconds, CPU-seconds and memory ratios (see `ReaderStart`).
    var start: [String: Double] = [:]
    /// Estimated bytes held, by part (see `MemoryBreakdown`).
    var breakdown: [String: Int] = [:]

    var mbPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    var mbPerCPUSecond: Double { cpuSeconds > 0 ? Double(bytes) / 1e6 / cpuSeconds : 0 }
}

enum Memory {
    static func peakKiB() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss)
    }

    /// User plus system CPU time of this process so far, seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func residentKiB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let parts = s.split(separator: " ")
        guard parts.count > 1, let pages = Int(parts[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}

enum Clock {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

enum Percentile {
    static func of(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }
}

/// Sum of the sizes of `files`.
func totalBytes(_ files: [String]) -> Int {
    var total = 0
    for f in files {
        var st = stat()
        if stat(f, &st) == 0 { total += Int(st.st_size) }
    }
    return total
}

/// A line on standard output, written at once (print is block-buffered into a file or pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Where a loaded corpus's memory goes, estimated from the values: array capacities
/// times strides, plus the heap buffers of strings too long to be stored inline
/// (more than 15 UTF-8 bytes) and of texts kept as copies rather than read from the
/// article's text (strings shared between values are counted each time).
enum MemoryBreakdown {
    static func of(_ articles: [AnalyzedArticle]) -> [String: Int] {
        var text = 0, paragraphs = 0, entities = 0, entityStrings = 0, quotes = 0, quoteTexts = 0, quoteStrings = 0
        func heap(_ s: String) -> Int { s.utf8.count > 15 ? 32 + s.utf8.count + 1 : 0 }
        func heap(_ s: String?) -> Int { s.map { heap($0) } ?? 0 }
        for a in articles {
            text += a.article.text.storageBytes
            paragraphs += a.article.paragraphs.capacity * MemoryLayout<Paragraph>.stride
            entities += a.entities.capacity * MemoryLayout<Entity>.stride
            for e in a.entities { entityStrings += e.ownedTextBytes + (e.canonical == e.text ? 0 : heap(e.canonical)) }
            quotes += a.quotes.capacity * MemoryLayout<Quote>.stride
            for q in a.quotes {
                quoteTexts += q.ownedTextBytes
                quoteStrings += heap(q.speaker) + (q.speakerMention?.ownedTextBytes ?? 0) + (q.cue?.ownedTextBytes ?? 0)
            }
        }
        return ["text": text, "paragraphs": paragraphs, "entities": entities, "entityStrings": entityStrings,
                "quotes": quotes, "quoteTexts": quoteTexts, "quoteStrings": quoteStrings]
    }
}
