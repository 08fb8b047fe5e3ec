import Foundation

/// Runs one background job at a time for the reader's main loop (the filter's phrase
/// check, the quotes pane's search), known by its generation: the main loop says after
/// every update which generation it wants (`follow`); a new one is started, an older
/// one is told to stop (its `isCancelled` turns true) and its results are dropped.
/// Results wait here until the main loop takes them (`drain`).
public final class BackgroundJobRunner: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    /// The generation the main loop wants run (nil: none).
    private var wanted: Int?

    public init() {}

    /// Makes `generation` the one wanted; when it is new, drops what older jobs posted
    /// and calls `start` with the new job's cancellation test and its way to post.
    public func follow(generation: Int?,
                       start: (_ isCancelled: @escaping @Sendable () -> Bool,
                               _ post: @escaping @Sendable (Action) -> Void) -> Void) {
        lock.lock()
        let same = wanted == generation
        wanted = generation
        if !same { pending.removeAll() }
        lock.unlock()
        guard !same, let generation else { return }
        start({ [self] in isCancelled(generation) }, { [self] in post($0, generation: generation) })
    }

    /// The state's phrase check (`AppState.filterCheck`), on every core.
    public func follow(_ check: FilterCheck?) {
        follow(generation: check?.generation) { check?.startInBackground(isCancelled: $0, post: $1) }
    }

    /// The state's quotes pane search job (`AppState.quoteSearchJob()`).
    public func followQuoteSearch(_ state: AppState) {
        let job = state.quoteSearchJob()
        follow(generation: job?.generation) { job?.startInBackground(isCancelled: $0, post: $1) }
    }

    /// Whether a job is wanted (the main loop then looks for its results sooner).
    public var isBusy: Bool {
        lock.lock(); defer { lock.unlock() }
        return wanted != nil
    }

    /// The results since the last call, consecutive slices of a phrase check merged
    /// into one action.
    public func drain() -> [Action] {
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
        guard wanted == generation else { return }
        if case .filterChecked(let next) = a, case .filterChecked(let last)? = pending.last, let m = last.merged(with: next) {
            pending[pending.count - 1] = .filterChecked(m)
        } else {
            pending.append(a)
        }
    }
}
