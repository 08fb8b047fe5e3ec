import Foundation

/// Identifies the analysis code and data, so that cached analyses made by another
/// version of dixit are not reused.
///
/// Made of a version number (bumped by hand whenever the analysis changes), the record
/// layout, the cases of the enumerations a record stores by position, and a hash of
/// every bundled lexicon file. Nothing about the executable: rebuilding dixit (or
/// building it elsewhere) keeps the cache, which is what makes a second start fast
/// after every build; a change to an extractor must bump `analyserVersion`.
public enum AnalyserFingerprint {
    /// Bump whenever the analysis changes (extractors, rules, the model's meaning):
    /// cached analyses of the previous version are then dropped.
    public static let analyserVersion = 3

    /// The fingerprint of this process's analyser, computed once.
    public static let current: String = compute()

    /// The fingerprint from the version, the record layout, the stored enumerations
    /// and the lexicon files.
    public static func compute() -> String {
        ["dixit-analyser \(analyserVersion)", "record \(AnalysisRecord.layoutVersion)",
         "cases \(String(casesHash(), radix: 16))", "lexicon \(String(lexiconHash(), radix: 16))"]
            .joined(separator: "; ")
    }

    /// XXH64 over the cases of the enumerations a record stores by position: adding,
    /// removing or reordering one changes what a stored byte means.
    static func casesHash(_ lists: [[String]] = storedCases) -> UInt64 {
        ContentHash.xxh64(Array(lists.map { $0.joined(separator: ",") }.joined(separator: ";").utf8))
    }

    /// The case names, in order, of each enumeration a record stores by position.
    static var storedCases: [[String]] {
        func names<E: CaseIterable & RawRepresentable>(_: E.Type) -> [String] where E.RawValue == String {
            E.allCases.map(\.rawValue)
        }
        return [names(SourceEncoding.self), names(ParagraphRole.self), names(EntityType.self), names(QuoteKind.self)]
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
}
