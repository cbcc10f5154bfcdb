/// Where the parts of the screen go at one terminal size. The views draw with these figures and
/// the reader pages with the same ones, so that a page is exactly what a view shows.
public struct ScreenMetrics: Hashable, Sendable {
    public let columns: Int
    public let rows: Int

    /// Smallest terminal the reader draws in; smaller ones get a notice.
    public static let minimumColumns = 20
    public static let minimumRows = 6

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }
    /// Rules under the title and above the status line when there is room.
    public var hasRules: Bool { rows >= 12 }
    /// The first row of the text area.
    public var textTop: Int { hasRules ? 2 : 1 }
    /// Rows of the text area: all but the title and status lines (and their rules).
    public var textHeight: Int { max(1, rows - (hasRules ? 4 : 2)) }
    /// Rows of a list overlay (contents, library, help…) between its title and its footer.
    public var listRows: Int { max(1, rows - 2) }
    /// The bottom line: status, messages and prompts.
    public var statusRow: Int { rows - 1 }
}
