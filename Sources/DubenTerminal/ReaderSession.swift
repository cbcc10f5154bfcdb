import DubenUI

/// Runs the reader in the terminal until `q` or a signal. The terminal is restored on every
/// way out: quitting, SIGINT/SIGTERM/SIGHUP (which only set a flag; the loop notices within a
/// fraction of a second) and errors. Ctrl-Z is ncurses' own suspend; on `fg` we repaint.
public enum ReaderSession {
    /// - Returns: the exit status (0 after `q`, 128 + the signal number after a signal).
    public static func run(_ reader: inout Reader, useColor: Bool) throws(TerminalError) -> Int32 {
        let screen = try TerminalScreen.open(useColor: useColor)
        defer { screen.close() }
        var full = true
        while true {
            let signal = screen.takeSignal()
            if signal != 0 { return 128 + signal }
            if screen.takeContinued() { full = true }
            let size = screen.size
            if size.columns != reader.columns || size.rows != reader.rows {
                reader.resize(columns: size.columns, rows: size.rows)
                full = true
            }
            screen.draw(ReaderView.draw(reader), cursor: ReaderView.cursor(reader), full: full)
            full = false
            guard let key = screen.readKey(timeout: 250) else {
                if screen.hungUp { return 128 + 1 }
                continue
            }
            switch reader.handle(key) {
            case .quit: return 0
            case .fullRedraw: full = true
            case .none: break
            }
        }
    }
}
