import Foundation
import Testing

/// Golden files: text compared with a file reviewed by a person. A missing golden is written
/// and the test fails so that someone looks at it; `DUBEN_RECORD=1` rewrites them all.
public enum Golden {
    /// Compares `actual` with `directory/name`; on a difference, records the first differing
    /// lines (up to eight).
    public static func assert(_ actual: String, matches name: String, in directory: URL,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DUBEN_RECORD"] != nil || !FileManager.default.fileExists(atPath: url.path) {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); review it and run again", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "") != (i < e.count ? e[i] : "") {
            diff.append("line \(i + 1):\n  expected \(i < e.count ? e[i] : "")\n  actual   \(i < a.count ? a[i] : "")")
        }
        Issue.record("\(name) differs from its golden:\n\(diff.prefix(8).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
