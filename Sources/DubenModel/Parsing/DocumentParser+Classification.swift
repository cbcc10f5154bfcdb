extension DocumentParser {
    /// Stage 3: citations and heading candidates among the paragraphs. One-line pieces were
    /// judged whole in stage 2; a joined paragraph is judged whole here, then its tail: "…。
    /// （2020年3月26日…）" becomes a paragraph and a citation.
    func classify(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece]) -> [Piece] {
        var classified: [Piece] = []
        classified.reserveCapacity(pieces.count + 8)
        for var piece in pieces {
            if piece.checked {
                classified.append(piece)
                continue
            }
            if piece.lineCount > 1, let kind = standaloneKind(p, piece.range) {
                piece.kind = kind
                if case .citation = kind {
                    classified.append(piece)
                    continue
                }
            }
            let lastStart = UTF8Scalars.previousStart(p, before: piece.range.upperBound, lowerBound: piece.range.lowerBound)
            let last = UTF8Scalars.decode(p, at: lastStart).value
            if last == 0xFF09 || last == 0x29 || DocumentParser.mayEndDate(last) {
                let s = UTF8Scalars.scalars(p, piece.range)
                if let split = (last == 0xFF09 || last == 0x29 ? tailCitation(p, piece, scalars: s) : nil) ?? dashTailCitation(p, piece, scalars: s) {
                    classified.append(split.0)
                    classified.append(split.1)
                    continue
                }
            }
            classified.append(piece)
        }
        return classified
    }

    /// Whether a scalar may open a heading, a citation or a run-in point.
    @inline(__always)
    func isMarkerStart(_ v: UInt32) -> Bool {
        // Most lines open with an ideograph that is none of these: one range test first.
        if v > 0x7B2C && v < 0xFF08 { return false }
        switch v {
        case 0x7B2C /* 第 */, 0xFF08 /* （ */, 0x28 /* ( */, 0x2014 /* — */, 0x2015, 0x2D: return true
        // Marker subheads (■ ★ ☆ ◆ ◇ ▲ ● ◎ ▶ ► 【) and named chapters (楔子 序章 引子 尾声 后记 番外).
        case 0x25A0, 0x2605, 0x2606, 0x25C6, 0x25C7, 0x25B2, 0x25CF, 0x25CE, 0x25B6, 0x25BA, 0x3010: return true
        case 0x6954 /* 楔 */, 0x5E8F /* 序 */, 0x5F15 /* 引 */, 0x5C3E /* 尾 */, 0x540E /* 后 */, 0x756A /* 番 */: return true
        default: return Unicode.Scalar(v).map(DateParser.canStartDate) ?? false
        }
    }

    /// Whether a line opening with a letter that `isMarkerStart` lets pass may still be a
    /// named part: 上篇, 中篇, 下篇 (篇, E7 AF 87, second), or a short line opening 前 目 导 结 附
    /// (前言, 目录, 导言, 结语, 附录, perhaps letter-spaced). Settled from bytes.
    @inline(__always)
    func mayBeNamedPart(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, first: UInt32, firstLength: Int) -> Bool {
        switch first {
        case 0x4E0A, 0x4E2D, 0x4E0B:
            let k = range.lowerBound + firstLength
            return k + 3 <= range.upperBound && p[k] == 0xE7 && p[k + 1] == 0xAF && p[k + 2] == 0x87
        case 0x524D, 0x76EE, 0x5BFC, 0x7ED3, 0x9644: return range.count <= 24
        default: return false
        }
    }

    /// Lines that are blocks of their own even in hard-wrapped text: notes (`NoteLines`), an
    /// agency's dateline alone on its line (perhaps with its "题：…"), citations and headings.
    ///
    /// Most lines are settled from their first and last characters and their length; only
    /// lines that could still be a citation or a heading are decoded to scalars.
    func standaloneKind(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Piece.Kind? {
        guard !range.isEmpty else { return nil }
        let ends = LineEnds(p, range)
        if NoteLines.isNote(p, range, ends: ends) { return .note }
        if NewsDateline.isDatelineLine(p, range, ends: ends) { return .text }
        let first = ends.first
        guard isMarkerStart(first) || mayBeNamedPart(p, range, first: first, firstLength: ends.firstLength) else { return nil }
        let last = ends.last
        let bracketed = (first == 0xFF08 || first == 0x28) && (last == 0xFF09 || last == 0x29)
        let dashed = first == 0x2014 || first == 0x2015 || first == 0x2D
        // A citation first: it is decoded whole anyway (and a line that is one is no heading).
        var s: [Unicode.Scalar]? = nil
        if bracketed || dashed {
            let all = UTF8Scalars.scalars(p, range)
            if let c = CitationParser.parseLine(all, source: source, at: range.lowerBound) { return .citation(c) }
            s = all
        }
        // A heading has at most maxHeadingLength scalars, so at most 4 bytes each.
        guard range.count <= HeadingRecognizer.maxHeadingLength * 4 else { return nil }
        // A heading shows its form in its first few scalars: look at those first.
        let start = s.map { Array($0.prefix(HeadingRecognizer.formPrefixLength)) } ?? prefix(p, range, scalars: HeadingRecognizer.formPrefixLength)
        guard let (form, _, _) = HeadingRecognizer.form(start), range.count <= form.maxLength * 4 else { return nil }
        if let (form, n) = HeadingRecognizer.heading(s ?? UTF8Scalars.scalars(p, range)) { return .heading(form, n) }
        return nil
    }

    /// The first `count` scalars of a range (fewer when it is shorter).
    func prefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scalars count: Int) -> [Unicode.Scalar] {
        var end = range.lowerBound
        var n = 0
        while end < range.upperBound && n < count {
            end += UTF8Scalars.scalarLength(p[end])
            n += 1
        }
        return UTF8Scalars.scalars(p, range.lowerBound..<min(end, range.upperBound))
    }

    /// Splits "…共克时艰。（2020年3月26日…）" into a paragraph and its citation. The text
    /// before the brackets must end a sentence.
    func tailCitation(_ p: UnsafeBufferPointer<UInt8>, _ piece: Piece, scalars s: [Unicode.Scalar]) -> (Piece, Piece)? {
        guard let open = CitationParser.matchingOpen(s, closeAt: s.count - 1), open > 0 else { return nil }
        let before = s[..<open].trimmingSpacesSuffix()
        guard let end = before.last, "。！？!?…”」』".unicodeScalars.contains(end) else { return nil }
        var byte = piece.range.lowerBound
        for c in s[..<open] { byte += c.utf8.count }
        guard let citation = CitationParser.parseInner(s, (open + 1)..<(s.count - 1), source: source, at: piece.range.lowerBound) else { return nil }
        var textEnd = piece.range.lowerBound
        for c in before { textEnd += c.utf8.count }
        let text = Piece(range: piece.range.lowerBound..<textEnd, indented: piece.indented, lineCount: piece.lineCount, kind: .text)
        let cite = Piece(range: byte..<piece.range.upperBound, indented: false, lineCount: 1, kind: .citation(citation))
        return (text, cite)
    }
}

extension DocumentParser {
    /// 年 月 日 号: a paragraph ending in one may end in a dash citation's date.
    static func mayEndDate(_ v: UInt32) -> Bool { v == 0x5E74 || v == 0x6708 || v == 0x65E5 || v == 0x53F7 }

    /// Splits "……。——《某某》（一九五八年九月）" (a dash citation on the passage's last line)
    /// into the paragraph and its citation: the last "——" (or "――") that follows a sentence
    /// end, when the rest of the paragraph parses as a citation.
    func dashTailCitation(_ p: UnsafeBufferPointer<UInt8>, _ piece: Piece, scalars s: [Unicode.Scalar]) -> (Piece, Piece)? {
        var i = s.count - 2
        while i > 0 {
            defer { i -= 1 }
            guard (s[i] == "—" || s[i] == "―") && s[i + 1] == s[i] && (i == 0 || s[i - 1] != s[i]) else { continue }
            let before = s[..<i].trimmingSpacesSuffix()
            guard let end = before.last, "。！？!?…”」』".unicodeScalars.contains(end) else { continue }
            var byte = piece.range.lowerBound
            for c in s[..<i] { byte += c.utf8.count }
            let tail = Array(s[i...])
            guard let citation = CitationParser.parseLine(tail, source: source, at: byte) else { return nil }
            var textEnd = piece.range.lowerBound
            for c in before { textEnd += c.utf8.count }
            let text = Piece(range: piece.range.lowerBound..<textEnd, indented: piece.indented, lineCount: piece.lineCount, kind: .text)
            let cite = Piece(range: byte..<piece.range.upperBound, indented: false, lineCount: 1, kind: .citation(citation))
            return (text, cite)
        }
        return nil
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    func trimmingSpacesSuffix() -> ArraySlice<Unicode.Scalar> {
        var hi = endIndex
        while hi > startIndex && (UTF8Scalars.isSpace(self[hi - 1].value) || self[hi - 1] == "\n") { hi -= 1 }
        return self[startIndex..<hi]
    }
}
