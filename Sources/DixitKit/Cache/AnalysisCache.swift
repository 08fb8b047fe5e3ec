import Foundation
import GRDB

/// The persistent analysis cache: one SQLite file (`analysis.sqlite`, WAL mode) in the
/// cache directory, holding for each analysed file its key (absolute path, size,
/// modification time, XXH64 of its bytes) and its `AnalysisRecord`.
///
/// Every write is a transaction, so a crash leaves the previous state. A file that is
/// not SQLite, or a database that is not a dixit cache, or one SQLite finds corrupt, is
/// renamed aside (never deleted: it may be someone's) and a new cache is made. Entries
/// made by another analyser (see `AnalyserFingerprint`) are dropped when it is opened.
public final class AnalysisCache: Sendable {
    /// Name of the database file in the cache directory.
    public static let fileName = "analysis.sqlite"
    static let formatName = "dixit-analysis-cache"
    /// Bumped when the tables change.
    static let schemaVersion = 1

    public let fileURL: URL
    public let fingerprint: String
    let pool: DatabasePool

    /// A cached entry's key parts and its record.
    public struct Entry: Sendable {
        public var size: Int64
        public var mtime: Int64
        public var hash: UInt64
        public var record: [UInt8]
    }

    /// A row to store.
    public struct NewEntry: Sendable {
        public var key: String
        public var size: Int64
        public var mtime: Int64
        public var hash: UInt64
        public var record: [UInt8]
    }

    private init(fileURL: URL, fingerprint: String, pool: DatabasePool) {
        self.fileURL = fileURL
        self.fingerprint = fingerprint
        self.pool = pool
    }

    /// Opens (or makes) the cache in `directory`. Returns nil when no cache can be used
    /// there; `problems` says why, and what was set aside or rebuilt.
    public static func open(directory: URL, fingerprint: String = AnalyserFingerprint.current)
        -> (cache: AnalysisCache?, problems: [LoadProblem]) {
        var problems: [LoadProblem] = []
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            problems.append(LoadProblem(path: directory.path, message: "cannot create the analysis cache directory; analysing without cache", severity: .warning))
            return (nil, problems)
        }
        let url = directory.appendingPathComponent(fileName)
        for attempt in 0..<2 {
            if let reason = foreignHeader(url) {
                if let p = setAside(url, reason: reason) { problems.append(p) } else { break }
            }
            var opened: DatabasePool?
            do {
                let pool = try makePool(url)
                opened = pool
                switch try prepare(pool, fingerprint: fingerprint) {
                case .ready:
                    return (AnalysisCache(fileURL: url, fingerprint: fingerprint, pool: pool), problems)
                case .foreign(let reason):
                    try? pool.close()
                    guard attempt == 0, let p = setAside(url, reason: reason) else { break }
                    problems.append(p)
                }
            } catch let error as DatabaseError where isDamage(error) {
                try? opened?.close()
                guard attempt == 0, let p = setAside(url, reason: "is damaged (\(error.resultCode))") else { break }
                problems.append(p)
            } catch {
                try? opened?.close()
                problems.append(LoadProblem(path: url.path, message: "cannot open the analysis cache (\(error)); analysing without cache", severity: .warning))
                return (nil, problems)
            }
        }
        problems.append(LoadProblem(path: url.path, message: "cannot make a new analysis cache; analysing without cache", severity: .warning))
        return (nil, problems)
    }

    /// Closes this cache, sets its file aside and opens a new one: what to do when
    /// SQLite reports damage in the middle of a run.
    public func rebuild(reason: String) -> (cache: AnalysisCache?, problems: [LoadProblem]) {
        try? pool.close()
        var problems: [LoadProblem] = []
        if let p = Self.setAside(fileURL, reason: reason) { problems.append(p) }
        let (cache, more) = Self.open(directory: fileURL.deletingLastPathComponent(), fingerprint: fingerprint)
        return (cache, problems + more)
    }

    /// Moves the write-ahead log into the database file and releases the connections
    /// (the cache is unusable afterwards). SQLite would leave the log behind when a
    /// read-only connection is the last to close.
    public func close() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try? pool.close()
    }

    // MARK: Reading and writing

    /// The entries stored for `keys` (absolute paths).
    public func entries(for keys: [String]) throws -> [String: Entry] {
        guard !keys.isEmpty else { return [:] }
        return try pool.read { db in
            var out: [String: Entry] = [:]
            out.reserveCapacity(keys.count)
            // Chunks stay under SQLite's limit on bound parameters.
            var start = 0
            while start < keys.count {
                let chunk = Array(keys[start..<min(keys.count, start + 500)])
                start += chunk.count
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, hash, record FROM entries WHERE path IN (\(marks))",
                                               arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    // One copy of the blob, straight from SQLite's buffer.
                    let record = try row.withUnsafeData(atIndex: 4) { data in data.map { [UInt8]($0) } ?? [] }
                    out[row[0]] = Entry(size: row[1], mtime: row[2], hash: UInt64(bitPattern: row[3]), record: record)
                }
            }
            return out
        }
    }

    /// Stores (or replaces) entries, all in one transaction.
    public func store(_ new: [NewEntry]) throws {
        guard !new.isEmpty else { return }
        try pool.write { db in
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO entries(path, size, mtime, hash, record) VALUES (?, ?, ?, ?, ?)")
            for e in new {
                try insert.execute(arguments: [e.key, e.size, e.mtime, Int64(bitPattern: e.hash), Data(e.record)])
            }
        }
    }

    /// Drops the entries of `keys`, and of every file under the directories `roots`
    /// that is not in `keeping` (files deleted since they were cached). `keeping` holds
    /// the keys known to have an entry now, so that when the counts agree under a root
    /// (the usual case) its paths need not be read.
    public func drop(keys: [String], under roots: [String], keeping: Set<String>) throws {
        try pool.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM entries WHERE path = ?")
            for k in keys { try delete.execute(arguments: [k]) }
            for root in roots {
                let prefix = root.hasSuffix("/") ? root : root + "/"
                // Paths under `prefix` sort between it and the same with '/' bumped to '0'.
                let upper = String(prefix.dropLast()) + "0"
                let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries WHERE path >= ? AND path < ?",
                                              arguments: [prefix, upper]) ?? 0
                let kept = keeping.lazy.filter { $0.hasPrefix(prefix) }.count
                guard stored != kept else { continue }
                let stale = try String.fetchAll(db, sql: "SELECT path FROM entries WHERE path >= ? AND path < ?",
                                                arguments: [prefix, upper]).filter { !keeping.contains($0) }
                for k in stale { try delete.execute(arguments: [k]) }
            }
        }
    }

    /// The number of entries.
    public func count() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") ?? 0 }
    }

    /// Whether `error` is SQLite reporting a damaged or foreign database file.
    public static func isDamage(_ error: Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB
    }

    // MARK: Opening

    private enum State { case ready, foreign(String) }

    private static func makePool(_ url: URL) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // With WAL, NORMAL keeps every transaction atomic; only the last ones may be
            // lost on power failure, which a cache can afford.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Each entry is read once and written once: a small page cache per connection
            // (512 KiB instead of 2 MiB) loses nothing, and a warm start keeps 2 to 3 readers.
            try db.execute(sql: "PRAGMA cache_size = -512")
        }
        return try DatabasePool(path: url.path, configuration: config)
    }

    /// Checks the database is ours and current; makes the tables in a new one.
    private static func prepare(_ pool: DatabasePool, fingerprint: String) throws -> State {
        try pool.write { db -> State in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if tables.isEmpty {
                try createSchema(db, fingerprint: fingerprint)
                return .ready
            }
            guard tables.contains("meta"),
                  try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") == formatName else {
                return .foreign("is not a dixit analysis cache")
            }
            let schema = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
            if schema != String(schemaVersion) || !tables.contains("entries") {
                // An older (or newer) dixit's cache: ours to rebuild.
                for t in tables { try db.execute(sql: "DROP TABLE \(t.quotedDatabaseIdentifier)") }
                try createSchema(db, fingerprint: fingerprint)
                return .ready
            }
            if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'analyser'") != fingerprint {
                try db.execute(sql: "DELETE FROM entries")
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('analyser', ?)", arguments: [fingerprint])
            }
            return .ready
        }
    }

    private static func createSchema(_ db: Database, fingerprint: String) throws {
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entries(
                path TEXT NOT NULL PRIMARY KEY,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                hash INTEGER NOT NULL,
                record BLOB NOT NULL);
            """)
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('format', ?), ('schema', ?), ('analyser', ?)",
                       arguments: [formatName, String(schemaVersion), fingerprint])
    }

    /// Why the file at `url` cannot be ours, judging by its first bytes; nil when it may be.
    private static func foreignHeader(_ url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return nil }   // an empty file: SQLite makes it a database
        return head == Data("SQLite format 3\0".utf8) ? nil : "is not an SQLite database"
    }

    /// Renames the cache file (and its WAL files) aside. Nil when nothing could be renamed.
    private static func setAside(_ url: URL, reason: String) -> LoadProblem? {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let aside = url.path + ".bad-" + stamp
        let fm = FileManager.default
        guard (try? fm.moveItem(atPath: url.path, toPath: aside)) != nil else { return nil }
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: url.path + suffix) {
            _ = try? fm.moveItem(atPath: url.path + suffix, toPath: aside + suffix)
        }
        return LoadProblem(path: url.path, message: "\(reason); set aside as \(aside), and a new cache is being built", severity: .warning)
    }
}
