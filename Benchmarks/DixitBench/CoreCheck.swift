import Foundation

/// How many cores the machine gives this process right now, measured: one thread per
/// core spins on arithmetic alone (no memory, no locks) for a moment, and the process's
/// CPU time over the wall time is the answer.
///
/// On a virtual machine whose host is busy, the guest kernel can pack every thread on
/// one virtual CPU, or the host can give a virtual CPU only part of a core: a run on
/// "all cores" then shows little more than one core's wall throughput, whatever the
/// program does. Measured next to a timed run, this tells such a run from a real one.
enum CoreCheck {
    /// Cores in use when `threads` threads (default: one per core) spin for `seconds`.
    static func availableCores(threads: Int = ProcessInfo.processInfo.activeProcessorCount, seconds: Double = 0.1) -> Double {
        let group = DispatchGroup()
        let c0 = Memory.cpuSeconds(), t0 = Clock.now()
        let deadline = t0 + seconds
        for n in 0..<max(1, threads) {
            group.enter()
            let t = Thread {
                var x = UInt64(n) &+ 1
                while Clock.now() < deadline {
                    for _ in 0..<20_000 { x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
                }
                // Keeps the loop from being optimised away.
                if x == 42 { print("") }
                group.leave()
            }
            t.start()
        }
        group.wait()
        let wall = Clock.now() - t0
        return wall > 0 ? (Memory.cpuSeconds() - c0) / wall : 0
    }
}
