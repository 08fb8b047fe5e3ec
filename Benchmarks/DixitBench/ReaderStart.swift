import DixitKit
import DixitUI
import Foundation

/// `dixit-bench load --reader`: the reader's start as `dixit` runs it: a loader thread
/// loads (from the analysis cache when warm) and prepares each batch for the corpus
/// index on every core (`CorpusIndexPart.prepare`); the main thread merges the batches
/// into its state and redraws, until loading is over and the index is frozen. Timed
/// from the start to the first screen and to the index complete (every key fast).
enum ReaderStart {
    struct Result {
        var firstScreenSeconds = 0.0
        /// Until the last batch is merged, loading finished and the index frozen.
        var readySeconds = 0.0
        /// Until the loader returned (its last batch posted).
        var loadSeconds = 0.0
        /// CPU time (thread CPU, summed over the threads) preparing parts, and merging them
        /// on the main thread (with the list rows), seconds.
        var prepareCPUSeconds = 0.0
        var mergeCPUSeconds = 0.0
        /// Peak resident memory (KiB) before the last actions (loading finished: the index frozen).
        var peakBeforeFinishKiB = 0
        /// The most articles waiting (prepared) for the main thread at once.
        var maxQueuedArticles = 0
        var state: AppState
        var cacheHits = 0
    }

    static func run(_ paths: [String], cacheDirectory: URL?) -> Result {
        AllocatorTuning.forLargeCorpora()   // as the reader does
        let size = Size(width: 160, height: 48)
        let mailbox = Mailbox()
        let t0 = Clock.now()
        let loader = Thread {
            let out = CorpusLoader().load(paths, cacheDirectory: cacheDirectory, keepingArticles: false, onBatch: { batch in
                let (parts, cpu) = prepare(batch.articles)
                mailbox.post(.loaded(parts, done: batch.done, total: batch.total), cpu: cpu)
            })
            mailbox.finish(cacheHits: out.cacheHits, seconds: Clock.now() - t0)
            mailbox.post(.loadingFinished(problems: []), cpu: 0)
        }
        loader.stackSize = 1 << 22
        loader.start()
        var result = Result(state: AppState(size: size))
        result.state.loading = LoadingProgress(done: 0, total: 0, finished: false)
        var drawn = false
        while true {
            let (actions, over) = mailbox.wait()
            var queued = 0
            for case .loaded(let parts, _, _) in actions { queued += parts.reduce(0) { $0 + $1.articles.count } }
            result.maxQueuedArticles = max(result.maxQueuedArticles, queued)
            if over { result.peakBeforeFinishKiB = Memory.peakKiB() }
            let c0 = Clock.threadCPU()
            for a in actions { _ = result.state.apply(a) }
            result.mergeCPUSeconds += Clock.threadCPU() - c0
            if !drawn, !result.state.corpus.isEmpty {
                _ = render(result.state, size: size)
                result.firstScreenSeconds = Clock.now() - t0
                drawn = true
            }
            if over { break }
        }
        _ = render(result.state, size: size)
        result.readySeconds = Clock.now() - t0
        (result.prepareCPUSeconds, result.cacheHits, result.loadSeconds) = mailbox.totals()
        return result
    }

    /// `CorpusIndexPart.prepare`, with the thread CPU time of each part summed.
    private static func prepare(_ articles: [AnalyzedArticle]) -> ([CorpusIndexPart], Double) {
        let size = 512   // as CorpusIndexPart.prepare
        let n = (articles.count + size - 1) / size
        let slots = Slots(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let c0 = Clock.threadCPU()
            let part = CorpusIndexPart(Array(articles[(i * size)..<min(articles.count, (i + 1) * size)]))
            slots.set(i, part, cpu: Clock.threadCPU() - c0)
        }
        return slots.result()
    }

    /// Actions from the loader thread to the main one.
    private final class Mailbox: @unchecked Sendable {
        private let lock = NSLock()
        private let ready = DispatchSemaphore(value: 0)
        private var pending: [Action] = []
        private var finished = false
        private var cpu = 0.0
        private var hits = 0
        private var seconds = 0.0

        func post(_ a: Action, cpu: Double) {
            lock.lock()
            pending.append(a)
            self.cpu += cpu
            if case .loadingFinished = a { finished = true }
            lock.unlock()
            ready.signal()
        }

        func finish(cacheHits: Int, seconds: Double) {
            lock.lock(); hits = cacheHits; self.seconds = seconds; lock.unlock()
        }

        /// The actions posted since the last call (waiting for one), and whether loading is over.
        func wait() -> ([Action], Bool) {
            ready.wait()
            lock.lock(); defer { lock.unlock() }
            let out = pending
            pending = []
            return (out, finished)
        }

        func totals() -> (Double, Int, Double) {
            lock.lock(); defer { lock.unlock() }
            return (cpu, hits, seconds)
        }
    }

    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [CorpusIndexPart?]
        private var cpu = 0.0
        init(count: Int) { parts = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ p: CorpusIndexPart, cpu: Double) {
            lock.lock(); parts[i] = p; self.cpu += cpu; lock.unlock()
        }
        func result() -> ([CorpusIndexPart], Double) {
            lock.lock(); defer { lock.unlock() }
            return (parts.compactMap { $0 }, cpu)
        }
    }
}

extension Clock {
    /// CPU time of the calling thread, seconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
