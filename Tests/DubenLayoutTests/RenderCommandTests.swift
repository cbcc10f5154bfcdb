import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Runs the built `duben render` and checks its output with the same invariants.
@Suite("duben render")
struct RenderCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try DubenProcess.run(arguments)
        return (r.status, r.stdout, r.stderr)
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
