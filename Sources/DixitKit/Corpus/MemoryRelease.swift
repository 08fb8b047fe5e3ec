#if canImport(Glibc)
import Glibc
#endif

/// Gives the pages the allocator holds free back to the system.
///
/// Analysing an article allocates and frees many times its size in working memory
/// (token arrays, scalar arrays, candidate lists) between the long-lived values kept
/// for the corpus; glibc keeps the freed pages mapped, so resident memory after a cold
/// load of a large corpus stood well above what the corpus holds. glibc's
/// `malloc_trim` returns every whole free page (not only the top of the heap); it takes
/// a few milliseconds, so the loader calls it once a batch, and only after analysing.
/// Looked up at run time: Glibc's Swift module does not declare it, and other C
/// libraries lack it (nothing is done there).
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func releaseFreePages() {
        _ = trim?(0)
    }
}
