import DixitKit
import DixitUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the corpus-wide quotes pane's search leaves to the backend, run as the reader
/// runs it (`BackgroundJobRunner`): on a background thread at a lower priority, its
/// results taken in by the main thread, which looks for them every millisecond. Timed:
/// each result taken in (apply and render), and the wait from the key until the last.
enum QuoteSearchRun {
    struct Timings {
        var settledMs = 0.0
        /// From the key to the match looked for off it taken in (nil when only counted).
        var foundMs: Double?
        var results: [Double] = []
    }

    /// Runs the state's pending request to its end (nothing when none is pending);
    /// `keyStart` is when the key that asked for it was pressed.
    static func run(_ state: inout AppState, size: Size, keyStart: Double) -> Timings {
        var t = Timings()
        guard let job = state.quoteSearchJob() else { return t }
        let box = BackgroundJobRunner()
        box.followQuoteSearch(state)
        while state.quoteSearchRequest?.generation == job.generation {
            let actions = box.drain()
            if actions.isEmpty {
                usleep(1000)
                continue
            }
            let r0 = Clock.now()
            for a in actions { _ = state.apply(a) }
            _ = render(state, size: size)
            let r1 = Clock.now()
            t.results.append((r1 - r0) * 1000)
            if actions.contains(where: { if case .quoteSearched(let r) = $0 { return r.isMatch } else { return false } }) {
                t.foundMs = (r1 - keyStart) * 1000
            }
        }
        t.settledMs = (Clock.now() - keyStart) * 1000
        return t
    }
}
