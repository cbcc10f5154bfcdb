import Foundation

/// Runs the built `duben` (it sits beside the test bundle) and collects what it printed.
/// Standard output and error go to temporary files, not pipes, so neither can fill up and
/// stall the process while the other is read.
public enum DubenProcess {
    /// What a run of duben left.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Standard output as bytes (exports with a BOM, binary-safe comparisons).
        public var stdoutData: Data
    }

    /// The built binary.
    public static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duben")
    }

    /// Runs `duben ARGUMENTS` with the environment changed by `environment` (a nil value
    /// removes a variable) and `stdin` as standard input (default: none).
    public static func run(_ arguments: [String], environment: [String: String?] = [:], stdin: Data? = nil) throws -> Result {
        try runProgram([binary.path] + arguments, environment: environment, stdin: stdin)
    }

    /// Runs any program (`argv[0]` a path: a shell running duben under a limit, say) the same way.
    public static func runProgram(_ argv: [String], environment: [String: String?] = [:], stdin: Data? = nil) throws -> Result {
        let dir = TestSupport.temporaryDirectory("duben-run")
        defer { TestSupport.remove(dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        var env = ProcessInfo.processInfo.environment
        // No configuration file of the machine's user: a test that wants one names it.
        env["XDG_CONFIG_HOME"] = dir.appendingPathComponent("config").path
        env["DUBEN_CONFIG"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = dir.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let o = try Data(contentsOf: outURL), e = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), stdoutData: o)
    }
}
