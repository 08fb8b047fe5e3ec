#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small cache in front of `EntityLexicon.wordInfo`, one per thread (`forCurrentThread`).
///
/// The lexicon's word table is some 13 MB: a look-up of a word is mostly a wait for memory.
/// The words asked about again (within an article, and the frequent ones of every article:
/// `Le`, `président`, `said`) are answered from this table, which stays close to the core.
/// The answers are the lexicon's own (it never changes), so the analysis is the same with
/// or without the cache; only one thread ever uses an instance.
final class WordInfoCache {
    let lexicon: EntityLexicon

    /// One remembered word: its folded UTF-8 (at most 16 bytes, zero-padded into two words)
    /// and length + 1 (0: empty slot).
    private struct Entry {
        var w0: UInt64 = 0, w1: UInt64 = 0
        var info = WordInfo()
        var lengthPlusOne: UInt8 = 0
    }

    /// 2,048 entries of 48 bytes: about 100 KB, within a core's second-level cache.
    private static let slotCount = 2048
    private let entries: UnsafeMutablePointer<Entry>

    init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
        entries = .allocate(capacity: Self.slotCount)
        entries.initialize(repeating: Entry(), count: Self.slotCount)
    }

    deinit { entries.deallocate() }

    /// `lexicon.wordInfo(utf8)`, remembered for words of 2 to 16 bytes.
    @inline(__always)
    func wordInfo(_ utf8: UnsafeBufferPointer<UInt8>) -> WordInfo {
        let n = utf8.count
        guard n >= 2, n <= 16, let base = utf8.baseAddress else { return lexicon.wordInfo(utf8) }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<min(n, 8) { w0 |= UInt64(base[k]) << UInt64(8 * k) }
        if n > 8 { for k in 8..<n { w1 |= UInt64(base[k]) << UInt64(8 * (k - 8)) } }
        var h = (w0 ^ (w1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(n)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        let slot = entries + Int(truncatingIfNeeded: h & UInt64(Self.slotCount - 1))
        if slot.pointee.lengthPlusOne == UInt8(n + 1), slot.pointee.w0 == w0, slot.pointee.w1 == w1 {
            return slot.pointee.info
        }
        let info = lexicon.wordInfo(utf8)
        slot.pointee = Entry(w0: w0, w1: w1, info: info, lengthPlusOne: UInt8(n + 1))
        return info
    }

    /// The calling thread's cache for `lexicon` (made on first use; another lexicon gets a new one).
    static func forCurrentThread(_ lexicon: EntityLexicon) -> WordInfoCache {
        if let p = pthread_getspecific(threadKey) {
            let cache = Unmanaged<WordInfoCache>.fromOpaque(p).takeUnretainedValue()
            if cache.lexicon === lexicon { return cache }
            Unmanaged<WordInfoCache>.fromOpaque(p).release()
        }
        let cache = WordInfoCache(lexicon: lexicon)
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    /// The thread-specific slot of `forCurrentThread`; a thread's cache is released when it ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in
            if let p { Unmanaged<WordInfoCache>.fromOpaque(p).release() }
        }
        return key
    }()
}
