import DixitKit
import DixitUI
import Foundation

/// Loads and analyses articles on a background thread (`ReaderFeed`) and hands them
/// to the reader as actions, so the first screen appears at once and keys work
/// meanwhile; then saves the reader's corpus index for the next start.
final class TerminalLoader: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    private var problems: [LoadProblem] = []
    private var saveRequest: ReaderFeed.SaveRequest?
    private let feed: ReaderFeed
    private let saving = DispatchGroup()

    init(_ corpusLoader: CorpusLoader) {
        feed = ReaderFeed(corpusLoader: corpusLoader, store: corpusLoader.cacheDirectory.map { IndexStore(cacheDirectory: $0) })
    }

    /// Starts loading `paths`; results arrive through `drain()`.
    func start(_ paths: [String]) {
        let thread = Thread { [self] in
            ThreadPriority.lowerCurrentThread()
            let outcome = feed.run(paths) { [self] in post($0) }
            lock.lock(); problems = outcome.problems; saveRequest = outcome.save; lock.unlock()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The actions produced since the last call.
    func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = pending
        pending = []
        return out
    }

    private func post(_ a: Action) {
        lock.lock(); pending.append(a); lock.unlock()
    }

    /// Once the reader has taken in every article (its index frozen), saves that index
    /// on another thread when it was built rather than read back.
    func saveIndexIfAsked(_ state: AppState) {
        guard state.loading?.finished == true else { return }
        lock.lock()
        let request = saveRequest
        saveRequest = nil
        lock.unlock()
        guard let request else { return }
        let index = state.index
        saving.enter()
        let thread = Thread { [self] in
            if let problem = request.save(index) {
                lock.lock(); problems.append(problem); lock.unlock()
            }
            saving.leave()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Problems met, once loading (and saving, waited for up to `timeout` seconds) is over.
    func finalProblems(timeout: Double = 5) -> [LoadProblem] {
        _ = saving.wait(timeout: .now() + timeout)
        lock.lock(); defer { lock.unlock() }
        return problems
    }
}
