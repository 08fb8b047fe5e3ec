import CNcursesw
import DixitKit
import DixitUI
import Foundation

/// The ncurses side of the reader: starts and ends curses, draws grids by
/// writing only the cells that changed, and maps style roles to colours or,
/// without colour, to bold/underline/reverse.
final class TerminalScreen {
    private let screen: OpaquePointer
    private let input: UnsafeMutablePointer<FILE>?
    private var previous: Grid?
    private let palette: TerminalPalette

    /// Starts curses on the terminal (`newterm`, which fails instead of exiting).
    init?() {
        let useStdin = isatty(STDIN_FILENO) == 1
        let inputFile: UnsafeMutablePointer<FILE>? = useStdin ? nil : fopen("/dev/tty", "r")
        guard let inFile = useStdin ? dixit_stdin() : inputFile,
              let scr = newterm(nil, dixit_stdout(), inFile) else {
            if let inputFile { fclose(inputFile) }
            return nil
        }
        screen = scr
        input = inputFile
        set_term(scr)
        guard dixit_has_string_cap("cup") != 0 else {
            endwin()
            delscreen(scr)
            return nil
        }
        cbreak()
        noecho()
        nonl()
        intrflush(dixit_stdscr(), false)
        keypad(dixit_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        let mask = dixit_button1_pressed() | dixit_button1_clicked() | dixit_button4_pressed() | dixit_button5_pressed()
        mousemask(mask, nil)
        mouseinterval(0)
        palette = TerminalPalette.start()
    }

    var size: Size { Size(width: Int(dixit_cols()), height: Int(dixit_lines())) }

    /// Sets how long a read waits for a key (milliseconds; -1 waits until a key or a signal).
    func setTimeout(_ ms: Int32) { wtimeout(dixit_stdscr(), ms) }

    /// Follows a new terminal size after SIGWINCH.
    func resize() {
        var rows: Int32 = 0, cols: Int32 = 0
        // resizeterm queues a KEY_RESIZE when the size changes: only call it then,
        // or reading that key back would resize again, for ever.
        if dixit_tty_size(STDOUT_FILENO, &rows, &cols) == 0, rows != dixit_lines() || cols != dixit_cols() {
            resizeterm(rows, cols)
        }
        invalidate()
    }

    /// Makes the next draw repaint every cell.
    func invalidate() {
        previous = nil
        clearok(dixit_stdscr(), true)
    }

    /// Draws a grid, writing only rows and runs of cells that changed since the last one.
    func draw(_ grid: Grid) {
        let win = dixit_stdscr()
        let old = previous?.size == grid.size ? previous : nil
        if old == nil { werase(win) }
        for y in 0..<grid.height {
            var first = -1, last = -1
            for x in 0..<grid.width where old == nil || old![x, y] != grid[x, y] {
                if first < 0 { first = x }
                last = x
            }
            guard first >= 0 else { continue }
            // Start on a whole character and end after one.
            while first > 0 && grid[first, y].isContinuation { first -= 1 }
            if last + 1 < grid.width && grid[last + 1, y].isContinuation { last += 1 }
            var x = first
            while x <= last {
                let style = grid[x, y].style
                var run = ""
                let start = x
                while x <= last && grid[x, y].style == style {
                    run += grid[x, y].text
                    x += 1
                }
                wattr_set(win, palette.attributes(style), palette.pair(style), nil)
                mvwaddstr(win, Int32(y), Int32(start), run)
            }
        }
        wattr_set(win, dixit_a_normal(), 0, nil)
        wnoutrefresh(win)
        doupdate()
        previous = grid
    }

    /// Ctrl-Z: leaves curses, stops the process, and comes back with a full redraw.
    func suspend() {
        endwin()
        TerminalSignals.restoreDefault(SIGTSTP)
        kill(getpid(), SIGTSTP)
        // Execution resumes here after SIGCONT.
        TerminalSignals.install()
        _ = TerminalSignals.take()
        reset_prog_mode()
        resize()
    }

    /// Restores the terminal (cursor, echo, main screen).
    func end() {
        curs_set(1)
        endwin()
        delscreen(screen)
        if let input { fclose(input) }
    }
}
