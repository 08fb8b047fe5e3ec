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
        if isNormal(joined) { return joined }
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether an absolute path has no empty, `.` or `..` component and no trailing slash.
    static func isNormal(_ path: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0, third: UInt8 = 0
        var count = 0
        for b in path.utf8 {
            // "//", "/./" and "/../" end a component that is empty, `.` or `..`.
            if b == UInt8(ascii: "/") && count > 0 {
                if previous == UInt8(ascii: "/") { return false }
                if previous == UInt8(ascii: ".") && beforePrevious == UInt8(ascii: "/") { return false }
                if previous == UInt8(ascii: ".") && beforePrevious == UInt8(ascii: ".") && third == UInt8(ascii: "/") { return false }
            }
            third = beforePrevious; beforePrevious = previous; previous = b
            count += 1
        }
        guard count > 1 else { return count == 1 && previous == UInt8(ascii: "/") }
        if previous == UInt8(ascii: "/") { return false }
        if previous == UInt8(ascii: ".") && beforePrevious == UInt8(ascii: "/") { return false }
        if previous == UInt8(ascii: ".") && beforePrevious == UInt8(ascii: ".") && third == UInt8(ascii: "/") { return false }
        return path.utf8.first == UInt8(ascii: "/")
    }
}
