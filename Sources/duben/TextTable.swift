import DubenLayout
import DubenModel
import Foundation

/// Columns aligned by display width (CJK characters take two cells); controls in cells are
/// shown as their placeholders (`DisplayWidth.shown`).
///
/// With a `width` (the terminal's), the table fits it: the `wrapColumn` (the text, the title)
/// takes the room the others leave and wraps onto continuation lines, and columns with a
/// `maxWidths` entry are cut with "…". Without one (standard output is not a terminal), nothing
/// is cut or wrapped.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    var rightAligned: Set<Int> = []
    /// Maximum width of a column when the table fits a terminal; longer cells are cut with "…".
    var maxWidths: [Int: Int] = [:]
    /// The column that wraps to fit `width` (default: the last).
    var wrapColumn: Int?
    /// The terminal's width; nil: not a terminal (nothing is cut).
    var width: Int? = TerminalWidth.columns()

    /// A wrapped column is never made narrower than this.
    static let minimumWrapWidth = 12

    func render(width measure: DisplayWidth = DisplayWidth()) -> String {
        let all = [header] + rows
        let wrapAt = wrapColumn ?? header.count - 1
        let cells = all.map { row in
            row.enumerated().map { i, raw in
                // A title or a citation from a file must not reach the terminal as a control.
                let cell = measure.shown(raw)
                guard width != nil, i != wrapAt else { return cell }
                return maxWidths[i].map { measure.truncate(cell, to: $0) } ?? cell
            }
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], measure.width(of: c)) } }
        if let total = width {
            let others = widths.enumerated().filter { $0.offset != wrapAt }.reduce(0) { $0 + $1.element } + 2 * (header.count - 1)
            widths[wrapAt] = min(widths[wrapAt], max(TextTable.minimumWrapWidth, total - others))
        }
        var out = ""
        for row in cells {
            let pieces = width == nil ? [row[wrapAt]] : measure.wrap(row[wrapAt], to: widths[wrapAt])
            for (k, piece) in pieces.enumerated() {
                var line = ""
                for (i, c0) in row.enumerated() {
                    let c = i == wrapAt ? piece : (k == 0 ? c0 : "")
                    let pad = String(repeating: " ", count: max(0, widths[i] - measure.width(of: c)))
                    let isLast = i == row.count - 1
                    line += rightAligned.contains(i) ? pad + c : (isLast ? c : c + pad)
                    if !isLast { line += "  " }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
        }
        return out
    }
}

/// The width tables and lists fit: COLUMNS when it is set, else the terminal's when standard
/// output is one, else none (output to a file or a pipe is never cut).
enum TerminalWidth {
    static func columns(environment: [String: String] = ProcessEnvironment.current) -> Int? {
        if let c = environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
