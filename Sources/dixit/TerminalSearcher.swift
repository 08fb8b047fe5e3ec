import DixitUI
import Foundation

/// Runs what the corpus-wide quotes pane's search leaves to the backend
/// (`AppState.quoteSearchRequest`: the match past the rows read on the key, the match
/// count) on a background thread, and hands its results to the main loop: every
/// search key is answered at once, the rest shows when ready. A newer request (or
/// none) stops the older job within a few thousand rows and drops its results.
final class TerminalSearcher: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    /// The generation the main loop wants run (nil: none).
    private var wanted: Int?

    /// Starts the state's job when it is a new one, and stops one no longer wanted.
    /// Called on the main thread after every update.
    func follow(_ state: AppState) {
        // No job while articles load: the request waits for the loading to end.
        let job = state.quoteSearchJob()
        let generation = job?.generation
        lock.lock()
        let same = wanted == generation
        wanted = generation
        if !same { pending.removeAll() }
        lock.unlock()
        guard !same, let job else { return }
        job.startInBackground(isCancelled: { [self] in isCancelled(job.generation) },
                              post: { [self] in post($0, generation: job.generation) })
    }

    /// Whether a job is running (the main loop then looks for its results sooner).
    var isBusy: Bool {
        lock.lock(); defer { lock.unlock() }
        return wanted != nil
    }

    /// The results since the last call.
    func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = pending
        pending = []
        return out
    }

    private func isCancelled(_ generation: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return wanted != generation
    }

    private func post(_ a: Action, generation: Int) {
        lock.lock(); defer { lock.unlock() }
        if wanted == generation { pending.append(a) }
    }
}
