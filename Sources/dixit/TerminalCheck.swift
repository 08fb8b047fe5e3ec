import CNcursesw
import Foundation

/// Checks made before any escape code is written: the reader needs a real terminal.
enum TerminalCheck {
    /// Why the reader cannot start here, or nil when it can.
    static func problem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if isatty(STDOUT_FILENO) != 1 { return "standard output is not a terminal" }
        guard let term = environment["TERM"], !term.isEmpty else { return "TERM is not set" }
        if term == "dumb" { return "the terminal (TERM=dumb) cannot move the cursor" }
        if isatty(STDIN_FILENO) != 1 && access("/dev/tty", R_OK) != 0 {
            return "standard input is not a terminal and /dev/tty cannot be opened"
        }
        return nil
    }

    /// The message on standard error when the reader cannot start.
    static func message(_ problem: String) -> String {
        """
        dixit: cannot open the reader: \(problem).
        The reader is interactive. For the analysis as text, use:
          dixit export [PATH…]     quotes, speakers and entities as JSON
          dixit quotes [PATH…]     quotes with their speakers (table, csv or json)
          dixit entities [PATH…]   named entities with counts
        """
    }

    /// Makes sure the C library works in UTF-8 (accents, « », borders); falls back to C.UTF-8.
    static func setUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_ALL, name) != nil, isUTF8() { return true }
        }
        return false
    }

    private static func isUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
