import DubenModel
import Foundation

/// What the test targets share: where the repository is, the bundled corpus, and a seeded
/// random number generator. A plain target (not a test target) that the test targets depend on.
public enum TestSupport {
    /// The repository root (this file is `Tests/DubenTestSupport/TestSupport.swift`).
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The bundled texts, `Texts/`.
    public static let textsPath = repoRoot.appendingPathComponent("Texts").path
    /// The bundled corpus, loaded once per test process.
    public static let bundled: Corpus = try! CorpusLoader().load(paths: [textsPath])

    /// The corpus of a text given as a string, built in memory as if it were the file `t.txt`
    /// (no disk).
    public static func corpus(_ text: String) throws -> Corpus {
        try CorpusBuilder().build([LoadedSource(file: SourceFile(path: "t.txt", bytes: Array(text.utf8)))])
    }

    /// A new empty directory under the system's temporary directory, named `prefix-UUID`.
    /// The caller removes it (`defer { TestSupport.remove(dir) }`).
    public static func temporaryDirectory(_ prefix: String = "duben-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether iconv is there to make legacy-encoded fixtures (`iconv(_:to:)`).
    public static var hasIconv: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") }

    /// `text` converted by iconv (the program) to `encoding`: fixtures in GB18030, Big5,
    /// UTF-16, made by the test rather than committed.
    public static func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Array(data)
    }

    /// Removes a temporary directory and what it holds. Reports a failure instead of dropping it.
    public static func remove(_ url: URL) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            FileHandle.standardError.write(Data("cannot remove \(url.path): \(error)\n".utf8))
        }
    }
}

/// SplitMix64: a small seeded generator, so that a randomized test that fails fails again.
public struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
