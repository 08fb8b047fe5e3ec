import Foundation

/// Finds the checkout's `seeds/` folder, so that `swift run dixit` opens the seed
/// articles from any working directory inside the checkout.
enum SeedLocator {
    static func seedsDirectory() -> String? {
        let fm = FileManager.default
        // Walk up from the working directory to the package root.
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
        while true {
            if let found = seeds(in: dir) { return found }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        // Else the checkout this binary was built from.
        let source = URL(fileURLWithPath: #filePath)   // <root>/Sources/dixit/SeedLocator.swift
        return seeds(in: source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
    }

    private static func seeds(in dir: URL) -> String? {
        let fm = FileManager.default
        let seeds = dir.appendingPathComponent("seeds")
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
              fm.fileExists(atPath: seeds.path, isDirectory: &isDir), isDir.boolValue else { return nil }
        // Relative to the working directory when inside it: shorter paths in the list.
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL.path
        let path = seeds.standardizedFileURL.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
