import DixitUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the filter's phrase check (`AppState.filterCheck`) on background threads and
/// hands its matches to the main loop, as the loader does with batches: Enter is
/// answered at once and keys keep working while the texts are read. A newer filter
/// (another generation, or none) stops the older check at its next slice.
final class TerminalChecker: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    /// The generation the main loop wants checked (nil: none).
    private var wanted: Int?

    /// Starts the state's check when it is a new one, and stops one no longer wanted.
    /// Called on the main thread after every update.
    func follow(_ check: FilterCheck?) {
        lock.lock()
        let same = wanted == check?.generation
        wanted = check?.generation
        if !same { pending.removeAll() }
        lock.unlock()
        guard !same, let check else { return }
        check.startInBackground(isCancelled: { [self] in isCancelled(check.generation) },
                                post: { [self] in post($0, generation: check.generation) })
    }

    /// The results since the last call, consecutive slices merged into one action.
    func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        var out: [Action] = []
        for a in pending {
            if case .filterChecked(let next) = a, case .filterChecked(let last)? = out.last, let m = last.merged(with: next) {
                out[out.count - 1] = .filterChecked(m)
            } else {
                out.append(a)
            }
        }
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
