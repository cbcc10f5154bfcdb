import DubenUI
import Foundation

/// A terminal in memory that plays a script: keys, resizes, signals and a hang-up, one step
/// per `readKey`. It keeps every frame drawn, so tests (and fuzzers) can run the whole session
/// loop without a tty. When the script is played out, the terminal hangs up, so a session
/// always ends.
public final class InMemoryTerminal: TerminalBackend {
    /// One step of the script.
    public enum Step: Hashable, Sendable {
        case key(Key)
        /// The terminal takes a new size (the loop sees it as ncurses reports it: a new size
        /// and a resize key).
        case resize(columns: Int, rows: Int)
        /// A signal arrives (SIGTERM, SIGINT, SIGHUP).
        case signal(Int32)
        /// Resumed after Ctrl-Z (SIGCONT).
        case continued
        /// Ctrl-Z typed with the terminal's signals on (SIGTSTP).
        case stop
        /// The terminal goes away.
        case hangUp
        /// No key within the wait: `readKey` returns nil after a short sleep (its timeout, at
        /// most 10 ms, so that work on other threads can end meanwhile).
        case idle
    }

    public private(set) var size: (columns: Int, rows: Int)
    public private(set) var hungUp = false
    /// Every frame drawn, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// Whether each frame was drawn in full.
    public private(set) var fullFrames: [Bool] = []
    /// The cursor of the last frame.
    public private(set) var cursor: (x: Int, y: Int)?
    private var script: [Step]
    private var next = 0
    private var pendingSignal: Int32 = 0
    private var pendingContinued = false
    private var pendingStop = false
    /// How many times the session suspended (Ctrl-Z); each is continued at once.
    public private(set) var suspensions = 0

    public init(columns: Int, rows: Int, script: [Step]) {
        size = (columns, rows)
        self.script = script
    }

    /// The last frame.
    public var screen: ScreenBuffer? { frames.last }

    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?, full: Bool) {
        frames.append(buffer)
        fullFrames.append(full)
        self.cursor = cursor
    }

    public func readKey(timeout: Int, wake: Int32) -> Key? {
        guard next < script.count else {
            hungUp = true
            return nil
        }
        let step = script[next]
        next += 1
        switch step {
        case .key(let k): return k
        case .resize(let c, let r):
            size = (c, r)
            return .resize(columns: c, rows: r)
        case .signal(let s): pendingSignal = s
        case .continued: pendingContinued = true
        case .stop: pendingStop = true
        case .hangUp: hungUp = true
        case .idle: usleep(UInt32(min(max(timeout, 0), 10)) * 1000)
        }
        return nil
    }

    public func takeSignal() -> Int32 {
        defer { pendingSignal = 0 }
        return pendingSignal
    }

    public func takeContinued() -> Bool {
        defer { pendingContinued = false }
        return pendingContinued
    }

    public func takeSuspendRequest() -> Bool {
        defer { pendingStop = false }
        return pendingStop
    }

    public func suspend() {
        suspensions += 1
    }
}
