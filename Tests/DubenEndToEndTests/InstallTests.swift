import DubenTestSupport
import Foundation
import Testing

/// The manual page, the completion scripts and `make install` / `make uninstall`.
@Suite("Install")
struct InstallTests {
    static let root = TestSupport.repoRoot
    static var recording: Bool { ProcessInfo.processInfo.environment["DUBEN_RECORD"] != nil }

    /// Runs a program (a path, or a name found on PATH); nil when it is not there.
    static func tool(_ name: String, _ arguments: [String], directory: URL? = nil,
                     environment: [String: String?] = [:]) throws -> (status: Int32, output: String)? {
        let path = name.contains("/") ? name : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        let dir = TestSupport.temporaryDirectory("duben-tool")
        defer { TestSupport.remove(dir) }
        let outURL = dir.appendingPathComponent("out")
        try Data().write(to: outURL)
        let out = try FileHandle(forWritingTo: outURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
    }

    /// Docs/duben.1 is the generate-manual plugin's page followed by `duben manual-sections`;
    /// the sections' first line holds a hash of the options the plugin's half was made from.
    @Test func manualPageIsCurrent() throws {
        let url = Self.root.appendingPathComponent("Docs/duben.1")
        let page = try String(contentsOf: url, encoding: .utf8)
        let sections = try DubenProcess.run(["manual-sections"])
        #expect(sections.status == 0)
        let marker = ".\\\" Below: duben manual-sections"
        guard let at = page.range(of: marker) else {
            Issue.record("Docs/duben.1 has no `duben manual-sections` part; scripts/generate-docs regenerates it")
            return
        }
        let tail = String(page[at.lowerBound...])
        let firstLine = { (s: String) in s.prefix { $0 != "\n" } }
        if firstLine(tail) != firstLine(sections.stdout) {
            Issue.record("Docs/duben.1 is stale: the commands or options changed since it was generated; scripts/generate-docs regenerates it")
        } else if tail != sections.stdout {
            if Self.recording {
                try (String(page[..<at.lowerBound]) + sections.stdout).write(to: url, atomically: true, encoding: .utf8)
            }
            Issue.record("Docs/duben.1's KEYS…EXAMPLES sections are stale; DUBEN_RECORD=1 swift test --filter manualPage regenerates them")
        }
        #expect(page.hasPrefix(".\\\" "), "the plugin's page comes first")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"] {
            #expect(page.contains(".Sh \(section)\n"), "Docs/duben.1 has no \(section)")
        }
    }

    @Test func manualPageHasNoGroffWarnings() throws {
        let page = Self.root.appendingPathComponent("Docs/duben.1").path
        guard let r = try Self.tool("groff", ["-ww", "-z", "-man", page]) else { return }
        #expect(r.status == 0)
        #expect(r.output == "", "groff -ww -z -man Docs/duben.1: \(r.output)")
    }

    @Test(arguments: [("bash", "duben.bash"), ("zsh", "_duben"), ("fish", "duben.fish")])
    func completionScriptIsCurrent(shell: String, file: String) throws {
        let url = Self.root.appendingPathComponent("Docs/completions/\(file)")
        let r = try DubenProcess.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("duben"))
        let committed = try? String(contentsOf: url, encoding: .utf8)
        if committed != r.stdout {
            if Self.recording {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try r.stdout.write(to: url, atomically: true, encoding: .utf8)
            }
            Issue.record("Docs/completions/\(file) is stale; DUBEN_RECORD=1 swift test --filter completionScript regenerates it")
        }
    }
}
