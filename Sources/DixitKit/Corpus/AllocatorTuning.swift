#if canImport(Glibc)
import Glibc
#endif

/// Allocator settings for a process that holds a large corpus.
///
/// glibc serves blocks under its mmap threshold (which grows with use, up to 32 MB)
/// from its heaps, where freed ones stay as holes: loading and indexing 100,000
/// articles frees many such blocks (each batch's prepared parts, postings packed
/// anew), and the peak resident memory rose 0.3 × the corpus text above what stays.
/// With a fixed 1 MiB threshold large blocks are mapped on their own and go back to
/// the system when freed. Looked up at run time (`mallopt` is glibc's); elsewhere
/// this does nothing.
public enum AllocatorTuning {
    /// Large blocks mapped apart (call once, before loading).
    public static func forLargeCorpora() {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, 1 << 20)
        #endif
    }
}
