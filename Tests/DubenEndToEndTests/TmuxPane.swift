import DubenTestSupport
import Foundation
import Testing

/// A detached tmux pane of a fixed size on a private server (`-L`), running a command with a
/// temporary HOME. Tests send keys and poll `capture-pane -p` for the screen they expect, with
/// a deadline — never a fixed sleep.
final class TmuxPane {
    let socket: String
    let home: URL
    static var repoRoot: URL { TestSupport.repoRoot }
    static var binary: String { DubenProcess.binary.path }
    static let deadline: TimeInterval = 15

    /// Starts `command` (run by sh) in a new pane of `columns`×`rows`.
    init(_ command: String, columns: Int = 80, rows: Int = 24) throws {
        socket = "duben-test-\(UUID().uuidString.prefix(8))"
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // The pane stays after its command ends, from the server's start: set after
        // `new-session`, a command that ended at once (an error on start) could take the
        // session and the server with it first, and the screen read back was empty.
        let configuration = home.appendingPathComponent("tmux.conf")
        try "set-option -g remain-on-exit on\n".write(to: configuration, atomically: true, encoding: .utf8)
        try tmux(capture: false, ["-f", configuration.path, "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)",
                  "-e", "HOME=\(home.path)", "-e", "XDG_CONFIG_HOME=\(home.path)/.config", "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "PS1=$ ",
                  "sh", "-c", command])
        serverPID = pid_t(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The bundled texts.
    static var texts: String { TestSupport.textsPath }

    /// `duben` on the bundled texts in a new pane, once its first page is up.
    static func reader(columns: Int = 80, rows: Int = 24) throws -> TmuxPane {
        let pane = try TmuxPane("\(binary) \(texts)", columns: columns, rows: rows)
        try pane.waitForReady()
        return pane
    }

    /// A shell in a new pane that started `duben` on the bundled texts, followed by
    /// `echo status=$?`, once the reader's first page is up: what the shell shows after the
    /// reader ends can then be checked.
    static func readerInShell() throws -> TmuxPane {
        let pane = try TmuxPane("sh")
        try pane.waitFor(text: "$")
        try pane.send("\(binary) \(texts); echo status=$?", literal: true)
        try pane.send("Enter")
        try pane.waitForReady()
        return pane
    }

    /// The tmux server, killed at the end even if `kill-server` does not get through.
    private var serverPID: pid_t = 0

    deinit {
        _ = try? tmux(capture: false, ["kill-server"])
        if serverPID > 0 { kill(serverPID, SIGKILL) }
        try? FileManager.default.removeItem(at: home)
    }

    /// Runs a tmux command and returns what it printed. It uses posix_spawn and waitpid
    /// directly: Foundation's `Process.waitUntilExit` can miss the exit of the tmux client that
    /// forks the server. Output goes to a temporary file, never a pipe the server could inherit.
    @discardableResult
    func tmux(capture: Bool = true, _ arguments: [String]) throws -> String {
        let outPath = home.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let argv = ["tmux", "-L", socket] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capture else { return "" }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Sends tmux key names ("j", "Enter", "BTab", "PageDown") or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// The screen's rows as tmux shows them.
    func screen() throws -> [String] {
        var rows = try tmux(["capture-pane", "-p", "-t", "0"]).components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// The screen's rows with their attributes and colours as SGR escape sequences
    /// (`capture-pane -e`).
    func styledScreen() throws -> [String] {
        var rows = try tmux(["capture-pane", "-e", "-p", "-t", "0"]).components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// Polls until `predicate` holds for the screen; records an issue with the last screen when
    /// the deadline passes.
    @discardableResult
    func waitFor(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: ([String]) -> Bool) throws -> [String] {
        let start = Date()
        var last: [String] = []
        while Date().timeIntervalSince(start) < TmuxPane.deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return last
    }

    /// Waits for the reader's first page with the library fully read: "line 1/" on the
    /// status line and no "indexing" left (a library is indexed in the background after the
    /// first screen).
    @discardableResult
    func waitForReady(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try waitFor("the first page, indexed", sourceLocation: sourceLocation) { s in
            let all = s.joined(separator: "\n")
            return all.contains("line 1/") && !all.contains("indexing")
        }
    }

    /// Waits for a screen containing `text` anywhere.
    @discardableResult
    func waitFor(text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try waitFor("\"\(text)\"", sourceLocation: sourceLocation) { $0.joined(separator: "\n").contains(text) }
    }
}
