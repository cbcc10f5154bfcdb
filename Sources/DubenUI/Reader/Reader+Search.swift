import DubenModel

extension Reader {
    /// Starts a search from the top of the screen (an empty pattern repeats the last one).
    mutating func startSearch(_ pattern: String, forward: Bool) {
        if pattern.isEmpty {
            guard search != nil else { return }
            search?.forward = forward
        } else {
            guard let m = TextMatcher(pattern) else { return }
            search = SearchState(matcher: m, pattern: pattern, forward: forward)
        }
        search?.lastMatch = nil
        find(forward: forward, from: (documentIndex, top.block, topOffset), inclusive: true)
    }

    /// n and N: the next match in the search's direction, or the other way.
    mutating func repeatSearch(reverse: Bool) {
        guard let s = search else { notice = .info("No previous search"); return }
        let forward = reverse ? !s.forward : s.forward
        if let m = s.lastMatch, m.document == documentIndex {
            find(forward: forward, from: (m.document, m.block, forward ? m.range.lowerBound + 1 : m.range.lowerBound), inclusive: true)
        } else {
            find(forward: forward, from: (documentIndex, top.block, topOffset), inclusive: !forward)
        }
    }

    /// Looks for the next match from a position, across blocks and documents, wrapping around
    /// the corpus once ("search wrapped").
    mutating func find(forward: Bool, from start: (document: Int, block: Int, offset: Int), inclusive: Bool) {
        guard let s = search else { return }
        let docs = corpus.documents
        var wrapped = false
        var d = start.document
        var b = start.block
        var visited = 0
        let totalBlocks = docs.reduce(0) { $0 + max(1, $1.blocks.count) } + 1
        while visited <= totalBlocks {
            let doc = docs[d]
            if b >= 0 && b < doc.blocks.count {
                let matches = s.matcher.matches(in: doc.text(of: b))
                let found: Range<Int>?
                if d == start.document && b == start.block && visited == 0 {
                    found = forward ? matches.first { $0.lowerBound >= start.offset && (inclusive || $0.lowerBound > start.offset) }
                                    : matches.last { $0.lowerBound < start.offset }
                } else if d == start.document && b == start.block && wrapped {
                    found = forward ? matches.first { $0.lowerBound < start.offset } : matches.last { $0.lowerBound >= start.offset }
                } else {
                    found = forward ? matches.first : matches.last
                }
                if let r = found {
                    if d != documentIndex { open(document: d) }
                    search?.lastMatch = MatchLocation(document: d, block: b, range: r)
                    show(block: b, offset: r.lowerBound)
                    notice = wrapped ? .info("search wrapped") : nil
                    return
                }
            }
            visited += 1
            // Step to the next block in the search direction.
            if forward {
                b += 1
                if b >= doc.blocks.count {
                    d += 1
                    if d >= docs.count { d = 0; wrapped = true }
                    b = 0
                }
            } else {
                b -= 1
                if b < 0 {
                    d -= 1
                    if d < 0 { d = docs.count - 1; wrapped = true }
                    b = docs[d].blocks.count - 1
                }
            }
            if wrapped && d == start.document && (forward ? b > start.block : b < start.block) { break }
        }
        notice = .error("Pattern not found: \(s.pattern)")
    }
}
