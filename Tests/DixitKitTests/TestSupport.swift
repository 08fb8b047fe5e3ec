import Foundation
@testable import DixitKit

/// Paths and helpers shared by the DixitKit tests.
enum TestSupport {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var seeds: URL { root.appendingPathComponent("seeds") }
    static let seed000 = "000_62b49142b57b139c.txt"
    static let seed004 = "004_f57e383da64bcd99.txt"

    static func loadSeed(_ name: String) throws -> Article {
        try ArticleLoader().load(seeds.appendingPathComponent(name).path).get()
    }

    /// Parses text written in a test as if it were a file.
    static func article(_ text: String, path: String = "test.txt") -> Article {
        StructureParser.parse(path: path, text: ScalarText(text))
    }
}
