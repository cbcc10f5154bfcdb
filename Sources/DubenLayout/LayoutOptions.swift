/// How a document is laid out into display lines.
public struct LayoutOptions: Hashable, Sendable {
    /// First-line indentation of paragraphs that the source indents.
    public enum Indent: String, Hashable, Sendable, CaseIterable {
        /// Keep the source's indent as two ideographic spaces (four cells).
        case keep
        /// No indentation.
        case none
    }

    /// Width of the text column in cells.
    public var width: Int
    public var measure: DisplayWidth
    public var indent: Indent
    /// Columns a tab advances to (the next multiple of this).
    public static let tabStop = 4
    /// The widest text column duben uses by default: 76 cells, 38 Chinese characters — about
    /// the line length of printed Chinese books (35–40 characters).
    public static let readingMeasure = 76
    /// Narrowest width the wrapper accepts; narrower requests are raised to it.
    public static let minimumWidth = 2

    public init(width: Int, ambiguousWidth: Int = 1, indent: Indent = .keep) {
        self.width = max(LayoutOptions.minimumWidth, width)
        measure = DisplayWidth(ambiguousWidth: ambiguousWidth)
        self.indent = indent
    }

    /// The default column width for a terminal of `columns` cells: the terminal's width less a
    /// two-cell margin on each side, capped at the reading measure.
    public static func defaultWidth(terminalColumns columns: Int) -> Int {
        max(minimumWidth, min(readingMeasure, columns - 4))
    }
}
