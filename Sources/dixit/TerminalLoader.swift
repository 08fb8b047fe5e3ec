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
        // analysis cache when they are in it; each batch is prepared for queries on every core.
        let output = corpusLoader.load(paths, onBatch: { [self] batch in
            let box = ResultBox(count: batch.articles.count)
            DispatchQueue.concurrentPerform(iterations: batch.articles.count) { i in
                box.set(i, .success(QueryTarget(batch.articles[i])))
            }
            let targets = box.values.compactMap { slot -> QueryTarget? in
                if case .success(let t)? = slot { return t }
                return nil
            }
            post(.loaded(targets, done: batch.done, total: batch.total))
        })
        lock.lock(); self.problems = output.problems; lock.unlock()
        post(.loadingFinished(problems: output.problems.filter { $0.severity == .error }.map(\.description)))
    }

    func finalProblems() -> [LoadProblem] {
        lock.lock(); defer { lock.unlock() }
        return problems
    }
}

/// Results written by concurrent iterations, one slot each.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<QueryTarget, LoadProblem>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Result<QueryTarget, LoadProblem>) {
        lock.lock(); values[i] = v; lock.unlock()
    }
}
