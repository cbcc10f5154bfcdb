import DubenLayout

/// Columns aligned by display width (CJK characters take two cells); controls in cells are
/// shown as their placeholders (`DisplayWidth.shown`).
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    var rightAligned: Set<Int> = []
    /// Maximum width of a column; longer cells are cut with "…".
    var maxWidths: [Int: Int] = [:]

    func render(width measure: DisplayWidth = DisplayWidth()) -> String {
        let all = [header] + rows
        let cells = all.map { row in
            row.enumerated().map { i, raw in
                // A title or a citation from a file must not reach the terminal as a control.
                let cell = measure.shown(raw)
                return maxWidths[i].map { measure.truncate(cell, to: $0) } ?? cell
            }
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], measure.width(of: c)) } }
        var out = ""
        for row in cells {
            var line = ""
            for (i, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - measure.width(of: c))
                let isLast = i == row.count - 1
                line += rightAligned.contains(i) ? pad + c : (isLast ? c : c + pad)
                if !isLast { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
