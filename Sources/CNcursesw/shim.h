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
#endif
