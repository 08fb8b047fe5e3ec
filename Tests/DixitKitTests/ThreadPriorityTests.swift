import DixitKit
import Foundation
import Testing

@Suite struct ThreadPriorityTests {
    #if os(Linux)
    /// The nice value of the calling thread.
    private static func niceNow() -> Int32 {
        getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    }

    @Test func lowersOnlyTheCallingThread() {
        let before = Self.niceNow()
        let seen = LockedBox<(Int32, Int32)>((0, 0))
        let done = DispatchSemaphore(value: 0)
        let t = Thread {
            ThreadPriority.lowerCurrentThread(to: 12)
            let lowered = Self.niceNow()
            ThreadPriority.lowerCurrentThread(to: 5)   // never raised back
            seen.value = (lowered, Self.niceNow())
            done.signal()
        }
        t.start()
        done.wait()
        #expect(seen.value.0 == max(12, before))
        #expect(seen.value.1 == max(12, before))
        #expect(Self.niceNow() == before)   // the test's own thread is untouched
    }
    #endif
}

/// A value shared with another thread, behind a lock.
private final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ v: T) { stored = v }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
