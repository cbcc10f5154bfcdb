/// A row of the text area: line `row` of block `block`; `row == lines.count` is the empty
/// separator row after the block (every block but the last has one).
public struct RowPosition: Hashable, Sendable, Comparable {
    public var block: Int
    public var row: Int

    public init(block: Int, row: Int) {
        self.block = block
        self.row = row
    }

    public static func < (a: RowPosition, b: RowPosition) -> Bool { (a.block, a.row) < (b.block, b.row) }
}

/// Where the page is: the document shown, its top row, and where other documents were left.
public struct PagePosition: Hashable, Sendable {
    public var documentIndex = 0
    /// Top row of the text area.
    public var top = RowPosition(block: 0, row: 0)
    /// Scalar offset, in the top block, of the first character shown: the anchor kept across
    /// re-wrapping.
    public var topOffset = 0
    /// Where each visited document was left, for Tab and Shift-Tab.
    public internal(set) var left: [Int: ReadingPosition] = [:]
}
