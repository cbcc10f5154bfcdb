import DubenModel

/// Estimated rows of a document too long to wrap whole for the status line's "line N/TOTAL"
/// (`Reader.exactLimit`, `Reader.exactByteLimit`): CJK text takes about two cells per three bytes, plus the separator
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
        // A tight loop (a document of millions of blocks is summed on G and on every resize):
        // the blocks' bytes read in place, the division by the width a multiplication.
        let reciprocal = 1 / Double(width)
        let out = [Int](unsafeUninitializedCapacity: blocks.count + 1) { sums, count in
            var total = 0
            blocks.withUnsafeBufferPointer { p in
                for b in 0..<p.count {
                    sums[b] = total
                    let cells = Double(p[b].byteCount * 2 / 3 + width - 1)
                    total += max(1, Int(cells * reciprocal)) + 1
                }
            }
            sums[blocks.count] = total
            count = blocks.count + 1
        }
        key = (document, width)
        sums = out
        return out
    }
}
