import Foundation

/// Background threads yield to the reader's main thread: when the cores are all busy
/// (loading, a phrase check), the keys must still win one.
public enum ThreadPriority {
    /// The nice value background threads take: the scheduler then gives a thread of
    /// nice 0 (the main one) about nine times their share of a contended core.
    public static let background: Int32 = 10

    /// Lowers the calling thread's priority to `nice` (never raises it: an unprivileged
    /// process cannot). On Linux the nice value is per thread; elsewhere this does nothing.
    public static func lowerCurrentThread(to nice: Int32 = background) {
        #if os(Linux)
        errno = 0
        let now = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        if errno == 0, now >= nice { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
    }
}
