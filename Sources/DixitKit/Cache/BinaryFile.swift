#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Why a binary file could not be written or read back.
public struct BinaryFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ d: String) { description = d }
}

/// Writes values and arrays of plain values to a file descriptor as they lie in memory
/// (this machine's byte order: the file is a cache, read back by the same build), each
/// array after its element count, straight from its buffer: saving a large index
/// needs no second copy of it. A running checksum of everything written ends the file.
struct BinaryFileWriter {
    private let fd: Int32
    private(set) var checksum: UInt64 = 0x243F_6A88_85A3_08D3

    init(fd: Int32) { self.fd = fd }

    mutating func write(_ v: UInt64) throws {
        try write([v])
    }

    mutating func write(_ s: String) throws {
        try write(Array(s.utf8))
    }

    mutating func write<T: BitwiseCopyable>(_ a: [T]) throws {
        var n = UInt64(a.count)
        try withUnsafeBytes(of: &n) { try raw($0) }
        try a.withUnsafeBytes { try raw($0) }
    }

    /// Ends the file with the checksum of what came before it.
    mutating func finish() throws {
        var c = checksum
        try withUnsafeBytes(of: &c) { buf in try put(buf) }
    }

    private mutating func raw(_ buf: UnsafeRawBufferPointer) throws {
        checksum = BinaryFileReader.mix(checksum, ContentHash.xxh64(buf))
        try put(buf)
    }

    private func put(_ buf: UnsafeRawBufferPointer) throws {
        guard var p = buf.baseAddress else { return }
        var left = buf.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw BinaryFileError("cannot write: \(String(cString: strerror(errno)))")
            }
            p += n
            left -= n
        }
    }
}

/// Reads back what `BinaryFileWriter` wrote, each array straight into its own storage,
/// refusing any count larger than what is left of the file (a damaged file never
/// makes a huge allocation) and, at `finish`, a checksum that differs.
struct BinaryFileReader {
    private let fd: Int32
    private var left: Int
    private var checksum: UInt64 = 0x243F_6A88_85A3_08D3

    /// Reads from `fd`, whose remaining length is `length` bytes.
    init(fd: Int32, length: Int) {
        self.fd = fd
        self.left = length
    }

    static func mix(_ sum: UInt64, _ h: UInt64) -> UInt64 {
        var x = (sum ^ h) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }

    mutating func readUInt64() throws -> UInt64 {
        let a: [UInt64] = try readArray()
        guard a.count == 1 else { throw BinaryFileError("malformed value") }
        return a[0]
    }

    mutating func readString() throws -> String {
        let bytes: [UInt8] = try readArray()
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func readArray<T: BitwiseCopyable>(of: T.Type = T.self) throws -> [T] {
        var n: UInt64 = 0
        try withUnsafeMutableBytes(of: &n) { try raw($0) }
        let stride = MemoryLayout<T>.stride
        guard n <= UInt64(left / max(1, stride)) else { throw BinaryFileError("truncated or damaged (an array of \(n) runs past the end)") }
        let count = Int(n)
        return try [T](unsafeUninitializedCapacity: count) { buf, initialized in
            try raw(UnsafeMutableRawBufferPointer(start: buf.baseAddress, count: count * stride))
            initialized = count
        }
    }

    /// Checks the checksum that ends the file, and that nothing follows it.
    mutating func finish() throws {
        let expected = checksum
        var stored: UInt64 = 0
        try withUnsafeMutableBytes(of: &stored) { try get($0) }
        guard stored == expected else { throw BinaryFileError("damaged (checksum differs)") }
        guard left == 0 else { throw BinaryFileError("damaged (\(left) bytes after the end)") }
    }

    private mutating func raw(_ buf: UnsafeMutableRawBufferPointer) throws {
        try get(buf)
        checksum = Self.mix(checksum, ContentHash.xxh64(UnsafeRawBufferPointer(buf)))
    }

    private mutating func get(_ buf: UnsafeMutableRawBufferPointer) throws {
        guard buf.count <= left else { throw BinaryFileError("truncated") }
        guard var p = buf.baseAddress else { return }
        var want = buf.count
        while want > 0 {
            let n = read(fd, p, want)
            if n < 0 {
                if errno == EINTR { continue }
                throw BinaryFileError("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw BinaryFileError("truncated") }
            p += n
            want -= n
            left -= n
        }
    }
}
