#ifndef CNCURSESW_H
#define CNCURSESW_H

// The thin ncursesw backend, behind plain C types. ncurses' globals (stdscr, COLS, LINES) and
// macros (A_BOLD, KEY_F(n), getmaxyx) stay in the .c file, where Swift 6's strict concurrency
// checking never sees them.

#include <stdint.h>

/// Style bits, the same as DubenUI.Style.
enum {
    DUBEN_STYLE_BOLD = 1, DUBEN_STYLE_DIM = 2, DUBEN_STYLE_REVERSE = 4,
    DUBEN_STYLE_UNDERLINE = 8, DUBEN_STYLE_ACCENT = 16, DUBEN_STYLE_MATCH = 32, DUBEN_STYLE_BAR = 64
};

/// Key codes returned by duben_term_read with kind DUBEN_READ_KEY.
enum {
    DUBEN_KEY_UP = 1, DUBEN_KEY_DOWN, DUBEN_KEY_LEFT, DUBEN_KEY_RIGHT,
    DUBEN_KEY_PAGE_UP, DUBEN_KEY_PAGE_DOWN, DUBEN_KEY_HOME, DUBEN_KEY_END,
    DUBEN_KEY_BACKSPACE, DUBEN_KEY_DELETE, DUBEN_KEY_ENTER, DUBEN_KEY_BACK_TAB,
    DUBEN_KEY_RESIZE, DUBEN_KEY_WHEEL_UP, DUBEN_KEY_WHEEL_DOWN, DUBEN_KEY_MOUSE_OTHER,
    DUBEN_KEY_F1 = 101  /* F(n) is DUBEN_KEY_F1 + n - 1 */
};

/// What duben_term_read found.
enum { DUBEN_READ_NONE = 0, DUBEN_READ_CHAR = 1, DUBEN_READ_KEY = 2, DUBEN_READ_HANGUP = 3 };

/// Opens the terminal on `tty_path` (normally /dev/tty) for both input and output, so that
/// standard input and output may be pipes. Installs handlers for SIGINT, SIGTERM, SIGHUP,
/// SIGCONT and SIGTSTP (unless ignored: no job control) first (ncurses then leaves them alone). Returns 0, or -1 with a one-line reason in
/// `err`; on failure the terminal is untouched.
int duben_term_open(const char *tty_path, int use_color, char *err, int err_length);

/// The number of colours in use: 0 when colour is off (`use_color` 0) or the terminal has
/// none, else the terminal's (8, 16, 256…).
int duben_term_colors(void);

/// How cells of `style` (0–255, the DUBEN_STYLE_* bits) are drawn from now on: `attributes`
/// (DUBEN_STYLE_BOLD, _DIM, _REVERSE, _UNDERLINE) and colour numbers, -1 for the terminal's
/// own. Until set, a style is drawn in monochrome (accent bold, match reverse + underline).
/// Returns 0, or -1 when no colour pair was left (the attributes still apply).
int duben_term_set_look(int style, int attributes, int foreground, int background);

/// Restores the terminal (endwin). Safe to call twice.
void duben_term_close(void);

/// Current size in cells.
void duben_term_size(int *out_rows, int *out_columns);

/// Writes one character cell: a spacing character and up to four combining characters.
void duben_term_put(int y, int x, const uint32_t *scalars, int count, int style);

/// Clears to the end of a line from (y, x).
void duben_term_clear_to_eol(int y, int x);

/// Forgets what is on the screen so the next refresh repaints everything.
void duben_term_invalidate(void);

/// Places the cursor (or hides it when `visible` is 0) and sends the changes to the terminal.
void duben_term_refresh(int cursor_y, int cursor_x, int visible);

/// Waits up to `timeout_ms` for input, or until `wake_fd` (when not -1: the read end of a
/// non-blocking pipe another thread writes to) becomes readable; then drains it. Returns
/// DUBEN_READ_NONE, DUBEN_READ_CHAR (a code point in `value`, control characters included)
/// or DUBEN_READ_KEY (a DUBEN_KEY_* in `value`).
int duben_term_read(int timeout_ms, int wake_fd, uint32_t *value);

/// The last SIGINT, SIGTERM or SIGHUP received (then cleared), or 0.
int duben_term_take_signal(void);

/// Whether the process was continued (SIGCONT) since the last call: the screen needs a repaint.
int duben_term_take_continued(void);

/// Whether SIGTSTP (Ctrl-Z) arrived since the last call; cleared.
int duben_term_take_suspend(void);

/// Restores the terminal (endwin), stops the process group with SIGTSTP and returns once it is
/// continued, with the next refresh repainting the whole screen.
void duben_term_suspend(void);

#endif
