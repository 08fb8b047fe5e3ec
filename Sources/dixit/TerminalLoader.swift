import DixitKit
import DixitUI
import Foundation

/// Loads and analyses articles on background threads and hands them to the
/// reader in batches, so the first screen appears at once and keys work meanwhile.
final class TerminalLoader: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    private(set) var problems: [LoadProblem] = []
    private let corpusLoader: CorpusLoader

    init(_ corpusLoader: CorpusLoader) {
        self.corpusLoader = corpusLoader
    }

    /// Starts loading `paths`; results arrive through `drain()`.
    func start(_ paths: [String]) {
        Thread.detachNewThread { [self] in run(paths) }
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

    private func run(_ paths: [String]) {
        // CorpusLoader hands the articles over in growing batches (16, 32, …), from the
        // analysis cache when they are in it; each batch is prepared for the corpus index
        // on every core, so the reader only copies ids.
        let output = corpusLoader.load(paths, keepingArticles: false, onBatch: { [self] batch in
            post(.loaded(CorpusIndexPart.prepare(batch.articles), done: batch.done, total: batch.total))
        })
        lock.lock(); self.problems = output.problems; lock.unlock()
        post(.loadingFinished(problems: output.problems.filter { $0.severity == .error }.map(\.description)))
    }

    func finalProblems() -> [LoadProblem] {
        lock.lock(); defer { lock.unlock() }
        return problems
    }
}
