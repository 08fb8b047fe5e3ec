#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether `needle` occurs in the string as a run of whole characters, found by
    /// a byte search over the UTF-8 (memchr for the first byte, memcmp for the rest):
    /// filtering a large corpus searches every article's text, and Foundation's
    /// `contains` is many times slower. A byte match that starts or ends inside a
    /// character (before a combining mark, inside a flag or an emoji sequence) does
    /// not count. On folded text (accents gone) this answers as `contains` did;
    /// an empty needle, as there, is not found.
    public func queryContains(_ needle: String) -> Bool {
        if needle.isEmpty { return false }
        var hay = self, pin = needle
        hay.makeContiguousUTF8()
        pin.makeContiguousUTF8()
        return hay.utf8.withContiguousStorageIfAvailable { h in
            pin.utf8.withContiguousStorageIfAvailable { n in
                Self.search(h, n) { start in hay.isCharacterRun(from: start, count: n.count) }
            } ?? false
        } ?? hay.contains(pin)
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>,
                               accept: (Int) -> Bool) -> Bool {
        guard let hb = h.baseAddress, let nb = n.baseAddress, n.count <= h.count else { return false }
        // memchr looks for the needle's least common byte, so fewer candidates reach memcmp.
        let k = rarestOffset(n)
        let key = Int32(nb[k])
        let last = h.count - n.count   // last possible start
        var i = 0                      // lowest start not yet ruled out
        while i <= last {
            guard let p = memchr(hb + i + k, key, last - i + 1) else { return false }
            let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - hb - k
            if memcmp(hb + at, nb, n.count) == 0 && accept(at) { return true }
            i = at + 1
        }
        return false
    }

    /// Rank of each byte by how common it is in folded news text (French and English
    /// letter frequencies, space first); bytes not listed rank as rare.
    private static let byteRank: [UInt8] = {
        var rank = [UInt8](repeating: 255, count: 256)
        for (i, b) in " eastinrulodcmph'pgbvfwykjqxz".utf8.enumerated() where rank[Int(b)] == 255 { rank[Int(b)] = UInt8(i) }
        return rank
    }()

    /// Offset of the needle byte least common in text.
    private static func rarestOffset(_ n: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0, bestRank = -1
        byteRank.withUnsafeBufferPointer { rank in
            for i in 0..<n.count {
                let r = Int(rank[Int(n[i])])
                if r > bestRank { best = i; bestRank = r }
            }
        }
        return best
    }

    /// Whether the UTF-8 bytes [start, start+count) begin and end on character boundaries.
    private func isCharacterRun(from start: Int, count: Int) -> Bool {
        let u = utf8
        let a = u.index(u.startIndex, offsetBy: start)
        let b = u.index(a, offsetBy: count)
        return a.samePosition(in: self) != nil && b.samePosition(in: self) != nil
    }
}
