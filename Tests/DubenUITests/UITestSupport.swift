import DubenModel
import DubenTestSupport
import DubenUI
import Foundation
import Testing

enum UITestSupport {
    static var repoRoot: URL { TestSupport.repoRoot }
    static var bundled: Corpus { TestSupport.bundled }
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func reader(_ columns: Int, _ rows: Int) -> Reader {
        Reader(corpus: bundled, columns: columns, rows: rows)
    }

    /// Sends keys; typing a string sends its characters.
    static func type(_ reader: inout Reader, _ keys: [Key]) {
        for k in keys { _ = reader.handle(k) }
    }

    static func chars(_ s: String) -> [Key] { s.map { Key.char($0) } }

    /// The screen as golden text: the rows, then the style codes of each row.
    static func snapshot(_ screen: ScreenBuffer) -> String {
        let text = screen.lines.map { "|" + $0 }.joined(separator: "\n")
        let styles = screen.styleLines.map { "|" + $0 }.joined(separator: "\n")
        return "\(screen.width)x\(screen.height)\n\(text)\n--- styles (M match, R reverse, A accent, B bold, U underline, D dim) ---\n\(styles)\n"
    }

    /// Compares with a golden file; a missing one is written and the test fails so that a person
    /// reviews it. DUBEN_RECORD=1 rewrites all.
    static func assertGolden(_ name: String, _ screen: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = snapshot(screen)
        let url = goldenDirectory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["DUBEN_RECORD"] != nil || !FileManager.default.fileExists(atPath: url.path) {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); review it and run again", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "") != (i < e.count ? e[i] : "") {
                diff.append("line \(i + 1):\n  expected \(i < e.count ? e[i] : "")\n  actual   \(i < a.count ? a[i] : "")")
            }
            Issue.record("\(name) differs from its golden:\n\(diff.prefix(8).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }
}
