// Shim for ncursesw. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, without which
// the wide-character API does not exist, so define it here (see
// ../shared/notes/ncursesw-from-swift.md). Macros and mutable globals that Swift
// cannot import are wrapped in static inline accessors.
#ifndef DIXIT_CNCURSESW_SHIM_H
#define DIXIT_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *dixit_stdscr(void) { return stdscr; }
static inline int dixit_lines(void) { return LINES; }
static inline int dixit_cols(void) { return COLS; }
static inline int dixit_colors(void) { return COLORS; }
static inline int dixit_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t dixit_a_bold(void) { return A_BOLD; }
static inline attr_t dixit_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dixit_a_reverse(void) { return A_REVERSE; }
static inline attr_t dixit_a_italic(void) { return A_ITALIC; }
static inline attr_t dixit_a_dim(void) { return A_DIM; }
static inline int dixit_key_f(int n) { return KEY_F(n); }
static inline FILE *dixit_stdout(void) { return stdout; }
static inline FILE *dixit_stdin(void) { return stdin; }
static inline FILE *dixit_stderr(void) { return stderr; }
static inline attr_t dixit_a_standout(void) { return A_STANDOUT; }
static inline attr_t dixit_a_normal(void) { return A_NORMAL; }
static inline int dixit_key_code_yes(void) { return KEY_CODE_YES; }
// Mouse: the button masks are macros built from NCURSES_MOUSE_MASK.
static inline mmask_t dixit_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dixit_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t dixit_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t dixit_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t dixit_button5_pressed(void) { return BUTTON5_PRESSED; }
// The terminal size from the kernel, for SIGWINCH (0 when unknown).
static inline int dixit_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}
// Whether tigetstr found a capability (it returns (char *)-1 for "not a string").
static inline int dixit_has_string_cap(const char *name) {
    char *s = tigetstr(name);
    return s != NULL && s != (char *)-1;
}
#endif
