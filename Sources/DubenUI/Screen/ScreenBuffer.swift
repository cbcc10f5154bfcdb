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

    /// Writes `string` at (x, y), clipped at `maxX` (default: the right edge). Every character
    /// is sanitised; a wide glyph that would straddle the edge is replaced by a space.
    /// - Returns: the column after the last cell written.
    @discardableResult
    public mutating func put(_ string: some StringProtocol, x: Int, y: Int, style: Style = [], maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        for ch in string {
            if col >= limit { break }
            var text = String(ch)
            var w = 0
            for u in ch.unicodeScalars {
                let cw = measure.width(u.value)
                if cw < 0 || Sanitizer.placeholder(for: u.value) != nil {
                    text = String(Unicode.Scalar(Sanitizer.placeholder(for: u.value) ?? 0xFFFD)!)
                    w = 1
                    break
                }
                w += cw
            }
            if w == 0 {
                // A lone zero-width character: attach it to the previous cell.
                if col > x, col - 1 < width {
                    var k = col - 1
                    while k > 0 && cells[y * width + k].isContinuation { k -= 1 }
                    cells[y * width + k].text += text
                }
                continue
            }
            if col < 0 { col += w; continue }
            if col + w > limit {
                // The glyph does not fit: pad the rest with spaces.
                while col < limit { cells[y * width + col] = Cell(text: " ", width: 1, style: style); col += 1 }
                break
            }
            clearOverlap(x: col, y: y)
            cells[y * width + col] = Cell(text: text, width: UInt8(min(w, 255)), style: style)
            for k in 1..<max(1, w) { cells[y * width + col + k] = .continuation(style) }
            col += w
        }
        return col
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
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(x1, width) { cells[y * width + x].style.insert(style) }
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
