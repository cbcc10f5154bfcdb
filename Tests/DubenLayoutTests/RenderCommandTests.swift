import DubenLayout
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
        // Each document: its header (title and author lines, nil here), then its blocks.
        let blocks: [String?] = LayoutChecks.bundled.documents.flatMap { d in [nil] + d.blocks.indices.map { d.text(of: $0) } }
        let headers = LayoutChecks.bundled.documents.map { ([$0.title] + ($0.author.map { [$0] } ?? [])).joined() }
        var problems: [String] = []
        for width in 8...120 {
            let (status, out, _) = try Self.run(["render", "--width", "\(width)", LayoutChecks.repoRoot.appendingPathComponent("Texts").path])
            #expect(status == 0)
            var groups = out.components(separatedBy: "\n\n").map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            if let last = groups.last, last.last == "" { groups[groups.count - 1].removeLast() }
            if groups.count != blocks.count { problems.append("width \(width): \(groups.count) blocks, expected \(blocks.count)"); continue }
            var header = 0
            for (lines, text) in zip(groups, blocks) {
                guard let text else {
                    // The header: the title and author, wrapped, none wider than the width.
                    if lines.joined().filter({ !$0.isWhitespace }) != headers[header].filter({ !$0.isWhitespace }) {
                        problems.append("width \(width): header \(lines) is not \(headers[header])")
                    }
                    if let wide = lines.first(where: { DisplayWidth().width(of: $0) > width }) {
                        problems.append("width \(width): header line wider than the width: \(wide)")
                    }
                    header += 1
                    continue
                }
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
