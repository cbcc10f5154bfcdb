#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include "CNCursesW.h"

static SCREEN *screen = NULL;
static FILE *tty_in = NULL, *tty_out = NULL;
static int colors = 0;
static int default_colors = 0;
/* What each style (0–255) is drawn with: set by duben_term_set_look from the theme. */
static attr_t look_attributes[256];
static short look_pair[256];
/* The colour pairs made so far (pair n is pair_colors[n]); pair 0 is the terminal's own. */
static short pair_colors[256][2];
static int pairs_used = 0;
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t suspend_requested = 0;

static void on_signal(int sig) { pending_signal = sig; }
static void on_continue(int sig) { (void)sig; continued = 1; }
static void on_stop(int sig) { (void)sig; suspend_requested = 1; }

/* The attributes of a style's bold, dim, reverse and underline bits. Before a theme sets the
   looks (duben_term_set_look), accent is bold and a match reverse and underlined: monochrome. */
static attr_t attributes_of(int style) {
    attr_t a = A_NORMAL;
    if (style & DUBEN_STYLE_BOLD) a |= A_BOLD;
    if (style & DUBEN_STYLE_DIM) a |= A_DIM;
    if (style & DUBEN_STYLE_REVERSE) a |= A_REVERSE;
    if (style & DUBEN_STYLE_UNDERLINE) a |= A_UNDERLINE;
    if (style & DUBEN_STYLE_ACCENT) a |= A_BOLD;
    if (style & DUBEN_STYLE_MATCH) a |= A_REVERSE | A_UNDERLINE;
    return a;
}

static void install(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int duben_term_open(const char *tty_path, int use_color, char *err, int err_length) {
    const char *term = getenv("TERM");
    if (term == NULL || term[0] == '\0') {
        snprintf(err, err_length, "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)");
        return -1;
    }
    tty_out = fopen(tty_path, "w");
    tty_in = fopen(tty_path, "r");
    if (tty_in == NULL || tty_out == NULL) {
        snprintf(err, err_length, "%s: cannot open the terminal: %s", tty_path, strerror(errno));
        if (tty_in) fclose(tty_in);
        if (tty_out) fclose(tty_out);
        tty_in = tty_out = NULL;
        return -1;
    }
    int status = 0;
    if (setupterm((char *)term, fileno(tty_out), &status) != OK) {
        if (status == 0) snprintf(err, err_length, "TERM=%s: unknown terminal type (no terminfo entry)", term);
        else snprintf(err, err_length, "TERM=%s: the terminfo database cannot be found", term);
        fclose(tty_in); fclose(tty_out);
        tty_in = tty_out = NULL;
        return -1;
    }
    del_curterm(cur_term);
    install(SIGINT, on_signal);
    install(SIGTERM, on_signal);
    install(SIGHUP, on_signal);
    install(SIGCONT, on_continue);
    // Ctrl-Z: the session restores the terminal before stopping (duben_term_suspend). A shell
    // without job control ignores SIGTSTP; then so do we.
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler != SIG_IGN) install(SIGTSTP, on_stop);
    screen = newterm((char *)term, tty_out, tty_in);
    if (screen == NULL) {
        snprintf(err, err_length, "TERM=%s: cannot initialise the terminal", term);
        fclose(tty_in); fclose(tty_out);
        tty_in = tty_out = NULL;
        return -1;
    }
    set_term(screen);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    colors = 0;
    pairs_used = 0;
    for (int s = 0; s < 256; s++) {
        look_attributes[s] = attributes_of(s);
        look_pair[s] = 0;
    }
    if (use_color && has_colors()) {
        start_color();
        default_colors = use_default_colors() == OK;
        colors = COLORS > 0 ? COLORS : 0;
    }
    return 0;
}

int duben_term_colors(void) { return screen != NULL ? colors : 0; }

/* The colour pair of (foreground, background), made on first use; 0 when none is left. */
static short pair_of(int foreground, int background) {
    if (!default_colors) {
        if (foreground < 0) foreground = COLOR_WHITE;
        if (background < 0) background = COLOR_BLACK;
    }
    if (foreground >= colors) foreground = default_colors ? -1 : COLOR_WHITE;
    if (background >= colors) background = default_colors ? -1 : COLOR_BLACK;
    if (foreground == -1 && background == -1) return 0;
    for (int n = 1; n <= pairs_used; n++) {
        if (pair_colors[n][0] == foreground && pair_colors[n][1] == background) return (short)n;
    }
    if (pairs_used + 1 >= COLOR_PAIRS || pairs_used + 1 >= 256) return -1;
    pairs_used++;
    pair_colors[pairs_used][0] = (short)foreground;
    pair_colors[pairs_used][1] = (short)background;
    init_pair((short)pairs_used, (short)foreground, (short)background);
    return (short)pairs_used;
}

int duben_term_set_look(int style, int attributes, int foreground, int background) {
    if (screen == NULL || style < 0 || style > 255) return -1;
    look_attributes[style] = attributes_of(attributes & (DUBEN_STYLE_BOLD | DUBEN_STYLE_DIM | DUBEN_STYLE_REVERSE | DUBEN_STYLE_UNDERLINE));
    look_pair[style] = 0;
    if (!colors || (foreground < 0 && background < 0)) return 0;
    short pair = pair_of(foreground, background);
    if (pair < 0) return -1;
    look_pair[style] = pair;
    return 0;
}

void duben_term_close(void) {
    if (screen == NULL) return;
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
    if (tty_in) fclose(tty_in);
    if (tty_out) fclose(tty_out);
    tty_in = tty_out = NULL;
}

void duben_term_size(int *out_rows, int *out_columns) {
    int r = 0, c = 0;
    if (screen != NULL) getmaxyx(stdscr, r, c);
    *out_rows = r;
    *out_columns = c;
}


void duben_term_put(int y, int x, const uint32_t *scalars, int count, int style) {
    if (screen == NULL || count <= 0) return;
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
    text[n] = 0;
    int s = style & 0xFF;
    short pair = look_pair[s];
    attr_t a = look_attributes[s];
    cchar_t cell;
    if (setcchar(&cell, text, a, pair, NULL) == OK) mvwadd_wch(stdscr, y, x, &cell);
}

void duben_term_clear_to_eol(int y, int x) {
    if (screen == NULL) return;
    wmove(stdscr, y, x);
    wclrtoeol(stdscr);
}

void duben_term_invalidate(void) {
    if (screen != NULL) clearok(curscr, TRUE);
}

void duben_term_refresh(int cursor_y, int cursor_x, int visible) {
    if (screen == NULL) return;
    if (visible) { curs_set(1); wmove(stdscr, cursor_y, cursor_x); } else { curs_set(0); }
    wrefresh(stdscr);
}

/// What wget_wch gave (`r`, `ch`) as a DUBEN_READ_* with its value.
static int duben_decode_read(int r, wint_t ch, uint32_t *value);

int duben_term_read(int timeout_ms, int wake_fd, uint32_t *value) {
    if (screen == NULL) return DUBEN_READ_NONE;
    // A terminal that went away (window closed, ssh dropped) reads as an error for ever:
    // report it instead of spinning.
    struct pollfd p = { fileno(tty_in), POLLIN, 0 };
    if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) return DUBEN_READ_HANGUP;
    wint_t ch = 0;
    int wait = timeout_ms;
    if (wake_fd >= 0) {
        // Keys ncurses has read already (or a resize it has noticed) first; then wait for
        // the terminal or a wake-up, whichever comes first. A signal ends the wait too.
        wtimeout(stdscr, 0);
        int r = wget_wch(stdscr, &ch);
        if (r != ERR) return duben_decode_read(r, ch, value);
        struct pollfd fds[2] = { { fileno(tty_in), POLLIN, 0 }, { wake_fd, POLLIN, 0 } };
        if (poll(fds, 2, timeout_ms) <= 0) return DUBEN_READ_NONE;
        if (fds[1].revents & POLLIN) {
            char drain[64];
            while (read(wake_fd, drain, sizeof drain) > 0) {}
        }
        if (!(fds[0].revents & POLLIN)) return DUBEN_READ_NONE;
        wait = 0;
    }
    wtimeout(stdscr, wait);
    int r = wget_wch(stdscr, &ch);
    return duben_decode_read(r, ch, value);
}

static int duben_decode_read(int r, wint_t ch, uint32_t *value) {
    if (r == ERR) return DUBEN_READ_NONE;
    if (r == OK) { *value = (uint32_t)ch; return DUBEN_READ_CHAR; }
    switch (ch) {
    case KEY_UP: *value = DUBEN_KEY_UP; break;
    case KEY_DOWN: *value = DUBEN_KEY_DOWN; break;
    case KEY_LEFT: *value = DUBEN_KEY_LEFT; break;
    case KEY_RIGHT: *value = DUBEN_KEY_RIGHT; break;
    case KEY_PPAGE: *value = DUBEN_KEY_PAGE_UP; break;
    case KEY_NPAGE: *value = DUBEN_KEY_PAGE_DOWN; break;
    case KEY_HOME: case KEY_BEG: *value = DUBEN_KEY_HOME; break;
    case KEY_END: *value = DUBEN_KEY_END; break;
    case KEY_BACKSPACE: *value = DUBEN_KEY_BACKSPACE; break;
    case KEY_DC: *value = DUBEN_KEY_DELETE; break;
    case KEY_ENTER: *value = DUBEN_KEY_ENTER; break;
    case KEY_BTAB: *value = DUBEN_KEY_BACK_TAB; break;
    case KEY_RESIZE: *value = DUBEN_KEY_RESIZE; break;
    case KEY_MOUSE: {
        MEVENT event;
        *value = DUBEN_KEY_MOUSE_OTHER;
        if (getmouse(&event) == OK) {
            if (event.bstate & BUTTON4_PRESSED) *value = DUBEN_KEY_WHEEL_UP;
            else if (event.bstate & BUTTON5_PRESSED) *value = DUBEN_KEY_WHEEL_DOWN;
        }
        break;
    }
    default:
        if (ch >= KEY_F(1) && ch <= KEY_F(24)) { *value = DUBEN_KEY_F1 + (ch - KEY_F(1)); break; }
        return DUBEN_READ_NONE;
    }
    return DUBEN_READ_KEY;
}

int duben_term_take_signal(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}

int duben_term_take_continued(void) {
    int c = continued;
    continued = 0;
    return c;
}


int duben_term_take_suspend(void) {
    int s = suspend_requested;
    suspend_requested = 0;
    return s;
}

void duben_term_suspend(void) {
    if (screen == NULL) return;
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler == SIG_IGN) return;
    curs_set(1);
    endwin();
    fflush(tty_out);
    // Stop with the default action, then take our handler back once continued.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, &old);
    kill(0, SIGTSTP);
    sigprocmask(SIG_SETMASK, &old, NULL);
    install(SIGTSTP, on_stop);
    suspend_requested = 0;
    reset_prog_mode();
    clearok(curscr, TRUE);
}
