extension DocumentParser {
    /// A source line without its indentation and trailing white space.
    struct Line {
        var range: Range<Int>
        /// Whether the line was indented (its first paragraph line, in indented text).
        var indented: Bool
        var blankLinesBefore: Int
    }

    /// How a document's body marks its paragraphs, judged once for the whole body. Whatever
    /// the marking, a blank line, an indented line or a standalone line (citation, heading)
    /// starts a paragraph (`startsParagraph`); the marking decides for the other lines. With
    /// neither marking, each line is a paragraph.
    struct ParagraphMarking {
        /// Blank lines between paragraphs: any other line continues the paragraph before it.
        var blankSeparated: Bool
        /// Indented first lines (and no blank lines between paragraphs): an unindented line
        /// continues its paragraph unless that paragraph already ends a sentence.
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
    /// pieces come out `checked`, with their kind.
    func paragraphs(_ p: UnsafeBufferPointer<UInt8>, _ body: ArraySlice<Line>) -> [Piece] {
        let marking = ParagraphMarking(body)
        var pieces: [Piece] = []
        var previousStandalone = true
        for line in body {
            let lineKind = standaloneKind(p, line.range)
            let standalone = lineKind != nil
            if startsParagraph(p, line, standalone: standalone, previousStandalone: previousStandalone,
                               after: pieces.isEmpty ? nil : pieces[pieces.count - 1].range, marking) {
                var piece = Piece(range: line.range, indented: line.indented, lineCount: 1, kind: lineKind ?? .text)
                piece.checked = standalone
                pieces.append(piece)
            } else {
                pieces[pieces.count - 1].range = pieces[pieces.count - 1].range.lowerBound..<line.range.upperBound
                pieces[pieces.count - 1].lineCount += 1
            }
            previousStandalone = standalone
        }
        return pieces
    }

    /// Whether a line starts a paragraph rather than continuing the one before (`previous`,
    /// nil at the start of the body). A blank line, an indentation, or a standalone line
    /// (citation, heading) on either side always starts one; otherwise `marking` decides.
    func startsParagraph(_ p: UnsafeBufferPointer<UInt8>, _ line: Line, standalone: Bool, previousStandalone: Bool,
                         after previous: Range<Int>?, _ marking: ParagraphMarking) -> Bool {
        guard let previous else { return true }
        if line.blankLinesBefore > 0 || line.indented || standalone || previousStandalone { return true }
        if marking.blankSeparated { return false }
        return !marking.indented || endsParagraph(p, previous)
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
