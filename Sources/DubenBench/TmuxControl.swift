import Foundation

/// A program in a tmux session of its own (100×30), watched through a control-mode client
/// (`tmux -C`): the server sends each piece of the pane's output (`%output`) as it reads it
/// from the pane, so the moment a text reaches the screen is known without polling, and keys
/// and `capture-pane` go through the same connection, without a tmux client process each
/// (scripts/bench open; Docs/PERFORMANCE.md).
final class TmuxControl {
    private let pid: pid_t
    private let input: Int32
    private let output: Int32
    /// When tmux was started (monotonic seconds).
    let start: Double
    /// All the pane's output so far.
    private(set) var screen: [UInt8] = []
    /// The output of the last command that gave one (`%begin` … `%end`), line by line.
    private var reply: [[UInt8]]? = nil
    private var replies: [[[UInt8]]] = []
    private var line: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65536)

    /// Starts `command` in a new server on socket `socket`; nil when tmux cannot be started.
    init?(command: String, socket: String) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in input + output { posix_spawn_file_actions_addclose(&actions, fd) }
        let arguments = ["tmux", "-L", socket, "-f", "/dev/null", "-C", "new-session", "-x", "100", "-y", "30", command]
        start = now()
        var pid: pid_t = 0
        let spawned = Self.withCStrings(arguments) { argv in posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) }
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            return nil
        }
        self.pid = pid
        self.input = input[1]
        self.output = output[0]
    }

    /// Reads what tmux sends until `done` says so (asked after each line) or `timeout` seconds
    /// pass; the time `done` was first true, from the start, or nil.
    func wait(timeout: Double = 60, until done: (TmuxControl) -> Bool) -> Double? {
        let end = now() + timeout
        while now() < end {
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { return nil }
            if poller.revents == 0 { continue }
            let count = read(output, &chunk, chunk.count)
            if count <= 0 { return nil }
            for k in 0..<count {
                let byte = chunk[k]
                guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
                take(line)
                line.removeAll(keepingCapacity: true)
                if done(self) { return now() - start }
            }
        }
        return nil
    }

    /// Sends a tmux command (a line of control mode: `send-keys -t %0 L`, `capture-pane -p`).
    func send(_ command: String) {
        let bytes = Array((command + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    }

    /// The oldest command output not yet taken, if any has come.
    func takeReply() -> [[UInt8]]? { replies.isEmpty ? nil : replies.removeFirst() }

    /// Kills the server (through the control client: a `tmux kill-server` of its own, this
    /// soon after the start, could leave the server hung), reads to the end, and waits.
    func kill() {
        send("kill-server")
        _ = wait(timeout: 10) { _ in false }
        close(input)
        close(output)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// One line from tmux: pane output (`%output %PANE DATA`, bytes below 32 and `\` written
    /// as `\ooo`) goes to `screen`, even between a command's `%begin` and `%end`, where its
    /// output is gathered.
    private func take(_ line: [UInt8]) {
        if var lines = reply, !line.starts(with: Array("%output ".utf8)) {
            if line.starts(with: Array("%end ".utf8)) || line.starts(with: Array("%error ".utf8)) {
                replies.append(lines)
                reply = nil
            } else {
                lines.append(line)
                reply = lines
            }
            return
        }
        if line.starts(with: Array("%begin ".utf8)) {
            reply = []
            return
        }
        let prefix = Array("%output ".utf8)
        guard line.starts(with: prefix),
              let space = line[prefix.count...].firstIndex(of: UInt8(ascii: " ")) else { return }
        var i = space + 1
        while i < line.count {
            let byte = line[i]
            if byte == UInt8(ascii: "\\"), i + 3 < line.count, line[(i + 1)...(i + 3)].allSatisfy({ $0 >= 48 && $0 <= 55 }) {
                screen.append(line[(i + 1)...(i + 3)].reduce(0) { $0 &* 8 &+ ($1 - 48) })
                i += 4
            } else {
                screen.append(byte)
                i += 1
            }
        }
    }

    /// Whether the pane's output holds `needle` at or after byte `from`.
    func output(contains needle: [UInt8], from: Int = 0) -> Bool {
        guard !needle.isEmpty, screen.count >= needle.count else { return false }
        var i = max(0, from)
        while i + needle.count <= screen.count {
            if screen[i] == needle[0], screen[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Calls `body` with `strings` as a NULL-terminated C array.
    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
