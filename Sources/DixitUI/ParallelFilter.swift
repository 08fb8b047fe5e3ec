import Dispatch
import DixitKit

enum ParallelFilter {
    /// Indices of the targets `query` lets through, in order. Large corpora are
    /// checked in chunks on every core: applying a filter searches every article.
    static func matching(_ query: Query, in targets: [QueryTarget]) -> [Int] {
        let n = targets.count
        guard n >= 2_000 else { return targets.indices.filter { query.matches(targets[$0]) } }
        let chunks = 16
        let size = (n + chunks - 1) / chunks
        let flags = [Bool](unsafeUninitializedCapacity: n) { buffer, count in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * size, hi = min(n, lo + size)
                guard lo < hi else { return }
                for i in lo..<hi { (out.baseAddress! + i).initialize(to: query.matches(targets[i])) }
            }
            count = n
        }
        return flags.indices.filter { flags[$0] }
    }
}
