extension DocumentParser {
    /// A source line without its indentation and trailing white space.
    struct Line {
        var range: Range<Int>
        /// Whether the line was indented (its first paragraph line, in indented text).
        var indented: Bool
        var blankLinesBefore: Int
    }

    /// How a document's body marks its paragraphs, judged once for the whole body: by blank
    /// lines, by indented first lines, or not at all. The marking says which line breaks could
    /// be wraps inside a paragraph (`HardWrap`); line-length statistics say whether they are.
    struct ParagraphMarking {
        /// Blank lines between paragraphs: in hard-wrapped text, the lines between two blank
        /// lines are one paragraph.
        var blankSeparated: Bool
        /// Indented first lines (and no blank lines between paragraphs): in hard-wrapped text an
        /// unindented line continues its paragraph unless that paragraph already ends a sentence.
        var indented: Bool

        init(_ body: ArraySlice<Line>) {
            blankSeparated = body.dropFirst().contains { $0.blankLinesBefore > 0 }
            indented = body.contains { $0.indented }
        }
    }

    /// The line without its indentation (spaces, ideographic spaces, a BOM) and trailing
    /// white space.
    func trim(_ p: UnsafeBufferPointer<UInt8>, _ line: SourceLine) -> Line {
        var lo = line.range.lowerBound, hi = line.range.upperBound
        while lo < hi {
            let (v, n) = UTF8Scalars.decode(p, at: lo)
            if UTF8Scalars.isSpace(v) || v == 0xFEFF { lo += n } else { break }
        }
        while hi > lo {
            let s = UTF8Scalars.previousStart(p, before: hi, lowerBound: lo)
            if UTF8Scalars.isSpace(UTF8Scalars.decode(p, at: s).value) { hi = s } else { break }
        }
        return Line(range: lo..<hi, indented: lo > line.range.lowerBound, blankLinesBefore: line.blankLinesBefore)
    }

    /// Stage 2: the body's lines joined into paragraphs (hard-wrapped text has one paragraph
    /// over several lines). Citations and headings stay lines of their own; such one-line
    /// pieces come out `checked`, with their kind. A line that opens a bracket it does not
    /// close ("（2018年6月12日在某某座谈会上" then "的讲话）") is joined with the lines that close
    /// it, whatever the marking; so is a short line closing a bracket left open at the end of
    /// the line before ("……。（2018年6月12日在某某座谈会上" then "的讲话）").
    func paragraphs(_ p: UnsafeBufferPointer<UInt8>, _ body: ArraySlice<Line>) -> [Piece] {
        let marking = ParagraphMarking(body)
        let lines = Array(body)
        var kinds: [Piece.Kind?] = []
        kinds.reserveCapacity(lines.count)
        for line in lines { kinds.append(standaloneKind(p, line.range)) }
        let wrap = HardWrap(self, p, lines, kinds: kinds, marking)
        var pieces: [Piece] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if kinds[i] == nil, let kind = markerAndTitle(p, lines, kinds, at: i) {
                // "（一）" then "指导思想": one heading over two lines.
                let range = line.range.lowerBound..<lines[i + 1].range.upperBound
                pieces.append(Piece(range: range, indented: line.indented, lineCount: 2, kind: kind, checked: true))
                i += 2
                continue
            }
            if kinds[i] == nil, let end = bracketContinuation(p, lines, from: i) {
                let range = line.range.lowerBound..<lines[end].range.upperBound
                var piece = Piece(range: range, indented: line.indented, lineCount: end - i + 1, kind: .text)
                if let kind = standaloneKind(p, range) { piece.kind = kind }
                piece.checked = true
                pieces.append(piece)
                i = end + 1
                continue
            }
            let lineKind = kinds[i]
            if i == 0 || pieces.last?.checked == true || !(wrap.joins(i) || closesBracket(p, lines, kinds, at: i)) {
                var piece = Piece(range: line.range, indented: line.indented, lineCount: 1, kind: lineKind ?? .text)
                piece.checked = lineKind != nil
                pieces.append(piece)
            } else {
                pieces[pieces.count - 1].range = pieces[pieces.count - 1].range.lowerBound..<line.range.upperBound
                pieces[pieces.count - 1].lineCount += 1
            }
            i += 1
        }
        return pieces
    }

    /// The heading made of line `i`, a heading's marker alone ("（一）", "一、"), and the next
    /// line, its title: no blank line between, and a title's end — no final punctuation
    /// (a sentence after a lone marker is a numbered paragraph, left as it is).
    func markerAndTitle(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ kinds: [Piece.Kind?], at i: Int) -> Piece.Kind? {
        let range = lines[i].range
        guard range.count <= 15, !range.isEmpty, i + 1 < lines.count, kinds[i + 1] == nil else { return nil }
        let next = lines[i + 1].range
        guard lines[i + 1].blankLinesBefore == 0, !next.isEmpty else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        guard let (form, _, body) = HeadingRecognizer.form(s), body >= s.count,
              form == .parenthesised || form == .parenthesisedArabic || form == .enumerated else { return nil }
        let last = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: next.upperBound, lowerBound: next.lowerBound)).value
        guard !endsParagraph(p, next), last != 0xFF0C, last != 0x3001, last != 0xFF1B, last != 0x2C, last != 0x3B else { return nil }
        guard case .heading(let f, let n)? = standaloneKind(p, range.lowerBound..<next.upperBound) else { return nil }
        return .heading(f, n)
    }

    /// The index of the line that closes a bracket left open by line `i` ("（" without its
    /// "）"), when line `i` starts with the bracket and the next one or two lines (no blank line
    /// between) close it; nil otherwise. Settled by the first and last characters for most lines;
    /// a line already judged a citation or a heading is whole and never asked.
    func bracketContinuation(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], from i: Int) -> Int? {
        let range = lines[i].range
        guard i + 1 < lines.count, !range.isEmpty, range.count <= 480 else { return nil }
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard first == 0xFF08 || first == 0x28 else { return nil }
        var depth = bracketDepth(p, range)
        guard depth > 0 else { return nil }
        var k = i + 1
        while k < lines.count && k <= i + 2 && lines[k].blankLinesBefore == 0 && lines[k].range.count <= 480 {
            depth += bracketDepth(p, lines[k].range)
            if depth <= 0 { return depth == 0 ? k : nil }
            k += 1
        }
        return nil
    }

    /// Whether line `i` closes a bracket that the line before left open at its end: "……。（2018年
    /// 6月12日在某某座谈会上" then "的讲话）" — a paragraph's citation split over two lines. Only a
    /// short line ending in "）" is looked at.
    func closesBracket(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], _ kinds: [Piece.Kind?], at i: Int) -> Bool {
        let range = lines[i].range
        guard kinds[i] == nil, lines[i].blankLinesBefore == 0, !range.isEmpty, range.count <= 150 else { return false }
        let last = p[range.upperBound - 1]
        guard last == 0x29 || (last == 0x89 && range.count >= 3 && p[range.upperBound - 2] == 0xBC && p[range.upperBound - 3] == 0xEF) else {
            return false
        }
        return bracketDepth(p, range) < 0 && lines[i - 1].range.count <= 1_200 && bracketDepth(p, lines[i - 1].range) > 0
    }

    /// Opening minus closing parentheses (full-width and ASCII) in a range.
    func bracketDepth(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var depth = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b == 0x28 { depth += 1 } else if b == 0x29 { depth -= 1 }
            else if b == 0xEF, i + 2 < range.upperBound, p[i + 1] == 0xBC {
                if p[i + 2] == 0x88 { depth += 1 } else if p[i + 2] == 0x89 { depth -= 1 }
            }
            i += UTF8Scalars.scalarLength(b)
        }
        return depth
    }

    /// Whether the body is hard-wrapped, and so which line breaks are wraps to undo.
    ///
    /// A line break is a **candidate** when the marking would let the lines share a paragraph:
    /// neither line is standalone, no blank line between them, and — in indented text and text
    /// with no marking — the next line is not indented and the first does not end a sentence.
    /// The body is **hard-wrapped** when, with `plateau` the 90th-percentile display width of its
    /// lines and a line **full** when it is at most two CJK characters (4 columns) narrower —
    /// or, before a Latin word, when that word would not have fitted after it:
    /// - at least half the candidate breaks follow a full line, and
    /// - at most 30% of the full lines that the next line could continue (no blank line or
    ///   indentation after them) end a sentence (web copy, one paragraph per line, has its
    ///   longest lines end in 。; so does verse).
    /// Then a candidate break is joined when its first line is full and its second line is not
    /// a short line without final punctuation (a heading, a credit, a signature). Otherwise no
    /// line is joined: each line is a paragraph (blank lines then only separate paragraphs).
    ///
    /// Widths are measured only for bodies with a candidate break (web copy with one indented
    /// paragraph per line has none) that could pass the first test judged from byte lengths
    /// (FORMS.md 5.4).
    struct HardWrap {
        var candidates: [Bool] = []
        var widths: [Int] = []
        var plateau = 0
        var wrapped = false
        let parser: DocumentParser
        let p: UnsafeBufferPointer<UInt8>
        let lines: [Line]

        init(_ parser: DocumentParser, _ p: UnsafeBufferPointer<UInt8>, _ lines: [Line], kinds: [Piece.Kind?],
             _ marking: ParagraphMarking) {
            self.parser = parser
            self.p = p
            self.lines = lines
            guard lines.count > 1 else { return }
            var any = false
            candidates = [Bool](repeating: false, count: lines.count)
            for i in 1..<lines.count {
                let line = lines[i], previous = lines[i - 1]
                guard kinds[i] == nil, kinds[i - 1] == nil, line.blankLinesBefore == 0, !line.range.isEmpty,
                      !previous.range.isEmpty else { continue }
                if !marking.blankSeparated && (line.indented || parser.endsParagraph(p, previous.range)) { continue }
                candidates[i] = true
                any = true
            }
            guard any else { return }
            // A width is between half the byte length and the byte length, so a full line has at
            // least half the 90th-percentile byte length less 4: when fewer than half the breaks
            // follow such a line (or a Latin word), the body is not hard-wrapped — decided
            // without measuring (web copy: its breaks follow titles and credits).
            var lengths: [Int] = []
            lengths.reserveCapacity(lines.count)
            for (i, line) in lines.enumerated() where kinds[i] == nil && !line.range.isEmpty { lengths.append(line.range.count) }
            lengths.sort()
            let bytes90 = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
            var possible = 0, candidateBreaks = 0
            for i in 1..<lines.count where candidates[i] {
                candidateBreaks += 1
                let previous = lines[i - 1].range
                if previous.count * 2 >= bytes90 - 8 || p[previous.upperBound - 1] < 0x80 { possible += 1 }
            }
            guard possible * 2 >= candidateBreaks else { return }
            widths = lines.map { HardWrap.width(p, $0.range) }
            var measured: [Int] = []
            measured.reserveCapacity(lines.count)
            for (i, w) in widths.enumerated() where kinds[i] == nil && w > 0 { measured.append(w) }
            guard !measured.isEmpty else { return }
            measured.sort()
            plateau = measured[min(measured.count - 1, measured.count * 9 / 10)]
            var breaks = 0, fullBreaks = 0
            for i in 1..<lines.count where candidates[i] {
                breaks += 1
                if isFull(i - 1) { fullBreaks += 1 }
            }
            // Full lines that a next line could continue (not a paragraph's evident last line,
            // before a blank line or an indented line).
            var full = 0, fullEnding = 0
            for (i, w) in widths.enumerated() where kinds[i] == nil && w >= plateau - 4 && w > 0 && i + 1 < lines.count {
                let next = lines[i + 1]
                guard kinds[i + 1] == nil, next.blankLinesBefore == 0, !(marking.indented && next.indented) else { continue }
                full += 1
                if parser.endsParagraph(p, lines[i].range) { fullEnding += 1 }
            }
            wrapped = fullBreaks * 2 >= breaks && fullEnding * 10 <= full * 3
        }

        /// Whether line `i` continues the paragraph of line `i - 1`.
        func joins(_ i: Int) -> Bool {
            guard wrapped, candidates[i], isFull(i - 1) else { return false }
            // A short last line without final punctuation is a line of its own.
            let next = lines[i].range
            if widths[i] < plateau - 4, i + 1 >= lines.count || !candidates[i + 1] || !isFull(i),
               !parser.endsParagraph(p, next), !HardWrap.endsWithClosing(p, next) {
                return false
            }
            return true
        }

        /// Whether line `i` fills its line: within two CJK characters of the plateau, or too
        /// full for the next line's first Latin word.
        func isFull(_ i: Int) -> Bool {
            if widths[i] >= plateau - 4 { return true }
            guard i + 1 < lines.count else { return false }
            let range = lines[i].range, next = lines[i + 1].range
            guard !range.isEmpty, !next.isEmpty, p[range.upperBound - 1] < 0x80, p[next.lowerBound] < 0x80 else { return false }
            var word = 0
            var k = next.lowerBound
            while k < next.upperBound && p[k] < 0x80 && p[k] != 0x20 { word += 1; k += 1 }
            return widths[i] + 1 + word > plateau
        }

        static func endsWithClosing(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
            let v = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)).value
            return v == 0xFF09 || v == 0x29 || v == 0x300B || v == 0x201D || v == 0x300D
        }

        /// The display width of a line, near enough for line-length statistics: ASCII and
        /// two-byte scalars one column, scalars from U+2000 on (CJK, full-width forms, and the
        /// punctuation Chinese type sets full width) two.
        static func width(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
            var w = 0
            var i = range.lowerBound
            while i < range.upperBound {
                let b = p[i]
                if b < 0x80 { w += 1; i += 1 }
                else if b < 0xE0 { w += 1; i += 2 }
                else if b < 0xF0 { w += b >= 0xE2 ? 2 : 1; i += 3 }
                else { w += 2; i += 4 }
            }
            return w
        }
    }

    /// Whether a line ends a paragraph (sentence-final punctuation, possibly before a closing quote).
    func endsParagraph(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        var hi = range.upperBound
        var v = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: hi, lowerBound: range.lowerBound)).value
        if v == 0x201D || v == 0x300D || v == 0x300F || v == 0x2019 || v == 0xFF09 || v == 0x29 {
            hi = UTF8Scalars.previousStart(p, before: hi, lowerBound: range.lowerBound)
            guard hi > range.lowerBound else { return true }
            v = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: hi, lowerBound: range.lowerBound)).value
        }
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0xFF1B, 0xFF1A, 0x21, 0x3F, 0x2E: return true
        default: return false
        }
    }
}
