import Foundation

/// Loads and analyses many files on every core, keeping the input order.
public struct CorpusLoader: Sendable {
    public var loader: ArticleLoader
    public var analyzer: Analyzer

    public init(loader: ArticleLoader = ArticleLoader(), analyzer: Analyzer = Analyzer()) {
        self.loader = loader
        self.analyzer = analyzer
    }

    public struct Output: Sendable {
        public var articles: [AnalyzedArticle]
        /// Notes, warnings and errors, in input order.
        public var problems: [LoadProblem]
        /// Whether some input could not be read at all.
        public var hadErrors: Bool { problems.contains { $0.severity == .error } }
    }

    /// Loads `paths` (files, directories, `-`), analysing each article.
    /// `progress` is called (from any thread) with the number of files done and the total.
    public func load(_ paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Output {
        let (files, walkProblems) = loader.collectFiles(paths)
        var results = [Result<AnalyzedArticle, LoadProblem>?](repeating: nil, count: files.count)
        let done = Counter()
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                let r = loader.load(files[i]).map { analyzer.analyze($0) }
                slots.buffer[i] = r
                if let progress { progress(done.increment(), files.count) }
            }
        }
        var articles: [AnalyzedArticle] = []
        var problems = walkProblems
        for r in results {
            switch r {
            case .success(let a)?:
                articles.append(a)
                for w in a.article.warnings {
                    problems.append(LoadProblem(path: a.article.path, message: w, severity: .warning))
                }
            case .failure(let p)?: problems.append(p)
            case nil: break
            }
        }
        return Output(articles: articles, problems: problems)
    }
}

/// Lets concurrentPerform write each slot of a buffer from one iteration only.
private struct UncheckedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
