import DixitKit
import Foundation

/// Makes a synthetic corpus from real articles: each generated article takes a title
/// and body paragraphs of one language at random from the source articles, with the
/// capitalised words (names, places, organisations) replaced by invented ones, so that
/// no two generated articles are copies and the analysers see fresh names throughout.
/// The corpus is written to a temporary directory, never into the repository.
struct CorpusGenerator {
    struct Pool {
        var titles: [String] = []
        var paragraphs: [String] = []
    }

    var pools: [String: Pool] = [:]
    /// Share of French articles (the rest English), as in the source.
    var frenchShare = 0.5

    /// Reads the `.txt` articles of `source` (a directory) into pools by language.
    init(source: String) throws {
        let loader = ArticleLoader()
        let (files, _) = loader.collectFiles([source])
        var counts: [String: Int] = [:]
        for f in files {
            guard case .success(let a) = loader.load(f) else { continue }
            var pool = pools[a.language, default: Pool()]
            if !a.titleText.isEmpty { pool.titles.append(a.titleText) }
            for p in a.paragraphs where p.role == .body { pool.paragraphs.append(a.text[p.span]) }
            pools[a.language] = pool
            counts[a.language, default: 0] += 1
        }
        guard let fr = pools["fr"], !fr.paragraphs.isEmpty, !fr.titles.isEmpty else {
            throw ValidationErrorText("no French articles with a title and body in \(source)")
        }
        let en = counts["en", default: 0], frc = counts["fr", default: 0]
        if let e = pools["en"], !e.paragraphs.isEmpty, !e.titles.isEmpty {
            frenchShare = Double(frc) / Double(frc + en)
        } else {
            frenchShare = 1
        }
    }

    /// Writes `count` articles under `directory` (1,000 a sub-directory); returns the bytes written.
    func generate(count: Int, into directory: URL, seed: UInt64, meanBytes: Int = 3_000) throws -> Int {
        let fm = FileManager.default
        var rng = SplitMix64(seed: seed)
        var total = 0
        for i in 0..<count {
            let dir = directory.appendingPathComponent(String(format: "%04d", i / 1000))
            if i % 1000 == 0 { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
            let text = article(&rng, meanBytes: meanBytes)
            total += try writeFile(dir.appendingPathComponent(String(format: "article-%06d.txt", i)).path, text)
        }
        return total
    }

    /// Plain write, no fsync (Data.write syncs each file, which takes minutes for 100,000 files).
    private func writeFile(_ path: String, _ text: String) throws -> Int {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ValidationErrorText("cannot write \(path)") }
        defer { close(fd) }
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else { throw ValidationErrorText("cannot write \(path)") }
            done += n
        }
        return bytes.count
    }

    /// One article: title, an optional date line, then paragraphs up to about the target size.
    func article(_ rng: inout SplitMix64, meanBytes: Int) -> String {
        let lang = rng.unit() < frenchShare ? "fr" : "en"
        let pool = pools[lang]!
        var names = NameVariation(seed: rng.next())
        var out = names.vary(pool.titles[rng.below(pool.titles.count)]) + "\n\n"
        if rng.unit() < 0.5 {
            let month = 1 + rng.below(12), day = 1 + rng.below(28), year = 2015 + rng.below(10)
            out += lang == "fr" ? "Publié le \(day) \(frenchMonths[month - 1]) \(year) à \(rng.below(24))h\(String(format: "%02d", rng.below(60)))\n\n"
                                : "\(englishMonths[month - 1]) \(day), \(year)\n\n"
        }
        let target = meanBytes / 2 + rng.below(meanBytes)
        while out.utf8.count < target {
            out += names.vary(pool.paragraphs[rng.below(pool.paragraphs.count)]) + "\n\n"
        }
        return out
    }

    let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

/// Replaces capitalised words that do not start a sentence by invented names, the same
/// replacement for the same word throughout one article (so "Stoltenberg" stays one person).
struct NameVariation {
    var rng: SplitMix64
    var map: [Substring: String] = [:]
    static let syllables = ["ba", "cor", "da", "fel", "gar", "lin", "ma", "nor", "pel", "ri", "san", "tou", "val", "zé", "mon", "ber", "ka", "lé", "vi", "dor"]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func vary(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var sentenceStart = true
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c.isLetter else {
                out.append(c)
                if c == "." || c == "!" || c == "?" || c == "«" || c == "\"" || c == "“" || c == ":" { sentenceStart = true }
                i = text.index(after: i)
                continue
            }
            var j = i
            while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
            let word = text[i..<j]
            if !sentenceStart, word.count >= 4, word.first!.isUppercase, word.dropFirst().allSatisfy({ $0.isLowercase }) {
                if map[word] == nil { map[word] = invent() }
                out += map[word]!
            } else {
                out += word
            }
            sentenceStart = false
            i = j
        }
        return out
    }

    private mutating func invent() -> String {
        var s = ""
        for _ in 0..<(2 + rng.below(2)) { s += Self.syllables[rng.below(Self.syllables.count)] }
        return s.prefix(1).uppercased() + s.dropFirst()
    }
}

/// A small, fast, seedable generator (the corpus is the same for the same seed).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ s: String) { description = s }
}
