import Foundation

/// How a load splits its files: into batches, handed over in input order and growing
/// (16, 32, … up to the batch size) so that the first articles come at once, and each
/// batch into chunks, the units of work the threads take one after the other.
///
/// Chunks are a fraction of their batch (so that even the first batch runs on every
/// core) and shrink towards the end of the input: the threads never wait for each
/// other at a batch's end, only at the very end of the load, where the last chunks
/// are small.
struct LoadPlan: Equatable, Sendable {
    /// A run of files analysed by one thread.
    struct Chunk: Equatable, Sendable {
        /// The batch the chunk belongs to (an index in `batches`).
        var batch: Int
        var files: Range<Int>
    }

    /// The batches, in input order, covering `0..<fileCount`.
    let batches: [Range<Int>]
    /// The chunks, in input order; none spans two batches.
    let chunks: [Chunk]

    /// - Parameters:
    ///   - minChunk: the smallest chunk (bigger ones make fewer cache reads).
    init(fileCount: Int, batchSize: Int, workers: Int, minChunk: Int = 1) {
        var batches: [Range<Int>] = []
        var chunks: [Chunk] = []
        let batchSize = max(1, batchSize), workers = max(1, workers), minChunk = max(1, minChunk)
        var start = 0
        var size = min(16, batchSize)
        while start < fileCount {
            let batch = start..<min(fileCount, start + size)
            size = min(batchSize, size * 2)
            var c = batch.lowerBound
            while c < batch.upperBound {
                // An eighth of the batch, at most 64 files, and no more than a quarter of
                // each thread's share of what is left.
                let left = fileCount - c
                let n = max(minChunk, min(64, batch.count / 8, left / (4 * workers)))
                let end = min(batch.upperBound, c + n)
                chunks.append(Chunk(batch: batches.count, files: c..<end))
                c = end
            }
            batches.append(batch)
            start = batch.upperBound
        }
        self.batches = batches
        self.chunks = chunks
    }
}

/// Hands out the chunks of a `LoadPlan` to worker threads in order, holds what they
/// make until the calling thread takes it batch by batch, in order, and lets that
/// thread stop the workers for a while (to replace the analysis cache).
///
/// Each chunk's items are written by the one worker that claimed it, into slots of
/// their own; the lock taken to finish a chunk and to take a batch orders those
/// writes before the reads.
final class ChunkQueue<Item, Context>: @unchecked Sendable {
    let plan: LoadPlan
    private let condition = NSCondition()
    private var next = 0
    /// Chunks not finished, per batch.
    private var unfinished: [Int]
    /// Each batch's items, allocated when its first chunk is claimed, freed when taken.
    private var slots: [UnsafeMutableBufferPointer<Item?>?]
    private var context: Context
    private var paused = false
    private var running = 0

    init(plan: LoadPlan, context: Context) {
        self.plan = plan
        self.context = context
        unfinished = [Int](repeating: 0, count: plan.batches.count)
        for c in plan.chunks { unfinished[c.batch] += 1 }
        slots = [UnsafeMutableBufferPointer<Item?>?](repeating: nil, count: plan.batches.count)
    }

    deinit {
        for case let s? in slots {
            s.deinitialize()
            s.deallocate()
        }
    }

    /// A claimed chunk: its files, the slots for their items (slot `k` for file
    /// `files.lowerBound + k`) and the context when it was claimed.
    struct Job {
        let chunk: LoadPlan.Chunk
        let out: UnsafeMutableBufferPointer<Item?>
        let context: Context
    }

    /// The next chunk to run, or nil when all are claimed. Waits while paused.
    func claim() -> Job? {
        condition.lock(); defer { condition.unlock() }
        while paused { condition.wait() }
        guard next < plan.chunks.count else { return nil }
        let chunk = plan.chunks[next]
        next += 1
        running += 1
        let batch = plan.batches[chunk.batch]
        if slots[chunk.batch] == nil {
            let s = UnsafeMutableBufferPointer<Item?>.allocate(capacity: batch.count)
            s.initialize(repeating: nil)
            slots[chunk.batch] = s
        }
        let all = slots[chunk.batch]!
        let from = chunk.files.lowerBound - batch.lowerBound
        let out = UnsafeMutableBufferPointer(rebasing: all[from..<(from + chunk.files.count)])
        return Job(chunk: chunk, out: out, context: context)
    }

    /// Marks a claimed chunk as done (its slots written).
    func finish(_ job: Job) {
        condition.lock()
        unfinished[job.chunk.batch] -= 1
        running -= 1
        // Someone waits only for a whole batch, or for no chunk running.
        if unfinished[job.chunk.batch] == 0 || (paused && running == 0) { condition.broadcast() }
        condition.unlock()
    }

    /// Waits until every chunk of batch `b` is done, then takes its items in file order
    /// (nil for a slot left unwritten).
    func take(batch b: Int) -> [Item?] {
        condition.lock(); defer { condition.unlock() }
        while unfinished[b] > 0 { condition.wait() }
        guard let s = slots[b] else { return [Item?](repeating: nil, count: plan.batches[b].count) }
        let items = Array(s)
        s.deinitialize()
        s.deallocate()
        slots[b] = nil
        return items
    }

    /// Stops handing out chunks and waits for the running ones to finish; then calls
    /// `change` with the context (alone: no worker runs), and goes on with the new one.
    func pausing(_ change: (inout Context) -> Void) {
        condition.lock(); defer { condition.unlock() }
        paused = true
        while running > 0 { condition.wait() }
        change(&context)
        paused = false
        condition.broadcast()
    }

    /// Runs `work` on each chunk on `threads` new threads (as they claim them), and
    /// returns at once; `waitForWorkers` waits for those threads to end. `nice`: their
    /// priority (`ThreadPriority`), nil to keep the caller's.
    func start(threads: Int, nice: Int32? = nil, _ work: @escaping @Sendable (Job) -> Void) {
        let count = min(max(1, threads), plan.chunks.count)
        for _ in 0..<count {
            workers.enter()
            let thread = Thread { [self] in
                if let nice { ThreadPriority.lowerCurrentThread(to: nice) }
                while let job = claim() {
                    work(job)
                    finish(job)
                }
                workers.leave()
            }
            // The size of a default thread's, on which the analysis ran before.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private let workers = DispatchGroup()

    /// Waits until every thread `start` made has ended.
    func waitForWorkers() { workers.wait() }
}
