import Foundation
@testable import DixitKit

/// A temporary directory removed when the value is dropped... by the test that made it.
/// Tests point the cache here, never at the user's cache.
struct TemporaryDirectory {
    let url: URL
    init(_ label: String = "dixit-test") throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(label)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var path: String { url.path }
    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` as UTF-8 into `name` (sub-directories made as needed).
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
}

enum CacheFixtures {
    /// The checkout's seed articles.
    static var seedsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
    }

    /// Articles written the way news is written, in both languages and several encodings.
    static func writeCorpus(in dir: TemporaryDirectory) throws -> [String] {
        var paths: [String] = []
        paths.append(try dir.write("fr/budget.txt", """
            Budget : le gouvernement promet « un effort sans précédent » pour l’hôpital

            Publié le 3 février 2023 à 10h12

            Par Claire Vasseur

            « Nous ne laisserons pas l’hôpital public s’effondrer », a déclaré jeudi la ministre de la Santé, Agnès Dumont, lors d’un déplacement à Lyon.

            Selon la ministre, l’enveloppe atteindra 2,3 milliards d’euros d’ici 2025. Les syndicats jugent pourtant l’annonce « très insuffisante ».

            « C’est un pansement sur une jambe de bois », a réagi Marc Olivier, secrétaire général de la CGT Santé.
            """))
        paths.append(try dir.write("en/port.txt", """
            Port strike enters second week as talks stall

            March 14, 2023

            By Jane Harlow

            "We are not going back until the company listens," union leader Tom Becker told reporters in Rotterdam on Monday.

            The operator, Northsea Terminals, said it had offered a 6% raise. "That offer remains on the table," a spokeswoman said.
            """))
        // Windows-1252: « é » and a curly apostrophe as single bytes.
        var latin: [UInt8] = Array("Gr".utf8) + [0xE8] + Array("ve des cheminots\n\n".utf8)
        latin += [0xAB, 0x20] + Array("Nous irons jusqu".utf8) + [0x92] + Array("au bout ".utf8) + [0xBB] + Array(", a affirm".utf8) + [0xE9] + Array(" Paul Garnier.\n".utf8)
        paths.append(try dir.write("fr/latin1.txt", bytes: latin))
        // UTF-16LE with a BOM.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "Élections : « Le scrutin sera serré », estime un sondeur\n\nLe vote aura lieu dimanche.\n".utf16 {
            utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        paths.append(try dir.write("fr/utf16.txt", bytes: utf16))
        paths.append(try dir.write("fr/vide.txt", ""))
        paths.append(try dir.write("fr/binaire.txt", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]))
        return paths
    }

    /// The full export of a load: what must not depend on the cache.
    static func export(_ output: CorpusLoader.Output) -> String {
        ExportFormat.documentJSON(output.articles)
    }

    /// Everything about the articles the export leaves out: structure, roles, warnings.
    static func structure(_ output: CorpusLoader.Output) -> [String] {
        output.articles.map { a in
            let art = a.article
            return "\(art.path)|\(art.text.string)|\(art.encoding)|\(String(describing: art.title))|\(String(describing: art.date))|\(String(describing: art.byline))|\(art.paragraphs)|\(art.language)|\(art.warnings)"
        }
    }
}
