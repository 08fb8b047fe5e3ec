import CNcursesw
import DixitUI

/// Reads one key or mouse event from curses and turns it into an action.
enum TerminalInput {
    enum Event {
        case action(Action)
        /// Nothing arrived (timeout or a signal interrupted the read).
        case none
        /// curses saw a resize.
        case resized
    }

    static func read() -> Event {
        var ch: wint_t = 0
        let r = wget_wch(dixit_stdscr(), &ch)
        if r == ERR { return .none }
        if r == dixit_key_code_yes() { return special(Int32(ch)) }
        return decode(UInt32(ch))
    }

    /// A character key (control characters included).
    static func decode(_ v: UInt32) -> Event {
        switch v {
        case 9: return .action(.key(.tab))
        case 10, 13: return .action(.key(.enter))
        case 27: return .action(.key(.escape))
        case 8, 127: return .action(.key(.backspace))
        case 1...26:
            return .action(.key(.ctrl(Character(Unicode.Scalar(v + 96)!))))
        default:
            guard let s = Unicode.Scalar(v) else { return .none }
            return .action(.key(.char(Character(s))))
        }
    }

    /// A key curses decoded from an escape sequence.
    static func special(_ code: Int32) -> Event {
        let key: Key
        switch code {
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_PPAGE: key = .pageUp
        case KEY_NPAGE: key = .pageDown
        case KEY_HOME: key = .home
        case KEY_END: key = .end
        case KEY_BTAB: key = .backTab
        case KEY_ENTER: key = .enter
        case KEY_BACKSPACE: key = .backspace
        case KEY_DC: key = .delete
        case KEY_RESIZE: return .resized
        case KEY_MOUSE: return mouse()
        default:
            for n in 1...12 where code == dixit_key_f(Int32(n)) { return .action(.key(.function(n))) }
            return .none
        }
        return .action(.key(key))
    }

    static func mouse() -> Event {
        var e = MEVENT()
        guard getmouse(&e) == OK else { return .none }
        let kind: MouseEvent.Kind
        if e.bstate & dixit_button4_pressed() != 0 { kind = .wheelUp }
        else if e.bstate & dixit_button5_pressed() != 0 { kind = .wheelDown }
        else if e.bstate & (dixit_button1_pressed() | dixit_button1_clicked()) != 0 { kind = .click }
        else { return .none }
        return .action(.mouse(MouseEvent(kind, x: Int(e.x), y: Int(e.y))))
    }
}
