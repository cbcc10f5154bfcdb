import DubenLayout
import DubenModel

/// Rows of the page: moving the top, anchoring it to text, where the top is in the document.
extension Reader {
    /// Rows of a block: its lines and the empty row after it (none after the last block).
    /// 0 outside the document, so a document without blocks (a title alone) has no rows.
    func rowCount(_ block: Int) -> Int {
        guard block >= 0, block < document.blocks.count else { return 0 }
        return layout.lines(ofBlock: block).count + (block < document.blocks.count - 1 ? 1 : 0)
    }

    /// The position `n` rows after `p`, stopping at the last row.
    func advance(_ p: RowPosition, by n: Int) -> RowPosition {
        var p = p
        var left = n
        while left > 0 {
            if p.row + 1 < rowCount(p.block) { p.row += 1 }
            else if p.block + 1 < document.blocks.count { p = RowPosition(block: p.block + 1, row: 0) }
            else { break }
            left -= 1
        }
        return p
    }

    /// The position `n` rows before `p`, stopping at the first row.
    func retreat(_ p: RowPosition, by n: Int) -> RowPosition {
        var p = p
        var left = n
        while left > 0 {
            if p.row > 0 { p.row -= 1 }
            else if p.block > 0 { p = RowPosition(block: p.block - 1, row: rowCount(p.block - 1) - 1) }
            else { break }
            left -= 1
        }
        return p
    }

    var lastRow: RowPosition {
        let b = max(0, document.blocks.count - 1)
        return RowPosition(block: b, row: max(0, rowCount(b) - 1))
    }

    /// The furthest the top may go: the last row at the bottom of the text area.
    var maxTop: RowPosition { retreat(lastRow, by: textHeight - 1) }

    /// Moves the top and records the text anchor. Scrolling stops with the last row at the
    /// bottom; a jump (`pastEnd`) may put any row at the top, so a quotation or heading near
    /// the end still starts the screen. Scrolling never pulls such a top back up by itself.
    mutating func setTop(_ p: RowPosition, pastEnd: Bool = false) {
        guard !document.blocks.isEmpty else { top = RowPosition(block: 0, row: 0); topOffset = 0; return }
        var p = p
        p.block = min(max(0, p.block), document.blocks.count - 1)
        p.row = min(max(0, p.row), rowCount(p.block) - 1)
        let limit = pastEnd ? lastRow : max(maxTop, min(top, lastRow))
        top = min(p, limit)
        let lines = layout.lines(ofBlock: top.block)
        topOffset = top.row < lines.count ? lines[top.row].start : (lines.last?.end ?? 0)
    }

    /// Puts the line holding `offset` of `block` at the top.
    mutating func show(block: Int, offset: Int, pastEnd: Bool = true) {
        guard block < document.blocks.count else { return }
        setTop(RowPosition(block: block, row: layout.lineIndex(ofBlock: block, offset: offset)), pastEnd: pastEnd)
    }

    /// The quotation at the top of the screen, if the top row is inside one.
    public var currentQuotation: Quotation? { document.quotation(at: top.block) }

    /// Line number (1-based) of the top row and the document's row count. Exact for
    /// documents of up to `exactLimit` blocks and `exactByteLimit` bytes (every block is
    /// wrapped to count its rows); estimated (from byte counts) above.
    public var linePosition: (line: Int, total: Int, exact: Bool) {
        let blocks = document.blocks
        guard !blocks.isEmpty else { return (1, 1, true) }
        let exact = blocks.count <= Reader.exactLimit && document.range.count <= Reader.exactByteLimit
        if !exact {
            // Estimated from byte counts, summed once per document and width (a long document
            // would otherwise cost a walk over all its blocks on every frame).
            let rows = estimatedRows.rowsBefore(document: documentIndex, width: max(1, textWidth), blocks: blocks)
            let line = rows[top.block] + top.row + 1
            return (line, max(rows[blocks.count], line), false)
        }
        var before = 0
        var total = 0
        for b in blocks.indices {
            let n = rowCount(b)
            if b < top.block { before += n }
            total += n
        }
        let line = before + top.row + 1
        return (line, max(total, line), exact)
    }

    static let exactLimit = 5000
    /// 64 KiB (a long speech or report): wrapped in under a millisecond. Every byte counted is
    /// wrapped before the first frame: 256 KiB took 3.5 ms of it, a megabyte of long paragraphs
    /// in few blocks (the start of a book) 20–40 ms. Longer documents show "line ~N/M".
    static let exactByteLimit = 64 << 10

    /// How far through the document the last row shown is, 0–100.
    public var percent: Int { percent(at: linePosition) }

    /// The same, from a line position already computed (it walks every block).
    public func percent(at p: (line: Int, total: Int, exact: Bool)) -> Int {
        let bottom = min(p.total, p.line + textHeight - 1)
        return p.total <= 0 ? 100 : min(100, bottom * 100 / p.total)
    }

    /// The innermost heading at or above the top row, as a TOC index.
    public var currentSection: Int? { document.section(at: top.block) }

}
