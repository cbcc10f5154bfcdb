extension DisplayWidth {
    /// `string` broken into lines of at most `columns` cells, for text that is not a block of a
    /// document (help rows, table cells): lines break where ICU's line rules allow (between
    /// words, between CJK characters, never before a closing mark), spaces at a break are
    /// dropped, and a word is cut only when it is wider than a whole line. Measured as
    /// `width(of:)` measures, cluster by cluster.
    public func wrap(_ string: String, to columns: Int) -> [String] {
        let columns = max(1, columns)
        if width(of: string) <= columns { return [string] }
        let utf8 = Array(string.utf8)
        let breaks = utf8.withUnsafeBufferPointer { LineBreaker.opportunities($0) }
        var allowed = Set(breaks.map(Int.init))
        allowed.insert(utf8.count)
        // Clusters with their byte ranges and cells.
        var parts: [(start: Int, end: Int, cells: Int, space: Bool)] = []
        for c in clusters(of: string) {
            let start = string.utf8.distance(from: string.startIndex, to: c.scalars.lowerBound)
            let end = string.utf8.distance(from: string.startIndex, to: c.scalars.upperBound)
            let space = string.unicodeScalars[c.scalars.lowerBound] == " "
            parts.append((start, end, c.cells, space))
        }
        var lines: [String] = []
        var lineStart = 0          // index into parts
        var used = 0
        var lastBreak: Int? = nil  // cluster index a line may start at
        var i = 0
        func emit(_ from: Int, _ to: Int) {
            var a = from, b = to
            while a < b && parts[a].space { a += 1 }
            while b > a && parts[b - 1].space { b -= 1 }
            let bytes = a < b ? Array(utf8[parts[a].start..<parts[b - 1].end]) : []
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        while i < parts.count {
            let c = parts[i]
            if i > lineStart && allowed.contains(c.start) { lastBreak = i }
            if used + c.cells > columns && !c.space && i > lineStart {
                let at = lastBreak ?? i
                emit(lineStart, at)
                lineStart = at
                while lineStart < parts.count && parts[lineStart].space { lineStart += 1 }
                used = lineStart < i ? parts[lineStart..<i].reduce(0) { $0 + $1.cells } : 0
                lastBreak = nil
                // Look at cluster i again on the new line (or go on after the skipped spaces).
                i = max(i, lineStart)
                continue
            }
            used += c.cells
            i += 1
        }
        if lineStart < parts.count { emit(lineStart, parts.count) }
        return lines.isEmpty ? [""] : lines
    }
}
