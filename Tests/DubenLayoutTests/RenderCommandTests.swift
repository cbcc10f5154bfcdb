import DubenModel
import Foundation
import Testing

/// Runs the built `duben render` and checks its output with the same invariants.
@Suite("duben render")
struct RenderCommandTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duben")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func everyWidthThroughTheCommand() throws {
        let blocks = LayoutChecks.bundled.documents.flatMap { d in d.blocks.indices.map { d.text(of: $0) } }
        var problems: [String] = []
        for width in 8...120 {
            let (status, out, _) = try Self.run(["render", "--width", "\(width)", LayoutChecks.repoRoot.appendingPathComponent("Texts").path])
            #expect(status == 0)
            var groups = out.components(separatedBy: "\n\n").map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            if let last = groups.last, last.last == "" { groups[groups.count - 1].removeLast() }
            if groups.count != blocks.count { problems.append("width \(width): \(groups.count) blocks, expected \(blocks.count)"); continue }
            for (lines, text) in zip(groups, blocks) {
                problems += LayoutChecks.problems(lines: lines, blockText: text, width: width).map { "width \(width): \($0)" }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
    }

    @Test func pipedDefaultCommandPrintsTheRender() throws {
        let path = LayoutChecks.repoRoot.appendingPathComponent("Texts/corpus-2020.txt").path
        let rendered = try Self.run(["render", path]).stdout
        let piped = try Self.run([path]).stdout
        #expect(!rendered.isEmpty)
        #expect(piped == rendered)
    }

    @Test func badInputIsOneLineAndStatusTwo() throws {
        let (status, out, err) = try Self.run(["render", "/nonexistent/file.txt"])
        #expect(status == 2)
        #expect(out.isEmpty)
        #expect(err == "duben: /nonexistent/file.txt: no such file or directory\n")
    }
}
