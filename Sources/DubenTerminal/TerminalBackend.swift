import DubenUI

/// What the session loop needs of a terminal: its size, a way to show a frame, keys, and the
/// signals that ask the reader to stop. `TerminalScreen` is the ncurses one; `InMemoryTerminal`
/// plays a script of keys, resizes and signals for tests, without a tty.
public protocol TerminalBackend: AnyObject {
    /// The size in cells now.
    var size: (columns: Int, rows: Int) { get }
    /// Shows a frame (only the rows that changed since the last one, unless `full`) and puts the
    /// cursor at `cursor`, or hides it.
    func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?, full: Bool)
    /// The next key, or nil when none came within `timeout` milliseconds, or when `wake` (the
    /// read end of a pipe, -1 for none: `LibraryIndexer.wakeDescriptor`) became readable first.
    func readKey(timeout: Int, wake: Int32) -> Key?
    /// Whether the terminal went away (then the session ends as on SIGHUP).
    var hungUp: Bool { get }
    /// A signal that asks the reader to stop (SIGINT, SIGTERM, SIGHUP), if one arrived; cleared.
    func takeSignal() -> Int32
    /// Whether the process was continued after Ctrl-Z since the last call (repaint everything).
    func takeContinued() -> Bool
    /// Whether Ctrl-Z (SIGTSTP) arrived since the last call; cleared.
    func takeSuspendRequest() -> Bool
    /// Restores the terminal, stops the process (as Ctrl-Z in a shell) and, once it is
    /// continued (`fg`), takes the terminal back; the next frame must be drawn in full.
    func suspend()
}

extension TerminalBackend {
    /// The next key, or nil when none came within `timeout` milliseconds.
    public func readKey(timeout: Int) -> Key? { readKey(timeout: timeout, wake: -1) }
}
