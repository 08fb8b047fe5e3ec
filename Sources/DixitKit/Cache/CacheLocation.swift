import Foundation

/// Where the analysis cache lives: `$XDG_CACHE_HOME/dixit`, else `~/.cache/dixit`.
public enum CacheLocation {
    /// The cache directory for `environment` (the process environment by default).
    /// A relative `XDG_CACHE_HOME` is ignored, as the XDG specification says.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("dixit")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache").appendingPathComponent("dixit")
    }

    /// The absolute, normalised form of `path` (`.` and `..` resolved, symbolic links
    /// not): the cache key of a file, whatever directory dixit was started from.
    public static func absoluteKey(_ path: String, currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
