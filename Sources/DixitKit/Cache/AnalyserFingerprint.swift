import Foundation

/// Identifies the analysis code and data, so that cached analyses made by another
/// version of dixit are not reused.
///
/// Made of a version number (bumped by hand for changes the other parts would miss),
/// the record layout, a hash of every lexicon file, and the size and modification time
/// of the running executable: rebuilding dixit after changing an extractor invalidates
/// the cache even when nobody remembered to bump the version.
public enum AnalyserFingerprint {
    /// Bump when the analysis changes in a way the other parts would not show.
    public static let analyserVersion = 1

    /// The fingerprint of this process's analyser, computed once.
    public static let current: String = compute(includeExecutable: true)

    /// The fingerprint from the version, the lexicon files and (optionally) the executable.
    public static func compute(includeExecutable: Bool) -> String {
        var parts = ["dixit-analyser \(analyserVersion)", "record \(AnalysisRecord.layoutVersion)",
                     "lexicon \(String(lexiconHash(), radix: 16))"]
        if includeExecutable, let exe = executableIdentity() { parts.append("exe \(exe)") }
        return parts.joined(separator: "; ")
    }

    /// XXH64 over the names and contents of the bundled lexicon files, in name order.
    static func lexiconHash() -> UInt64 {
        guard let root = Bundle.module.url(forResource: "Lexicon", withExtension: nil) else { return 0 }
        let fm = FileManager.default
        var files: [String] = []
        if let walker = fm.enumerator(atPath: root.path) {
            while let rel = walker.nextObject() as? String { files.append(rel) }
        }
        var all: [UInt8] = []
        for rel in files.sorted() {
            let url = root.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            all.append(contentsOf: Array(rel.utf8)); all.append(0)
            let data = (try? Data(contentsOf: url)) ?? Data()
            let hash = data.withUnsafeBytes { ContentHash.xxh64($0) }
            all.append(contentsOf: String(hash, radix: 16).utf8); all.append(0)
        }
        return ContentHash.xxh64(all)
    }

    /// Size and modification time of the running executable.
    static func executableIdentity() -> String? {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        guard let path = Bundle.main.executablePath else { return nil }
        #endif
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if os(Linux)
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        let mtime = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
        return "\(st.st_size)@\(mtime)"
    }
}
