import Foundation

/// Time to the first screen in tmux, told by tmux itself: a control-mode client (`tmux -C`)
/// starts the program in a new 100×30 session and is sent each piece of the pane's output
/// (`%output`) as the server reads it from the pane, so the moment a text reaches the screen
/// is known without polling `capture-pane` (scripts/bench open; Docs/PERFORMANCE.md).
enum TmuxFirstScreen {
    /// Runs `command` in a tmux server of its own (socket `socket`) and returns the seconds
    /// from starting tmux to the output that completes one of `expected`, or nil after
    /// `timeout` seconds. The server is killed before returning.
    static func measure(command: String, expected: [[UInt8]], socket: String, timeout: Double = 60) -> Double? {
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
        let start = now()
        var pid: pid_t = 0
        let spawned = withCStrings(arguments) { argv in posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) }
        close(input[0])
        close(output[1])
        guard spawned == 0 else { close(input[1]); close(output[0]); return nil }
        var screen: [UInt8] = []
        var line: [UInt8] = []
        var seen: Double? = nil
        var chunk = [UInt8](repeating: 0, count: 65536)
        let longest = expected.map(\.count).max() ?? 0
        reading: while now() - start < timeout {
            var poller = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            if poller.revents == 0 { continue }
            let count = read(output[0], &chunk, chunk.count)
            if count <= 0 { break }
            for byte in chunk[..<count] {
                guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
                let from = max(0, screen.count - longest)
                appendOutput(line, to: &screen)
                line.removeAll(keepingCapacity: true)
                if expected.contains(where: { contains(screen, $0, from: from) }) {
                    seen = now() - start
                    break reading
                }
            }
        }
        // Killed through the control client itself (a `tmux kill-server` of its own, this soon
        // after the start, could leave the server hung), then its output read to the end.
        let kill = Array("kill-server\n".utf8)
        _ = kill.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        let end = now()
        while now() - end < 10 {
            var poller = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            if poller.revents != 0, read(output[0], &chunk, chunk.count) <= 0 { break }
        }
        close(input[1])
        close(output[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return seen
    }

    /// Appends the pane output carried by one control-mode line (`%output %PANE DATA`, with
    /// bytes below 32 and `\` written as `\ooo`) to `screen`; other lines are ignored.
    static func appendOutput(_ line: [UInt8], to screen: inout [UInt8]) {
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

    /// Whether `haystack` holds `needle` at or after `from`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
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
