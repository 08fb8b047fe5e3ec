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
        let (files, walkProblems) = corpusLoader.loader.collectFiles(paths)
        var problems = walkProblems
        var done = 0
        var batch = 2   // small first batch: the first screen comes quickly
        while done < files.count {
            let chunk = Array(files[done..<min(files.count, done + batch)])
            var results = [Result<QueryTarget, LoadProblem>?](repeating: nil, count: chunk.count)
            let box = ResultBox(count: chunk.count)
            DispatchQueue.concurrentPerform(iterations: chunk.count) { i in
                box.set(i, corpusLoader.loader.load(chunk[i]).map { QueryTarget(corpusLoader.analyzer.analyze($0)) })
            }
            results = box.values
            var articles: [QueryTarget] = []
            for r in results {
                switch r {
                case .success(let t)?:
                    articles.append(t)
                    for w in t.article.article.warnings {
                        problems.append(LoadProblem(path: t.article.article.path, message: w, severity: .warning))
                    }
                case .failure(let p)?: problems.append(p)
                case nil: break
                }
            }
            done += chunk.count
            post(.loaded(articles, done: done, total: files.count))
            batch = min(64, batch * 2)
        }
        lock.lock(); self.problems = problems; lock.unlock()
        post(.loadingFinished(problems: problems.filter { $0.severity == .error }.map(\.description)))
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
