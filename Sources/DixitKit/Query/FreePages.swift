#if canImport(Glibc)
import Glibc
#endif

/// Gives the allocator's free pages back to the system. Indexing a large corpus
/// allocates and frees a great deal (each batch's prepared texts, postings packed
/// anew); glibc keeps what was freed in its arenas, so the reader would go on
/// holding it. `malloc_trim` is looked up at run time: it is a glibc extension
/// that Swift's Glibc module does not declare, and elsewhere this does nothing.
enum FreePages {
    static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
