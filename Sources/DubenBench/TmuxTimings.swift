import Foundation

/// The benchmarks `scripts/bench open` runs through `TmuxControl`.
enum TmuxTimings {
    /// Seconds from starting tmux to the output that completes one of `expected` (the last row
    /// of the program's first screen); nil after `timeout`.
    static func measure(command: String, expected: [[UInt8]], socket: String, timeout: Double = 60) -> Double? {
        guard let tmux = TmuxControl(command: command, socket: socket) else { return nil }
        defer { tmux.kill() }
        let longest = expected.map(\.count).max() ?? 0
        var from = 0
        return tmux.wait(timeout: timeout) { tmux in
            defer { from = max(0, tmux.screen.count - longest) }
            return expected.contains { tmux.output(contains: $0, from: from) }
        }
    }

    /// Seconds from starting tmux to the first row showing `title` and not `unless`, after
    /// `key` was sent once the first screen (`firstScreen`) was there: an overlay opened at
    /// once and complete; and the wall clock then. The row is captured each time the pane has
    /// changed.
    static func overlay(command: String, firstScreen: [[UInt8]], key: String, title: String, unless: String,
                        socket: String, timeout: Double = 60) -> (fromStart: Double, wallClock: Double)? {
        guard let tmux = TmuxControl(command: command, socket: socket) else { return nil }
        defer { tmux.kill() }
        guard tmux.wait(timeout: timeout, until: { tmux in firstScreen.contains { tmux.output(contains: $0) } }) != nil else { return nil }
        tmux.send("send-keys -t %0 \(key)")
        var outstanding = false
        var seenOutput = tmux.screen.count
        let seen = tmux.wait(timeout: timeout) { tmux in
            if let reply = tmux.takeReply() {
                outstanding = false
                if let row = reply.first.map({ String(decoding: $0, as: UTF8.self) }), row.contains(title), !row.contains(unless) {
                    return true
                }
            }
            // The pane changed since the last capture: look at its first row again.
            if !outstanding && tmux.screen.count > seenOutput {
                seenOutput = tmux.screen.count
                tmux.send("capture-pane -p -t %0 -S 0 -E 0")
                outstanding = true
            }
            return false
        }
        var wall = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        return seen.map { ($0, Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9) }
    }
}
