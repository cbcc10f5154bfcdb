import DubenModel
import Foundation

/// The system clipboard, through the first tool that works: `wl-copy` (Wayland), `xclip` and
/// `xsel` (X11), `pbcopy` (macOS), tmux's paste buffer (inside tmux); then OSC 52, an escape
/// sequence that asks the terminal itself to set its clipboard, but only when the user allowed
/// it (`--osc52`): a reader must not write the clipboard behind its user's back.
///
/// A tool is tried only when its display is there (`WAYLAND_DISPLAY`, `DISPLAY`, `TMUX`) and
/// it is on `PATH`; it works when it reads all of the text and exits with status 0.
public struct Clipboard {
    /// One way to copy: what to run, and how to say where the text went.
    public struct Tool: Hashable, Sendable {
        public var executable: String
        public var arguments: [String]
        /// "with wl-copy", "to the tmux buffer".
        public var destination: String
        /// The environment variable that must be set for the tool to reach a clipboard.
        public var needs: String?
    }

    /// The tools, in the order they are tried.
    public static let tools: [Tool] = [
        Tool(executable: "wl-copy", arguments: [], destination: "with wl-copy", needs: "WAYLAND_DISPLAY"),
        Tool(executable: "xclip", arguments: ["-selection", "clipboard"], destination: "with xclip", needs: "DISPLAY"),
        Tool(executable: "xsel", arguments: ["-b", "-i"], destination: "with xsel", needs: "DISPLAY"),
        Tool(executable: "pbcopy", arguments: [], destination: "with pbcopy", needs: nil),
        Tool(executable: "tmux", arguments: ["load-buffer", "-"], destination: "to the tmux buffer", needs: "TMUX"),
    ]

    public var environment: [String: String]
    /// Whether OSC 52 may be used when no tool works.
    public var allowOSC52: Bool
    /// Writes bytes to the terminal (for OSC 52); returns whether they were written.
    public var writeToTerminal: ([UInt8]) -> Bool

    public init(environment: [String: String] = ProcessEnvironment.current, allowOSC52: Bool = false,
                writeToTerminal: @escaping ([UInt8]) -> Bool = Clipboard.writeToTTY) {
        self.environment = environment
        self.allowOSC52 = allowOSC52
        self.writeToTerminal = writeToTerminal
    }

    /// What came of a copy: where the text went, or why it went nowhere.
    public enum Outcome: Equatable, Sendable {
        case copied(destination: String)
        case unavailable(String)
    }

    /// Copies `text` through the first tool that works, else OSC 52 when allowed.
    public func copy(_ text: String) -> Outcome {
        let data = Data(text.utf8)
        for tool in Self.tools {
            if let variable = tool.needs, (environment[variable] ?? "").isEmpty { continue }
            guard let path = executablePath(tool.executable) else { continue }
            if run(path, tool.arguments, input: data) { return .copied(destination: tool.destination) }
        }
        if allowOSC52 {
            return writeToTerminal(Self.osc52(text)) ? .copied(destination: "to the terminal (OSC 52)")
                : .unavailable("Nothing copied: the terminal could not be written (OSC 52)")
        }
        return .unavailable("Nothing copied: no clipboard tool (wl-copy, xclip, xsel, pbcopy, tmux) and OSC 52 is off (--osc52)")
    }

    /// The OSC 52 sequence that sets the clipboard to `text`.
    public static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
    }

    /// Writes to the controlling terminal (the reader draws there too, through ncurses).
    public static func writeToTTY(_ bytes: [UInt8]) -> Bool {
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// The tool's path on `PATH`, if it is there and executable.
    func executablePath(_ name: String) -> String? {
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let path = "\(dir)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// Runs a tool with `input` on its standard input; its output is discarded (a tool that
    /// stays behind to serve the selection, as xclip does, must not hold a pipe of ours).
    func run(_ path: String, _ arguments: [String], input: Data) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // A tool that exits without reading must not kill the reader with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            return false
        }
        do {
            try pipe.fileHandleForWriting.write(contentsOf: input)
            try pipe.fileHandleForWriting.close()
        } catch {
            try? pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }
}
