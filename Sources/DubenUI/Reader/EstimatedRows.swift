import DubenModel

/// Estimated rows of a document too long to wrap whole for the status line's "line N/TOTAL"
/// (`Reader.exactLimit`): CJK text takes about two cells per three bytes, plus the separator
/// row. The running sums are made once per document and width and kept for the last one
/// asked, so a frame costs a lookup, not a walk over every block.
final class EstimatedRows {
    private var key: (document: Int, width: Int)?
    private var sums: [Int] = []

    /// Forgets the sums (the library was read again).
    func removeAll() {
        key = nil
        sums = []
    }

    /// `result[b]`: the estimated rows before block `b`; `result[blocks.count]`: all rows.
    func rowsBefore(document: Int, width: Int, blocks: [Block]) -> [Int] {
        if let k = key, k.document == document, k.width == width, sums.count == blocks.count + 1 { return sums }
        var out = [Int](repeating: 0, count: blocks.count + 1)
        var total = 0
        for (b, block) in blocks.enumerated() {
            out[b] = total
            total += max(1, (block.range.count * 2 / 3 + width - 1) / width) + 1
        }
        out[blocks.count] = total
        key = (document, width)
        sums = out
        return out
    }
}
