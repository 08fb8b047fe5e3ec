import CNcursesw
import DixitKit
import DixitUI
import Foundation

/// The reader's main loop: keys, mouse, signals and loaded articles become
/// actions; each new state is rendered to a grid and drawn.
enum TerminalApp {
    /// Runs the reader; returns the exit status (128+signal when a signal ended it).
    static func run(paths: [String], loader: CorpusLoader, quiet: Bool) -> Int32 {
        if !TerminalCheck.setUTF8Locale() {
            Diagnostics.write("dixit: warning: no UTF-8 locale; accents and borders may not show")
        }
        TerminalSignals.install()
        guard let terminal = TerminalScreen() else {
            for sig in TerminalSignals.handled { TerminalSignals.restoreDefault(sig) }
            FileHandle.standardError.write(Data((TerminalCheck.message("the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "")) cannot be driven") + "\n").utf8))
            return 2
        }
        AllocatorTuning.forLargeCorpora()
        let background = TerminalLoader(loader)
        let checker = BackgroundJobRunner()   // the filter's phrase check
        let searcher = BackgroundJobRunner()  // the quotes pane's search
        var state = AppState(size: terminal.size)
        state.loading = LoadingProgress(done: 0, total: 0, finished: false)
        background.start(paths)

        var exitSignal: Int32?
        var dirty = true
        loop: while true {
            for a in background.drain() + checker.drain() + searcher.drain() {
                _ = state.apply(a)
                dirty = true
            }
            background.saveIndexIfAsked(state)
            checker.follow(state.filterCheck)
            searcher.followQuoteSearch(state)
            for sig in TerminalSignals.take() {
                switch sig {
                case SIGINT, SIGTERM, SIGHUP:
                    exitSignal = sig
                    break loop
                case SIGTSTP:
                    terminal.suspend()
                    _ = state.apply(.resize(terminal.size))
                    dirty = true
                case SIGWINCH, SIGCONT:
                    terminal.resize()
                    _ = state.apply(.resize(terminal.size))
                    dirty = true
                default: break
                }
            }
            if dirty {
                terminal.draw(render(state, size: state.size))
                dirty = false
            }
            // A search's match or count is awaited: looked for sooner than a check's slices.
            terminal.setTimeout(searcher.isBusy ? 10 : state.loading?.finished == true && state.filterCheck == nil ? 250 : 30)
            switch TerminalInput.read() {
            case .none: continue
            case .resized:
                terminal.resize()
                _ = state.apply(.resize(terminal.size))
                dirty = true
            case .action(let a):
                let effect = state.apply(a)
                dirty = true
                if effect == .quit { break loop }
                checker.follow(state.filterCheck)
                searcher.followQuoteSearch(state)
            }
        }
        terminal.end()
        for sig in TerminalSignals.handled { TerminalSignals.restoreDefault(sig) }
        let problems = background.finalProblems()
        Diagnostics.report(problems, quiet: quiet)
        if let exitSignal { return 128 + exitSignal }
        return problems.contains { $0.severity == .error } ? 1 : 0
    }
}
