import Foundation

/// A problem with one input: it is named, said, and the rest goes on.
public struct LoadProblem: Error, Sendable, CustomStringConvertible {
    public enum Severity: Sendable { case note, warning, error }
    public var path: String
    public var message: String
    public var severity: Severity

    public init(path: String, message: String, severity: Severity) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(path): \(message)" }
}

/// Turns the paths a user gives into articles.
public struct ArticleLoader: Sendable {
    /// Files larger than this are skipped with a message (bytes).
    public var maxFileSize: Int
    /// Extensions read when walking a directory; other files there are skipped
    /// with a note. A file named explicitly is always read.
    public static let textExtensions: Set<String> = ["txt", "text", "md", "markdown", ""]

    public static let defaultMaxFileSize = 64 * 1024 * 1024

    public init(maxFileSize: Int = ArticleLoader.defaultMaxFileSize) {
        self.maxFileSize = maxFileSize
    }

    /// The files to read for `paths`, in a stable order, with notes on what was skipped.
    /// `-` stands for standard input and is passed through.
    public func collectFiles(_ paths: [String]) -> (files: [String], problems: [LoadProblem]) {
        var files: [String] = []
        var problems: [LoadProblem] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(LoadProblem(path: path, message: "no such file or directory", severity: .error))
                continue
            }
            if !isDir.boolValue { files.append(path); continue }
            var seen = Set<String>()
            walk(path, into: &files, problems: &problems, seen: &seen)
        }
        return (files, problems)
    }

    private func walk(_ dir: String, into files: inout [String], problems: inout [LoadProblem], seen: inout Set<String>) {
        let fm = FileManager.default
        // Symlink loops: a directory is visited once by its resolved path.
        let real = (try? fm.destinationOfSymbolicLink(atPath: dir)).map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: dir).deletingLastPathComponent()).standardizedFileURL.path }
            ?? URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        guard seen.insert(real).inserted else {
            problems.append(LoadProblem(path: dir, message: "directory already visited (symbolic link loop); skipped", severity: .note))
            return
        }
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: dir).sorted()
        } catch {
            problems.append(LoadProblem(path: dir, message: "cannot read directory", severity: .error))
            return
        }
        var skipped: [String: Int] = [:]
        defer {
            if !skipped.isEmpty {
                let kinds = skipped.sorted { $0.key < $1.key }.map { "\($0.value) .\($0.key)" }.joined(separator: ", ")
                let total = skipped.values.reduce(0, +)
                problems.append(LoadProblem(path: dir, message: "skipped \(total) file\(total == 1 ? "" : "s") that \(total == 1 ? "is" : "are") not text articles (\(kinds))", severity: .note))
            }
        }
        for name in entries {
            if name.hasPrefix(".") { continue }
            let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: child, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                walk(child, into: &files, problems: &problems, seen: &seen)
            } else {
                let ext = (name as NSString).pathExtension.lowercased()
                if Self.textExtensions.contains(ext) {
                    files.append(child)
                } else {
                    skipped[ext.isEmpty ? "?" : ext, default: 0] += 1
                }
            }
        }
    }

    /// Reads and parses one file (`-` reads standard input). Never writes.
    public func load(_ path: String) -> Result<Article, LoadProblem> {
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            switch readFile(path) {
            case .success(let b): bytes = b
            case .failure(let p): return .failure(p)
            }
        }
        return parse(path: path, bytes: bytes)
    }

    /// Decodes and parses bytes already read.
    public func parse(path: String, bytes: [UInt8]) -> Result<Article, LoadProblem> {
        do {
            let decoded = try TextDecoder.decode(bytes)
            let article = StructureParser.parse(path: path, text: decoded.text, encoding: decoded.encoding,
                                                warnings: decoded.warning.map { [$0] } ?? [])
            return .success(article)
        } catch {
            return .failure(LoadProblem(path: path, message: "binary file (contains NUL bytes); not analysed", severity: .error))
        }
    }

    private func readFile(_ path: String) -> Result<[UInt8], LoadProblem> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(LoadProblem(path: path, message: "cannot read: \(reason)", severity: .error))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            return .failure(LoadProblem(path: path, message: "cannot read: \(String(cString: strerror(errno)))", severity: .error))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(LoadProblem(path: path, message: "is a directory", severity: .error))
        }
        if Int(st.st_size) > maxFileSize {
            return .failure(LoadProblem(path: path, message: "larger than the \(maxFileSize / (1024 * 1024)) MiB limit (\(Int(st.st_size) / (1024 * 1024)) MiB); skipped (raise it with --max-file-size)", severity: .error))
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(st.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(LoadProblem(path: path, message: "read error: \(String(cString: strerror(errno)))", severity: .error))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > maxFileSize {
                return .failure(LoadProblem(path: path, message: "larger than the \(maxFileSize / (1024 * 1024)) MiB limit; skipped", severity: .error))
            }
        }
        return .success(bytes)
    }
}
