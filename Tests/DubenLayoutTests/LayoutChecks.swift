import DubenLayout
import DubenModel
import DubenTestSupport
import Foundation

/// The invariants every layout must keep, checked from the output alone.
enum LayoutChecks {
    static var repoRoot: URL { TestSupport.repoRoot }
    static var bundled: Corpus { TestSupport.bundled }

    /// clreq's line-start-prohibited punctuation (closing and middle), as the issue lists it.
    static let startProhibited = Set("，。、；：？！）》」』”’〕】…")
    /// clreq's line-end-prohibited punctuation (opening).
    static let endProhibited = Set("（《「『“‘〔【")

    /// Problems with the lines of one block; empty when all is well.
    static func problems(lines: [String], blockText: String, width: Int, measure: DisplayWidth = DisplayWidth()) -> [String] {
        var found: [String] = []
        var joined = ""
        for (k, line) in lines.enumerated() {
            let w = measure.width(of: line)
            if w > width { found.append("line \(k) is \(w) cells wide (> \(width)): \(line)") }
            let text = line.drop { $0 == "\u{3000}" || $0 == " " && k == 0 }
            let body = k == 0 ? String(text) : line
            if k > 0, let f = body.first, startProhibited.contains(f) { found.append("line \(k) starts with \(f): \(line)") }
            if k < lines.count - 1, let l = body.last, endProhibited.contains(l) { found.append("line \(k) ends with \(l): \(line)") }
            if k < lines.count - 1, let l = body.last, let n = lines[k + 1].first, l == n, l == "—" || l == "…" {
                found.append("line \(k) splits \(l)\(n)")
            }
            joined += body
        }
        if joined != blockText { found.append("joined lines differ from the block text:\n  \(joined)\n  \(blockText)") }
        return found
    }
}
