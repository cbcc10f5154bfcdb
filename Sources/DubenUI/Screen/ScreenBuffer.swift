import DubenLayout

/// One cell of the screen: a grapheme cluster, how many cells it takes, and its style.
/// A wide glyph occupies its cell and the next one, which is a continuation (`width == 0`).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: [])
    public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}

/// The in-memory screen every view draws into. The terminal backend diffs two of them; tests
/// compare their text and styles with golden files.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    let measure: DisplayWidth

    public init(width: Int, height: Int, measure: DisplayWidth = DisplayWidth()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `string` at (x, y), clipped at `maxX` (default: the right edge), cluster by
    /// cluster as `DisplayWidth.clusters(of:)` cuts and measures it: controls become their
    /// placeholders and a tab advances to the next tab stop counted from `x` (`Sanitizer`, the
    /// same rules as the wrapper's). A wide glyph that would straddle the edge is replaced by
    /// spaces.
    /// - Returns: the column after the last cell written.
    @discardableResult
    public mutating func put(_ string: some StringProtocol, x: Int, y: Int, style: Style = [], maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        let text = String(string)
        let scalars = text.unicodeScalars
        var col = x
        for cluster in measure.clusters(of: text) {
            switch cluster.shown {
            case .asIs:
                guard place(String(scalars[cluster.scalars]), cells: cluster.cells, x: x, col: &col, y: y, limit: limit, style: style) else {
                    return col
                }
            case .placeholder(let p):
                guard place(String(p), cells: cluster.cells, x: x, col: &col, y: y, limit: limit, style: style) else { return col }
            case .tab:
                for _ in 0..<cluster.cells {
                    guard place(" ", cells: 1, x: x, col: &col, y: y, limit: limit, style: style) else { return col }
                }
            }
        }
        return col
    }

    /// Writes a wrapped line at (x, y) as the wrapper measured it: its clusters and their cells
    /// come with the line (already sanitised, tabs already spaces), so nothing is measured again.
    /// Draws the same cells as `put(line.text, …)`. Clipped as `put` clips.
    /// - Returns: the column after the last cell written.
    @discardableResult
    public mutating func put(_ line: DisplayLine, x: Int, y: Int, style: Style = [], maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        line.forEachCluster { utf8, cells in
            place(String(decoding: utf8, as: UTF8.self), cells: cells, x: x, col: &col, y: y, limit: limit, style: style)
        }
        return col
    }

    /// Puts one measured cluster at `col` (a text that started at `x`) and advances `col`.
    /// A cluster of no cells joins the cell before it (dropped at the start of the text).
    /// - Returns: false once the row is full (the caller stops).
    private mutating func place(_ text: String, cells w: Int, x: Int, col: inout Int, y: Int, limit: Int, style: Style) -> Bool {
        if col >= limit { return false }
        if w == 0 {
            if col > x, col - 1 < width {
                var k = col - 1
                while k > 0 && cells[y * width + k].isContinuation { k -= 1 }
                cells[y * width + k].text += text
            }
            return true
        }
        if col < 0 { col += w; return true }
        if col + w > limit {
            // The glyph does not fit: pad the rest with spaces.
            while col < limit { cells[y * width + col] = Cell(text: " ", width: 1, style: style); col += 1 }
            return false
        }
        clearOverlap(x: col, y: y)
        cells[y * width + col] = Cell(text: text, width: UInt8(min(w, 255)), style: style)
        for k in 1..<max(1, w) { cells[y * width + col + k] = .continuation(style) }
        col += w
        return true
    }

    /// Writing over half of a wide glyph blanks its other half.
    mutating func clearOverlap(x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation {
            var k = x - 1
            while k >= 0 && cells[y * width + k].isContinuation { k -= 1 }
            if k >= 0 { cells[y * width + k] = Cell(text: " ", width: 1, style: cells[y * width + k].style) }
        }
        if cells[i].width > 1 {
            for k in 1..<Int(cells[i].width) where x + k < width { cells[i + k] = .blank }
        }
    }

    /// Fills a row range with spaces of a style.
    public mutating func fill(y: Int, from x0: Int = 0, to x1: Int? = nil, style: Style = []) {
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(x1 ?? width, width) {
            clearOverlap(x: x, y: y)
            cells[y * width + x] = Cell(text: " ", width: 1, style: style)
        }
    }

    /// Applies a style to cells of a row (for highlights), keeping their text.
    public mutating func addStyle(_ style: Style, y: Int, from x0: Int, to x1: Int) {
        let a = max(0, x0), b = min(x1, width)
        guard y >= 0, y < height, a < b else { return }
        for x in a..<b { cells[y * width + x].style.insert(style) }
    }

    /// Rows that differ from `previous` (all rows when the sizes differ): what a terminal
    /// backend must redraw.
    public func changedRows(since previous: ScreenBuffer?) -> [Int] {
        guard let p = previous, p.width == width, p.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            let lo = y * width, hi = lo + width
            return !cells[lo..<hi].elementsEqual(p.cells[lo..<hi])
        }
    }

    /// The text of each row, wide glyphs once, trailing spaces trimmed (as `tmux capture-pane`).
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { s += cells[y * width + x].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// One style letter per cell (see `Style.code`), trailing plain cells trimmed.
    public var styleLines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s.append(cells[y * width + x].style.code) }
            while s.hasSuffix(".") { s.removeLast() }
            return s
        }
    }
}
