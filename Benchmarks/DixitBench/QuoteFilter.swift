import DixitKit
import Foundation

/// The stand-in filter measured until the query language lands: bare words matched,
/// folded (case and accents ignored), against each quote's speaker and text.
///
/// Built once when the corpus is loaded: every quote's folded text in one byte buffer.
/// A keystroke that extends the previous query only looks at the previous matches.
struct QuoteFilter {
    private var buffer: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var count = 0

    init(_ articles: [AnalyzedArticle]) {
        for a in articles {
            for q in a.quotes {
                buffer.append(contentsOf: TextFolding.fold((q.speaker ?? "") + "\u{1}" + q.text).utf8)
                starts.append(buffer.count)
                count += 1
            }
        }
    }

    /// Indices of the quotes whose folded text contains the folded `query`, among `candidates` (all when nil).
    func matches(_ query: String, among candidates: [Int]? = nil) -> [Int] {
        let needle = Array(TextFolding.fold(query).utf8)
        guard !needle.isEmpty else { return candidates ?? Array(0..<count) }
        let ids = candidates ?? Array(0..<count)
        // Two halves on the two cores.
        let parts = ProcessInfo.processInfo.activeProcessorCount
        var results = [[Int]](repeating: [], count: parts)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSlots(out)
            buffer.withUnsafeBytes { buf in
                let base = UnsafePointerBox(buf.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let lo = ids.count * part / parts, hi = ids.count * (part + 1) / parts
                    var found: [Int] = []
                    needle.withUnsafeBytes { n in
                        for k in lo..<hi {
                            let q = ids[k]
                            if contains(base.pointer + starts[q], starts[q + 1] - starts[q], n) {
                                found.append(q)
                            }
                        }
                    }
                    slots.buffer[part] = found
                }
            }
        }
        return results.flatMap { $0 }
    }
}

/// Whether `needle` occurs in the `count` bytes at `hay` (memchr for the first byte, then memcmp).
private func contains(_ hay: UnsafeRawPointer, _ count: Int, _ needle: UnsafeRawBufferPointer) -> Bool {
    let n = needle.count
    guard n <= count else { return false }
    let first = Int32(needle[0])
    var p = hay
    var left = count
    while left >= n {
        guard let hit = memchr(p, first, left - n + 1) else { return false }
        if memcmp(hit, needle.baseAddress!, n) == 0 { return true }
        let skip = UnsafeRawPointer(hit) - p + 1
        p = UnsafeRawPointer(hit) + 1
        left -= skip
    }
    return false
}

private struct UnsafeSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}

private struct UnsafePointerBox: @unchecked Sendable {
    let pointer: UnsafeRawPointer
    init(_ p: UnsafeRawPointer) { pointer = p }
}
