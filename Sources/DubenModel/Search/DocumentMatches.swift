/// A match in a document's text: its block and its scalar range in the block's text (the units
/// of anchors and of the reader's positions).
public struct TextMatch: Hashable, Sendable {
    public var block: Int
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }
}

extension Document {
    /// Every match of the pattern in the document's blocks, in reading order. The bytes are
    /// scanned as they are (`SearchPattern.Matcher`, a file's lines); only the matches found
    /// are turned into block positions. A match outside every block (a title line, a blank
    /// line) is not a place the reader can show and is left out; `stop` is asked between
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
        let first = blocks[0].range.lowerBound, last = blocks[blocks.count - 1].range.upperBound
        guard first < last else { return }
        source.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let slice = UnsafeBufferPointer(start: base + first, count: last - first)
            var hint = 0
            _ = matcher.forEachMatch(in: slice) { r in
                if stop() { return false }
                let start = r.lowerBound + first, end = r.upperBound + first
                guard let b = block(holding: start, from: &hint), end <= blocks[b].range.upperBound else { return true }
                if positions {
                    let a = anchor(atByte: start).offset
                    let z = anchor(atByte: end).offset
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
