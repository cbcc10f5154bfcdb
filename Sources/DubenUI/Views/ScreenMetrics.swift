/// Where the parts of the screen go at one terminal size. The views draw with these figures and
/// the reader pages with the same ones, so that a page is exactly what a view shows.
public struct ScreenMetrics: Hashable, Sendable {
    public let columns: Int
    public let rows: Int
    /// Where the page's status line goes; lists keep their footer (and prompts) at the bottom.
    public let statusLine: StatusLinePosition

    /// Smallest terminal the reader draws in; smaller ones get a notice.
    public static let minimumColumns = 20
    public static let minimumRows = 6

    public init(columns: Int, rows: Int, statusLine: StatusLinePosition = .bottom) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.statusLine = statusLine
    }

    public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }
    /// Rules between the text and the title and status lines when there is room.
    public var hasRules: Bool { rows >= 12 }
    /// The rows of those rules: under the title and above a bottom status line, or under a
    /// top status line.
    public var ruleRows: [Int] {
        guard hasRules else { return [] }
        return statusLine == .top ? [2] : [1, rows - 2]
    }
    /// The first row of the text area.
    public var textTop: Int { (statusLine == .top ? 2 : 1) + (hasRules ? 1 : 0) }
    /// Rows of the text area: all but the title and status lines (and their rules).
    public var textHeight: Int { max(1, rows - 2 - ruleRows.count) }
    /// Rows of a list overlay (contents, library, help…) between its title and its footer.
    public var listRows: Int { max(1, rows - 2) }
    /// The page's status line: position, messages and prompts (the bottom line, or the one
    /// under the title).
    public var statusRow: Int { statusLine == .top ? 1 : rows - 1 }
    /// The bottom line of a list overlay: its footer, and the prompt typed over it.
    public var footerRow: Int { rows - 1 }
}
