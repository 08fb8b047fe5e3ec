import DixitKit
import Foundation

/// Messages on standard error, each naming its file.
enum Diagnostics {
    static func report(_ problems: [LoadProblem], quiet: Bool) {
        for p in problems {
            switch p.severity {
            case .note: if !quiet { write("dixit: note: \(p)") }
            case .warning: if !quiet { write("dixit: warning: \(p)") }
            case .error: write("dixit: error: \(p)")
            }
        }
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((TerminalSanitizer.sanitize(line) + "\n").utf8))
    }
}
