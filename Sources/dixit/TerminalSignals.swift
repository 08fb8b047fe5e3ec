import Foundation
import Synchronization

/// Signals received and not yet handled, one bit per signal number.
/// The handlers only set a bit (async-signal-safe); the main loop does the work.
let pendingSignals = Atomic<UInt64>(0)

/// The signals the reader handles itself.
enum TerminalSignals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]

    /// Installs the recording handlers, without SA_RESTART so a blocked read returns.
    static func install() {
        _ = pendingSignals.load(ordering: .relaxed)   // initialise the global before any handler runs
        for sig in handled { set(sig, handler: record) }
    }

    /// Puts back the default action (before exit, or to stop on Ctrl-Z).
    static func restoreDefault(_ sig: Int32) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(sig, &sa, nil)
    }

    static func set(_ sig: Int32, handler: @convention(c) (Int32) -> Void) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = handler
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        sigaction(sig, &sa, nil)
    }

    /// Takes the pending signals, clearing them.
    static func take() -> [Int32] {
        let bits = pendingSignals.exchange(0, ordering: .acquiringAndReleasing)
        return handled.filter { bits & (1 << UInt64($0)) != 0 }
    }
}

private let record: @convention(c) (Int32) -> Void = { sig in
    pendingSignals.bitwiseOr(1 << UInt64(sig), ordering: .relaxed)
}
