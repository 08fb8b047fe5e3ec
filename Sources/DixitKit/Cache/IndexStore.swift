import Foundation

/// The reader's corpus index saved between starts, beside the analysis cache: one file
/// per set of paths opened (`indexes/<hash of the paths>.index` in the cache directory).
///
/// Rebuilding the index of 100,000 articles takes seconds even when every analysis
/// comes from the cache; reading it back takes a fraction of one. A saved index
/// holds, for each of its articles in order, a running digest of the files'
/// identities (path, size, time, content hash): it serves a later start only for the
/// articles whose running digest is the same, that is, while the corpus begins with
/// the very same files in the same order (new files after the last ones extend it;
/// anything else rebuilds it). The file also names the analyser it was made by.
///
/// Writes go to a temporary file renamed over the old one: a crash leaves the old
/// index or the new, never half of one. A damaged or foreign file is set aside
/// (`.damaged`) and rebuilt. It is an optimisation: the reader answers the same
/// with a saved index as with one built from the articles (tested).
public struct IndexStore: Sendable {
    /// Where the index files are.
    public let directory: URL
    public let fingerprint: String
    /// Index files kept (the most recently written); older ones are removed.
    public var keep = 8

    static let magic = "dixit-corpus-index"
    /// Bumped when the file's layout changes.
    static let formatVersion: UInt64 = 1

    public init(cacheDirectory: URL, fingerprint: String = AnalyserFingerprint.current) {
        directory = cacheDirectory.appendingPathComponent("indexes")
        self.fingerprint = fingerprint
    }

    /// The key of the paths opened (absolute, in order); nil when one is standard input.
    public static func pathsKey(_ paths: [String], currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        guard !paths.isEmpty, !paths.contains("-") else { return nil }
        return paths.map { CacheLocation.absoluteKey($0, currentDirectory: currentDirectory) }.joined(separator: "\n")
    }

    /// The running digest after one more article, from the digest before it and the
    /// article's identity (`CorpusLoader.Batch.identities`).
    public static func digest(_ before: UInt64, _ identity: UInt64) -> UInt64 {
        BinaryFileReader.mix(before &+ 0x9E37_79B9, identity)
    }

    /// The digest before the first article.
    public static let emptyDigest: UInt64 = 0x6469_7869_7469_6478

    /// A saved index and the running digest after each of its articles.
    public struct Saved: Sendable {
        public var index: CorpusIndex
        public var digests: [UInt64]
    }

    func fileURL(_ key: String) -> URL {
        directory.appendingPathComponent(String(ContentHash.xxh64(Array(key.utf8)), radix: 16) + ".index")
    }

    /// Whether an index is saved for these paths (cheap: whether the file exists).
    public func hasIndex(forKey key: String) -> Bool {
        FileManager.default.fileExists(atPath: fileURL(key).path)
    }

    /// The index saved for these paths; nil when there is none (`problem` says why
    /// when there was one that could not be used: it is then set aside).
    public func load(forKey key: String) -> (saved: Saved?, problem: LoadProblem?) {
        let url = fileURL(key)
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return (nil, nil) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return (nil, nil) }
        var r = BinaryFileReader(fd: fd, length: Int(st.st_size))
        do {
            guard (try? r.readString()) == Self.magic else { throw BinaryFileError("is not a dixit corpus index") }
            // An index of an earlier layout: not an error, rebuilt.
            guard try r.readUInt64() == Self.formatVersion else { return (nil, nil) }
            // Another analyser's or other paths' index (a hash collision): not an error, rebuilt.
            guard try r.readString() == fingerprint, try r.readString() == key else { return (nil, nil) }
            let digests: [UInt64] = try r.readArray()
            let index = try CorpusIndex(from: &r)
            try r.finish()
            guard digests.count == index.articleCount else { throw BinaryFileError("damaged (counts differ)") }
            return (Saved(index: index, digests: digests), nil)
        } catch {
            let aside = url.appendingPathExtension("damaged")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: url, to: aside)
            return (nil, LoadProblem(path: url.path, message: "saved corpus index \(error); set aside as \(aside.lastPathComponent), rebuilding it",
                                     severity: .warning))
        }
    }

    /// Saves `index` (frozen) for these paths, with the running digest after each article.
    public func save(_ index: CorpusIndex, digests: [UInt64], forKey key: String) throws {
        guard digests.count == index.articleCount else { throw BinaryFileError("digests and index differ") }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = fileURL(key)
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BinaryFileError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        do {
            var w = BinaryFileWriter(fd: fd)
            try w.write(Self.magic)
            try w.write(Self.formatVersion)
            try w.write(fingerprint)
            try w.write(key)
            try w.write(digests)
            try index.write(to: &w)
            try w.finish()
            guard fsync(fd) == 0, close(fd) == 0 else { throw BinaryFileError("cannot write \(temporary)") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw BinaryFileError("cannot rename \(temporary): \(String(cString: strerror(errno)))")
        }
        prune()
    }

    /// Removes all but the `keep` most recent index files, and leftovers of interrupted writes.
    private func prune() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        var indexes: [(date: Date, path: String)] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let date = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            if name.hasSuffix(".index") {
                indexes.append((date, path))
            } else if name.contains(".index.tmp-"), date < Date(timeIntervalSinceNow: -3600) {
                try? fm.removeItem(atPath: path)
            }
        }
        indexes.sort { $0.date > $1.date }
        for old in indexes.dropFirst(max(1, keep)) { try? fm.removeItem(atPath: old.path) }
    }
}
