import DixitKit
import DixitUI
import Foundation

/// `dixit-bench load --reader`: the reader's start as `dixit` runs it: a loader thread
/// runs `ReaderFeed` (articles from the analysis cache when warm; each batch prepared
/// for the corpus index on every core, or the index saved by the last start read
/// back); the main thread takes the actions into its state and redraws, until loading
/// is over and the index is frozen. Timed from the start to the first screen and to
/// the index complete (every key fast); then the index is saved for the next start,
/// as the reader does, timed apart.
enum ReaderStart {
    struct Result {
        var firstScreenSeconds = 0.0
        /// Until the last batch is merged, loading finished and the index frozen.
        var readySeconds = 0.0
        /// Until the loader returned (its last batch posted).
        var loadSeconds = 0.0
        /// CPU time of the main thread taking the actions in (merging parts, list rows), seconds.
        var mergeCPUSeconds = 0.0
        /// Peak resident memory (KiB) before the last actions (loading finished: the index frozen).
        var peakBeforeFinishKiB = 0
        /// The most articles waiting for the main thread at once.
        var maxQueuedArticles = 0
        var state: AppState
        /// Articles that came with the saved index.
        var fromSavedIndex = 0
        /// Seconds to save the index afterwards (0 when it was not saved).
        var saveSeconds = 0.0
        /// Main-thread time of each wake-up while loading (take the posted actions in,
        /// redraw), seconds: the longest a key typed meanwhile waits for its answer. The
        /// last one takes loading's end in (the index frozen).
        var stalls: [Double] = []
    }

    /// `typed`: keys applied before the first article arrives (a filter typed at once,
    /// in force all through the loading).
    static func run(_ paths: [String], cacheDirectory: URL?, typed: [Action] = [], batchSize: Int = ReaderFeed.batchSize) -> Result {
        AllocatorTuning.forLargeCorpora()   // as the reader does
        let size = Size(width: 160, height: 48)
        let mailbox = Mailbox()
        let t0 = Clock.now()
        let feed = ReaderFeed(corpusLoader: CorpusLoader(cacheDirectory: cacheDirectory),
                              store: cacheDirectory.map { IndexStore(cacheDirectory: $0) }, batchSize: batchSize)
        let loader = Thread {
            ThreadPriority.lowerCurrentThread()   // as TerminalLoader does
            let outcome = feed.run(paths) { mailbox.post($0) }
            mailbox.finish(outcome, seconds: Clock.now() - t0)
        }
        loader.stackSize = 1 << 22
        loader.start()
        var result = Result(state: AppState(size: size))
        result.state.loading = LoadingProgress(done: 0, total: 0, finished: false)
        for a in typed { _ = result.state.apply(a) }
        var drawn = false
        while true {
            let (actions, over) = mailbox.wait()
            var queued = 0
            for a in actions {
                if case .loaded(let parts, _, _) = a { queued += parts.reduce(0) { $0 + $1.articles.count } }
                if case .arrived(let articles, _, _) = a { queued += articles.count }
            }
            result.maxQueuedArticles = max(result.maxQueuedArticles, queued)
            if over { result.peakBeforeFinishKiB = Memory.peakKiB() }
            let c0 = Clock.threadCPU()
            let w0 = Clock.now()
            for a in actions { _ = result.state.apply(a) }
            result.mergeCPUSeconds += Clock.threadCPU() - c0
            // The reader redraws after each wake-up, as TerminalApp does.
            _ = render(result.state, size: size)
            result.stalls.append(Clock.now() - w0)
            if !drawn, !result.state.corpus.isEmpty {
                result.firstScreenSeconds = Clock.now() - t0
                drawn = true
            }
            if over { break }
        }
        _ = render(result.state, size: size)
        result.readySeconds = Clock.now() - t0
        let (outcome, seconds) = mailbox.outcome()
        result.loadSeconds = seconds
        result.fromSavedIndex = outcome?.fromSavedIndex ?? 0
        if let request = outcome?.save {
            let s0 = Clock.now()
            if let problem = request.save(result.state.index) { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            result.saveSeconds = Clock.now() - s0
        }
        return result
    }

    /// Actions from the loader thread to the main one.
    private final class Mailbox: @unchecked Sendable {
        private let lock = NSLock()
        private let ready = DispatchSemaphore(value: 0)
        private var pending: [Action] = []
        private var finished = false
        private var done: (ReaderFeed.Outcome, Double)?

        func post(_ a: Action) {
            lock.lock()
            pending.append(a)
            if case .loadingFinished = a { finished = true }
            lock.unlock()
            ready.signal()
        }

        func finish(_ outcome: ReaderFeed.Outcome, seconds: Double) {
            lock.lock(); done = (outcome, seconds); lock.unlock()
        }

        /// The actions posted since the last call (waiting for one), and whether loading is over.
        func wait() -> ([Action], Bool) {
            ready.wait()
            lock.lock(); defer { lock.unlock() }
            let out = pending
            pending = []
            return (out, finished)
        }

        /// The feed's outcome (waiting for the loader thread to return).
        func outcome() -> (ReaderFeed.Outcome?, Double) {
            while true {
                lock.lock()
                if let done { lock.unlock(); return done }
                lock.unlock()
                usleep(1000)
            }
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
