import CNCursesW
import DubenLayout
import DubenUI

/// Why the terminal could not be used: one line for the user.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The ncursesw screen: the only code that talks to ncurses. It diffs each new screen buffer
/// against the last one row by row, and decodes keys (`KeyDecoding`).
public final class TerminalScreen: TerminalBackend {
    private var previous: ScreenBuffer?
    private var isOpen = false

    private init() {}

    /// Opens /dev/tty (so standard input and output may be pipes) and draws in `theme`, at
    /// the terminal's number of colours (monochrome when it has none).
    public static func open(theme: Theme, ttyPath: String = "/dev/tty") throws(TerminalError) -> TerminalScreen {
        var err = [CChar](repeating: 0, count: 512)
        let useColor: Int32 = theme == .monochrome ? 0 : 1
        let status = err.withUnsafeMutableBufferPointer { duben_term_open(ttyPath, useColor, $0.baseAddress, Int32($0.count)) }
        if status != 0 {
            let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TerminalError(description: message)
        }
        let screen = TerminalScreen()
        screen.isOpen = true
        screen.colors = Int(duben_term_colors())
        for raw in 0...UInt8.max {
            let look = theme.look(for: Style(rawValue: raw), colors: screen.colors)
            _ = duben_term_set_look(Int32(raw), Int32(look.attributes.rawValue), Int32(look.foreground), Int32(look.background))
        }
        return screen
    }

    /// The colours the terminal draws with: 0 (none or monochrome), 8, 256…
    public private(set) var colors = 0

    /// Restores the terminal. Called on every way out.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        duben_term_close()
    }

    deinit { close() }

    public var size: (columns: Int, rows: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        duben_term_size(&rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Sends the rows that changed since the last frame (all of them when `full`).
    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?, full: Bool) {
        if full || previous?.width != buffer.width || previous?.height != buffer.height {
            duben_term_invalidate()
            previous = nil
        }
        for y in buffer.changedRows(since: previous) {
            duben_term_clear_to_eol(Int32(y), 0)
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { x += 1; continue }
                if cell.text != " " || !cell.style.isEmpty { put(cell, x: x, y: y) }
                x += max(1, Int(cell.width))
            }
        }
        previous = buffer
        if let c = cursor {
            duben_term_refresh(Int32(c.y), Int32(c.x), 1)
        } else {
            duben_term_refresh(0, 0, 0)
        }
    }

    /// One cell: its spacing characters each with their combining marks (a ZWJ sequence is
    /// several), then spaces for cells the layout reserved beyond what the terminal advances
    /// (ambiguous-width characters drawn at width 2). The cell is sanitised and measured
    /// already; what the terminal itself advances per character is `wcwidth` with ambiguous
    /// characters at 1, which `DisplayWidth()` answers (the one wcwidth shim, in CDubenText).
    ///
    /// A group is gathered on the stack (a frame has thousands of cells; an array per group
    /// was two allocations per cell). ncursesw keeps at most CCHARW_MAX (5) characters of a
    /// cell, so marks past the first seven of a group are dropped here already.
    private func put(_ cell: Cell, x: Int, y: Int) {
        let terminal = DisplayWidth()
        let style = Int32(cell.style.rawValue)
        let end = x + Int(cell.width)
        var col = x
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { group in
            var count = 0
            var advance = 0
            func flush() {
                if count > 0 && col < end {
                    duben_term_put(Int32(y), Int32(col), group.baseAddress, Int32(count), style)
                    col += max(1, advance)
                }
                count = 0
            }
            for u in cell.text.unicodeScalars {
                let w = terminal.width(u.value)
                if w > 0 || count == 0 {
                    flush()
                    group[0] = u.value
                    count = 1
                    advance = w
                } else if count < group.count {
                    group[count] = u.value
                    count += 1
                }
            }
            flush()
        }
        var space: UInt32 = 0x20
        while col < end {
            duben_term_put(Int32(y), Int32(col), &space, 1, style)
            col += 1
        }
    }

    /// Whether the terminal hung up (then the reader stops as on SIGHUP).
    public private(set) var hungUp = false

    /// The next key, or nil after `timeout` milliseconds or once `wake` is readable.
    public func readKey(timeout: Int, wake: Int32) -> Key? {
        var value: UInt32 = 0
        switch duben_term_read(Int32(timeout), wake, &value) {
        case Int32(DUBEN_READ_HANGUP):
            hungUp = true
            return nil
        case Int32(DUBEN_READ_CHAR):
            return KeyDecoding.key(character: value)
        case Int32(DUBEN_READ_KEY):
            return KeyDecoding.key(code: Int32(bitPattern: value), size: size)
        default:
            return nil
        }
    }

    /// A signal that asks us to stop (SIGINT, SIGTERM, SIGHUP), if one arrived.
    public func takeSignal() -> Int32 { duben_term_take_signal() }

    /// Whether we were resumed after Ctrl-Z since the last call.
    public func takeContinued() -> Bool { duben_term_take_continued() != 0 }

    /// Whether Ctrl-Z (SIGTSTP) arrived since the last call.
    public func takeSuspendRequest() -> Bool { duben_term_take_suspend() != 0 }

    /// Restores the terminal and stops (as Ctrl-Z); returns once continued (`fg`).
    public func suspend() { duben_term_suspend() }
}
