import DubenTerminal
import DubenTestSupport
import DubenUI
import Foundation
import Testing

/// The clipboard: the first tool that works, OSC 52 only when allowed, and a clear word when
/// nothing is there. Tools are stand-in scripts on a private PATH.
@Suite("Clipboard")
struct ClipboardTests {
    /// A directory with an executable `name` that copies its input to `name.out` (or fails).
    static func fakeTool(_ name: String, in dir: URL, fails: Bool = false) throws {
        // The tools run with PATH set to `dir` alone: the script names cat by its full path.
        let script = fails ? "#!/bin/sh\n/bin/cat >/dev/null\nexit 1\n" : "#!/bin/sh\nexec /bin/cat > \"${0%/*}/\(name).out\"\n"
        // Written by a child shell, not by this process: a file this process held open for
        // writing could be inherited by a process another test forks meanwhile, and running it
        // would then fail with ETXTBSY ("text file busy").
        let url = dir.appendingPathComponent(name)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf '%s' \"$0\" > \"$1\" && chmod 755 \"$1\"", script, url.path]
        try writer.run()
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
    }

    @Test func nothingAvailableSaysSoAndWritesNothingToTheTerminal() {
        var wrote = false
        let c = Clipboard(environment: ["PATH": "/nonexistent"], allowOSC52: false, writeToTerminal: { _ in wrote = true; return true })
        guard case .unavailable(let why) = c.copy("文字") else { Issue.record("copied"); return }
        #expect(why.contains("Nothing copied") && why.contains("--osc52"))
        #expect(!wrote, "OSC 52 is off unless the user allows it")
    }

    @Test func tmuxBufferInsideTmux() throws {
        let dir = TestSupport.temporaryDirectory("duben-clip")
        defer { TestSupport.remove(dir) }
        try Self.fakeTool("tmux", in: dir)
        let c = Clipboard(environment: ["PATH": dir.path, "TMUX": "/tmp/tmux-0/default,1,0"])
        #expect(c.copy("一诺千金。\n习近平") == .copied(destination: "to the tmux buffer"))
        #expect(try String(contentsOf: dir.appendingPathComponent("tmux.out"), encoding: .utf8) == "一诺千金。\n习近平")
        // Outside tmux the same tool is not used.
        let outside = Clipboard(environment: ["PATH": dir.path])
        guard case .unavailable = outside.copy("x") else { Issue.record("used tmux outside tmux"); return }
    }

    @Test func aFailingToolGivesWayToTheNext() throws {
        let dir = TestSupport.temporaryDirectory("duben-clip")
        defer { TestSupport.remove(dir) }
        try Self.fakeTool("xclip", in: dir, fails: true)
        try Self.fakeTool("xsel", in: dir)
        let c = Clipboard(environment: ["PATH": dir.path, "DISPLAY": ":0"])
        #expect(c.copy("段落") == .copied(destination: "with xsel"))
        #expect(try String(contentsOf: dir.appendingPathComponent("xsel.out"), encoding: .utf8) == "段落")
    }

    @Test func osc52WhenAllowedCarriesTheTextInBase64() {
        var sent: [UInt8] = []
        let c = Clipboard(environment: ["PATH": "/nonexistent"], allowOSC52: true, writeToTerminal: { sent = $0; return true })
        #expect(c.copy("一诺千金") == .copied(destination: "to the terminal (OSC 52)"))
        let expected = "\u{1B}]52;c;" + Data("一诺千金".utf8).base64EncodedString() + "\u{07}"
        #expect(String(decoding: sent, as: UTF8.self) == expected)
    }

    @Test func thePerformerReportsWhereTheTextWent() {
        var p = EffectPerformer(store: nil, positions: nil, clipboard: Clipboard(environment: ["PATH": "/nonexistent"]))
        guard case .notCopied(let n)? = p.perform(.copy("文字", characters: 2)) else { Issue.record("expected notCopied"); return }
        #expect(n.severity == .warning)
    }
}
