import DixitKit
import DixitUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A filter's phrase check run as the reader runs it (`BackgroundJobRunner`): on
/// background threads (one a core) at a lower priority, its results taken in by the main thread,
/// which meanwhile answers a key (`j`/`k` in the list) every 10 ms. Timed: until the
/// check is over, each key (apply and render), and each result taken in.
enum PhraseCheckRun {
    struct Timings {
        var completeMs = 0.0
        var keys: [Double] = []
        var results: [Double] = []
    }

    static func run(_ state: inout AppState, size: Size) -> Timings {
        var t = Timings()
        guard let check = state.filterCheck else { return t }
        let box = BackgroundJobRunner()
        let t0 = Clock.now()
        box.follow(check)
        var down = true
        let focus = state.focus
        state.focus = .list
        while state.filterCheck?.generation == check.generation {
            let r0 = Clock.now()
            let actions = box.drain()
            if !actions.isEmpty {
                for a in actions { _ = state.apply(a) }
                _ = render(state, size: size)
                t.results.append((Clock.now() - r0) * 1000)
            }
            if state.filterCheck == nil { break }
            let k0 = Clock.now()
            _ = state.apply(.key(.char(down ? "j" : "k")))
            _ = render(state, size: size)
            t.keys.append((Clock.now() - k0) * 1000)
            down.toggle()
            usleep(10_000)
        }
        t.completeMs = (Clock.now() - t0) * 1000
        state.focus = focus
        return t
    }
}
