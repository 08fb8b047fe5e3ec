import Foundation

/// A file's bytes with the size and modification time read from the same open file:
/// what the cache compares with its key.
struct FileSnapshot: Sendable {
    var bytes: [UInt8]
    var size: Int64
    /// Nanoseconds since the epoch.
    var mtime: Int64

    /// Reads a regular file of at most `maxSize` bytes; nil on any trouble (the caller
    /// then goes through `ArticleLoader.load`, which says what went wrong).
    static func take(_ path: String, maxSize: Int) -> FileSnapshot? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= maxSize else { return nil }
        let expected = Int(st.st_size)
        var filled = 0
        var failed = false
        // Read straight into the array's storage: no zero-filling first.
        let bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while filled < expected, let base = buffer.baseAddress {
                let n = read(fd, base + filled, expected - filled)
                if n < 0 { if errno == EINTR { continue }; failed = true; break }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        // A file that shrank or grew while read: let the plain loader deal with it.
        guard !failed, filled == expected else { return nil }
        var probe: UInt8 = 0
        guard read(fd, &probe, 1) == 0 else { return nil }
        #if os(Linux)
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        let mtime = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
        return FileSnapshot(bytes: bytes, size: Int64(st.st_size), mtime: mtime)
    }
}
