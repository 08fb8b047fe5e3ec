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
        // Symlink loops: a directory is visited once by its real path.
        guard let real = Self.realPath(dir) else {
            problems.append(LoadProblem(path: dir, message: "cannot resolve path: \(String(cString: strerror(errno)))", severity: .error))
            return
        }
        guard seen.insert(real).inserted else {
            problems.append(LoadProblem(path: dir, message: "directory already visited (symbolic link loop); skipped", severity: .note))
            return
        }
        // readdir gives each entry's type, so regular files and folders need no stat:
        // at 100,000 files the stat calls were half of the walk.
        guard let entries = Self.listDirectory(dir) else {
            problems.append(LoadProblem(path: dir, message: "cannot read directory", severity: .error))
            return
        }
        var skipped: [String: Int] = [:]
        var hidden = 0
        defer {
            if hidden > 0 {
                problems.append(LoadProblem(path: dir, message: "skipped \(hidden) hidden file\(hidden == 1 ? "" : "s") or folder\(hidden == 1 ? "" : "s") (name starting with a dot)", severity: .note))
            }
            if !skipped.isEmpty {
                let kinds = skipped.sorted { $0.key < $1.key }.map { "\($0.value) .\($0.key)" }.joined(separator: ", ")
                let total = skipped.values.reduce(0, +)
                problems.append(LoadProblem(path: dir, message: "skipped \(total) file\(total == 1 ? "" : "s") that \(total == 1 ? "is" : "are") not text articles (\(kinds))", severity: .note))
            }
        }
        for (name, type) in entries {
            if name.hasPrefix(".") { hidden += 1; continue }
            let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if type == UInt8(DT_REG) {
                Self.classifyRegularFile(name: name, path: child, into: &files, skipped: &skipped)
                continue
            }
            var st = stat()
            guard stat(child, &st) == 0 else {
                // Listed but not reachable: a dangling or looping link, or a file removed meanwhile.
                let reason = errno == ELOOP ? "symbolic link loop"
                    : Self.isSymbolicLink(child) ? "broken symbolic link" : "disappeared while the folder was read"
                problems.append(LoadProblem(path: child, message: "\(reason); skipped", severity: .note))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, into: &files, problems: &problems, seen: &seen)
            case S_IFREG:
                Self.classifyRegularFile(name: name, path: child, into: &files, skipped: &skipped)
            default:
                // Opening a named pipe would wait for a writer forever; devices never end.
                problems.append(LoadProblem(path: child, message: "not a regular file (pipe, socket or device); skipped", severity: .note))
            }
        }
    }

    /// A regular file found in a folder: an article when its extension says text, else counted by extension.
    private static func classifyRegularFile(name: String, path: String, into files: inout [String], skipped: inout [String: Int]) {
        let ext = fileExtension(name).lowercased()
        if textExtensions.contains(ext) {
            files.append(path)
        } else {
            skipped[ext.isEmpty ? "?" : ext, default: 0] += 1
        }
    }

    /// The part of a file name after its last dot ("" when there is none, or only a leading one),
    /// as `NSString.pathExtension` gives it for a plain name, without the Foundation round trip.
    static func fileExtension(_ name: String) -> String {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The entries of a folder (without `.` and `..`) with their `d_type`, sorted by name; nil if it cannot be read.
    static func listDirectory(_ dir: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(dir) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name < $1.name }
        return entries
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// `512 bytes`, `12 KiB`, `64 MiB`, `1.5 MiB`: sizes in messages.
    public static func describeSize(_ bytes: Int) -> String {
        let mib = 1024 * 1024
        if bytes >= mib {
            if bytes % mib == 0 { return "\(bytes / mib) MiB" }
            let tenths = (bytes * 10 + mib / 2) / mib
            return "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1024 { return "\((bytes + 512) / 1024) KiB" }
        return "\(bytes) byte\(bytes == 1 ? "" : "s")"
    }

    func tooLarge(_ path: String, size: Int?) -> LoadProblem {
        let what = size.map { "file of \(Self.describeSize($0))" } ?? "file"
        return LoadProblem(path: path, message: "\(what) is over the size limit of \(Self.describeSize(maxFileSize)); skipped (raise it with --max-file-size)", severity: .error)
    }

    /// Reads and parses one file (`-` reads standard input). Never writes.
    public func load(_ path: String) -> Result<Article, LoadProblem> {
        let bytes: [UInt8]
        if path == "-" {
            // Standard input has no size to check first: the limit applies while reading.
            switch readAll(STDIN_FILENO, path: path, expected: 0) {
            case .success(let b): bytes = b
            case .failure(let p): return .failure(p)
            }
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
            return .failure(tooLarge(path, size: Int(st.st_size)))
        }
        return readAll(fd, path: path, expected: Int(st.st_size))
    }

    /// Reads `fd` to its end, refusing more than `maxFileSize` bytes.
    private func readAll(_ fd: Int32, path: String, expected: Int) -> Result<[UInt8], LoadProblem> {
        // The size the file gave is read straight into the array: no 64 KiB buffer to clear and
        // copy from for every (mostly small) file.
        let want = max(0, min(expected, maxFileSize))
        var failure: Int32 = 0   // errno of a failed read
        var bytes = [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
            count = 0
            while count < want {
                let n = read(fd, buffer.baseAddress! + count, want - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 {
            return .failure(LoadProblem(path: path, message: "read error: \(String(cString: strerror(failure)))", severity: .error))
        }
        // Whatever follows (a file that grew, standard input, a device), through a buffer.
        var problem: LoadProblem?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            while true {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    problem = LoadProblem(path: path, message: "read error: \(String(cString: strerror(errno)))", severity: .error)
                    return
                }
                if n == 0 { return }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
                if bytes.count > maxFileSize {
                    // Grew while being read, or a device or pipe with no size.
                    problem = tooLarge(path, size: nil)
                    return
                }
            }
        }
        if let problem { return .failure(problem) }
        return .success(bytes)
    }
}
