/// A match in a document's text: its block and its scalar range in the block's text (the units
/// of anchors and of the reader's positions). A match in a line that is in no block (the
/// title, a line the parser set aside) is placed at the start of the next block with an empty
/// range (`isOutsideBlocks`): it is counted and visited like any other, as grep would count it.
public struct TextMatch: Hashable, Sendable {
    public var block: Int
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }

    /// The match is in the title or another line outside the blocks.
    public var isOutsideBlocks: Bool { range.isEmpty }
}

extension Document {
    /// Every match of the pattern in the document's text, in reading order. The bytes are
    /// scanned as they are (`SearchPattern.Matcher`, a file's lines); only the matches found
    /// are turned into block positions. A match outside every block (the title line) comes at
    /// the start of the block after it (`TextMatch.isOutsideBlocks`); `stop` is asked between
    /// matches and ends the scan early (a search that was replaced).
    public func matches(_ matcher: inout SearchPattern.Matcher, stop: () -> Bool = { false }) -> [TextMatch] {
        var found: [TextMatch] = []
        forEachMatch(&matcher, stop: stop) { found.append($0) }
        return found
    }

    /// How many matches `matches(_:)` would return, without keeping them.
    public func countMatches(_ matcher: inout SearchPattern.Matcher, stop: () -> Bool = { false }) -> Int {
        var n = 0
        forEachMatch(&matcher, stop: stop, positions: false) { _ in n += 1 }
        return n
    }

    /// Calls `body` with each match in a block. With `positions` false the match is counted
    /// but its scalar offsets are not worked out (`body` gets block and byte-free zero range).
    func forEachMatch(_ matcher: inout SearchPattern.Matcher, stop: () -> Bool, positions: Bool = true, _ body: (TextMatch) -> Void) {
        guard !blocks.isEmpty, !range.isEmpty else { return }
        let first = range.lowerBound, last = range.upperBound
        guard first < last else { return }
        source.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let slice = UnsafeBufferPointer(start: base + first, count: last - first)
            var hint = 0
            // The last position worked out in a one-line block: later matches in the same block
            // count scalars on from there instead of from the block's start.
            var walked: (block: Int, byte: Int, scalar: Int)? = nil
            let bytes = all
            func scalarOffset(_ b: Int, _ byte: Int) -> Int {
                if let w = walked, w.block == b, w.byte <= byte {
                    var i = w.byte, n = w.scalar
                    while i < byte { i += UTF8Scalars.scalarLength(bytes[i]); n += 1 }
                    walked = (b, i, n)
                    return n
                }
                guard isSingleLine(b) else { return anchor(atByte: byte).offset }
                var i = blocks[b].range.lowerBound, n = 0
                while i < byte { i += UTF8Scalars.scalarLength(bytes[i]); n += 1 }
                walked = (b, i, n)
                return n
            }
            _ = matcher.forEachMatch(in: slice) { r in
                if stop() { return false }
                let start = r.lowerBound + first, end = r.upperBound + first
                guard let b = block(holding: start, from: &hint), end <= blocks[b].range.upperBound else {
                    // Outside the blocks: at the start of the next block (or of the last).
                    let next = blocks.firstIndex { $0.range.lowerBound > start } ?? (blocks.count - 1)
                    body(TextMatch(block: next, range: 0..<0))
                    return true
                }
                if positions {
                    let a = scalarOffset(b, start)
                    let z = scalarOffset(b, end)
                    body(TextMatch(block: b, range: a..<max(a + 1, z)))
                } else {
                    body(TextMatch(block: b, range: 0..<0))
                }
                return true
            }
        }
    }

    /// The block whose bytes hold `byte`, searching forward from `hint` (matches come in
    /// order), or nil when the byte is between blocks.
    func block(holding byte: Int, from hint: inout Int) -> Int? {
        if hint >= blocks.count || blocks[hint].range.lowerBound > byte { hint = 0 }
        guard blocks[0].range.lowerBound <= byte else { return nil }
        // Gallop forward, then binary search.
        var lo = hint, step = 1
        var hi = lo
        while hi < blocks.count && blocks[hi].range.lowerBound <= byte {
            lo = hi
            hi += step
            step *= 2
        }
        hi = min(hi, blocks.count)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if blocks[mid].range.lowerBound <= byte { lo = mid } else { hi = mid }
        }
        hint = lo
        return byte < blocks[lo].range.upperBound ? lo : nil
    }
}
