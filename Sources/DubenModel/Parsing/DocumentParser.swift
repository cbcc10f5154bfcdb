/// Turns the lines of one document into a `Document`: title, author, paragraphs (joining
/// hard-wrapped lines), citations, headings, run-in points, quotations and news dates.
///
/// The parser reads UTF-8 bytes and byte ranges; it decodes scalars only for the few lines
/// that may be headings or citations (they start or end with a telling character).
public struct DocumentParser {
    let source: SourceFile

    public init(source: SourceFile) { self.source = source }

    /// A paragraph being assembled from source lines.
    struct Piece {
        var range: Range<Int>
        var indented: Bool
        var lineCount: Int
        var kind: Kind
        /// Whether `kind` already holds the result of checking this (one-line) piece.
        var checked = false
        enum Kind { case text, citation(Citation), heading(HeadingForm, Int) }
    }

    public func parse(lines: [SourceLine], metadata: MetadataFile? = nil) -> Document {
        source.bytes.withUnsafeBufferPointer { p in parse(p, lines: lines, metadata: metadata) }
    }

    func parse(_ p: UnsafeBufferPointer<UInt8>, lines: [SourceLine], metadata: MetadataFile?) -> Document {
        let docRange = (lines.first?.range.lowerBound ?? 0)..<(lines.last?.range.upperBound ?? 0)
        var content = lines.map { trim(p, $0.range) }
        let title = source.string(content.first?.range ?? 0..<0)
        var bodyStart = 1
        var author: String? = nil
        if content.count > 2, isNameLine(p, content[1].range) {
            author = source.string(content[1].range)
            bodyStart = 2
        }

        // 1. Paragraphs: join hard-wrapped lines.
        let body = Array(lines[min(bodyStart, lines.count)...])
        content = Array(content[min(bodyStart, content.count)...])
        let blankSeparated = body.dropFirst().contains { $0.blankLinesBefore > 0 }
        let indentMode = content.contains { $0.indented }
        var pieces: [Piece] = []
        var previousStandalone = true
        for (k, line) in content.enumerated() {
            let lineKind = standaloneKind(p, line.range)
            let standalone = lineKind != nil
            var startsNew = pieces.isEmpty || body[k].blankLinesBefore > 0 || line.indented || standalone || previousStandalone
            if !startsNew && !blankSeparated {
                startsNew = !indentMode || endsParagraph(p, pieces[pieces.count - 1].range)
            }
            if startsNew {
                var piece = Piece(range: line.range, indented: line.indented, lineCount: 1, kind: lineKind ?? .text)
                piece.checked = lineKind != nil
                pieces.append(piece)
            } else {
                pieces[pieces.count - 1].range = pieces[pieces.count - 1].range.lowerBound..<line.range.upperBound
                pieces[pieces.count - 1].lineCount += 1
            }
            previousStandalone = standalone
        }

        // 2. Citations (whole lines and paragraph tails) and heading candidates. One-line
        //    pieces were judged whole in step 1; only their tails are left to check.
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
            if last == 0xFF09 || last == 0x29, let split = tailCitation(p, piece, scalars: UTF8Scalars.scalars(p, piece.range)) {
                classified.append(split.0)
                classified.append(split.1)
                continue
            }
            classified.append(piece)
        }

        // 3. Kind: a collection is mostly quotations; a report opens with a dateline.
        let citationCount = classified.reduce(0) { if case .citation = $1.kind { return $0 + 1 } else { return $0 } }
        let paragraphCount = classified.count - citationCount
        let isCollection = citationCount >= 3 && citationCount * 6 >= paragraphCount
        var news = NewsDateScanner(source: source)
        let datelineFound = !isCollection ? news.findDateline(p, pieces: classified.map(\.range)) : nil

        // 4. Headings (in a collection only at a quotation boundary or in sequence), blocks,
        //    quotations.
        var formsPresent = [Bool](repeating: false, count: HeadingForm.allCases.count)
        for piece in classified { if case .heading(let f, _) = piece.kind { formsPresent[f.rawValue] = true } }
        let ranks = HeadingForm.allCases.filter { formsPresent[$0.rawValue] }
        // Each classified piece becomes one block: reserve exactly (the corpus keeps them).
        var blocks: [Block] = []
        blocks.reserveCapacity(classified.count)
        var toc: [TOCEntry] = []
        var quotations: [Quotation] = []
        quotations.reserveCapacity(citationCount)
        var pending: [Int] = []  // paragraph blocks since the last boundary
        var lastNumber = [Int](repeating: 0, count: HeadingForm.allCases.count)
        for piece in classified {
            switch piece.kind {
            case .citation(let c):
                let qi = quotations.count
                let paragraphs = pending.isEmpty ? blocks.count..<blocks.count : pending[0]..<blocks.count
                for b in paragraphs where blocks[b].kind == .paragraph { blocks[b].quotation = qi }
                blocks.append(Block(kind: .citation, range: piece.range, isIndented: piece.indented, quotation: qi))
                quotations.append(Quotation(index: qi, blocks: paragraphs, citation: c, section: nil))
                pending = []
            case .heading(let form, let n):
                let inSequence = lastNumber[form.rawValue] + 1 == n
                if !isCollection || pending.isEmpty || (inSequence && !endsParagraph(p, piece.range)) {
                    let level = (ranks.firstIndex(of: form) ?? 0) + 1
                    blocks.append(Block(kind: .heading(level: level), range: piece.range, isIndented: false))
                    toc.append(TOCEntry(level: level, labelRange: piece.range, in: source, block: blocks.count - 1, isRunIn: false))
                    lastNumber[form.rawValue] = n
                    pending = []
                } else {
                    pending.append(blocks.count)
                    blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
                }
            case .text:
                pending.append(blocks.count)
                blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
            }
        }

        // 5. Kind, run-in points (speeches, outside quotations), news dates.
        let kind: Document.Kind
        if isCollection { kind = .quotations }
        else if datelineFound != nil { kind = .report }
        else if author != nil || formsPresent[HeadingForm.question.rawValue] || formsPresent[HeadingForm.part.rawValue] { kind = .speech }
        else { kind = .text }
        if kind == .speech {
            var withRunIns: [TOCEntry] = []
            var currentLevel = 0
            var nextHeading = 0
            for (b, block) in blocks.enumerated() {
                while nextHeading < toc.count && toc[nextHeading].block == b {
                    currentLevel = toc[nextHeading].level
                    withRunIns.append(toc[nextHeading])
                    nextHeading += 1
                }
                guard block.kind == .paragraph, block.quotation == nil else { continue }
                let first = UTF8Scalars.decode(p, at: block.range.lowerBound).value
                guard first == 0x7B2C /* 第 */ || Unicode.Scalar(first).map(DateParser.canStartDate) == true else { continue }
                guard HeadingRecognizer.isRunInPoint(prefix(p, block.range, scalars: HeadingRecognizer.formPrefixLength)) else { continue }
                // The label: the first sentence, or the characters that start in the first 360
                // bytes when it is longer.
                let limit = min(block.range.upperBound, block.range.lowerBound + 360)
                var end = block.range.lowerBound
                while end < limit {
                    let (v, n) = UTF8Scalars.decode(p, at: end)
                    if HeadingRecognizer.endsRunInLabel(v) { break }
                    end += n
                }
                withRunIns.append(TOCEntry(level: currentLevel + 1, labelRange: block.range.lowerBound..<end, in: source, block: b,
                                           isRunIn: true))
            }
            toc = withRunIns
        }
        var document = Document(
            id: "", title: title, author: author, kind: kind, source: source, range: docRange,
            blocks: blocks, toc: toc, quotations: quotations, dateline: nil, datedPassages: [], metadata: nil)
        for qi in document.quotations.indices {
            document.quotations[qi].section = document.section(at: document.quotations[qi].citationBlock)
        }
        document.id = DocumentID.make(title: title)
        document.metadata = metadata?.lookup(id: document.id, title: title)
        if kind == .report, let dateline = datelineFound {
            news.assign(p, to: &document, dateline: dateline)
        }
        return document
    }

    // MARK: Line helpers

    struct Content { var range: Range<Int>; var indented: Bool }

    /// The line without its indentation and trailing white space.
    func trim(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Content {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let (v, n) = UTF8Scalars.decode(p, at: lo)
            if UTF8Scalars.isSpace(v) || v == 0xFEFF { lo += n } else { break }
        }
        while hi > lo {
            let s = UTF8Scalars.previousStart(p, before: hi, lowerBound: lo)
            if UTF8Scalars.isSpace(UTF8Scalars.decode(p, at: s).value) { hi = s } else { break }
        }
        return Content(range: lo..<hi, indented: lo > range.lowerBound)
    }

    /// "习近平", "毛泽东", "Xi Jinping": a short line of a name (no sentence punctuation).
    func isNameLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let s = UTF8Scalars.scalars(p, range)
        guard (2...12).contains(s.count), HeadingRecognizer.heading(s) == nil else { return false }
        let cjkName = s.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0 == "·" || $0 == "・" || $0 == " " || $0 == "\u{3000}" }
        let latinName = s.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || $0 == " " || $0 == "." || $0 == "-" }
        return cjkName || latinName
    }

    /// Whether a scalar may open a heading, a citation or a run-in point.
    func isMarkerStart(_ v: UInt32) -> Bool {
        switch v {
        case 0x7B2C /* 第 */, 0xFF08 /* （ */, 0x28 /* ( */, 0x2014 /* — */, 0x2015, 0x2D: return true
        default: return Unicode.Scalar(v).map(DateParser.canStartDate) ?? false
        }
    }

    /// Lines that are blocks of their own even in hard-wrapped text: citations and headings.
    ///
    /// Most lines are settled from their first and last characters and their length; only
    /// lines that could still be a citation or a heading are decoded to scalars.
    func standaloneKind(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Piece.Kind? {
        guard !range.isEmpty else { return nil }
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard isMarkerStart(first) else { return nil }
        let last = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)).value
        let bracketed = (first == 0xFF08 || first == 0x28) && (last == 0xFF09 || last == 0x29)
        let dashed = first == 0x2014 || first == 0x2015 || first == 0x2D
        // A heading has at most maxHeadingLength scalars, so at most 4 bytes each.
        let short = range.count <= HeadingRecognizer.maxHeadingLength * 4
        guard bracketed || dashed || short else { return nil }
        // A heading shows its form in its first few scalars: look at those first.
        let couldBeHeading = short && HeadingRecognizer.form(prefix(p, range, scalars: HeadingRecognizer.formPrefixLength)) != nil
        guard bracketed || dashed || couldBeHeading else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        if bracketed || dashed, let c = CitationParser.parseLine(s, source: source, at: range.lowerBound) { return .citation(c) }
        if couldBeHeading, let (form, n) = HeadingRecognizer.heading(s) { return .heading(form, n) }
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

extension ArraySlice where Element == Unicode.Scalar {
    func trimmingSpacesSuffix() -> ArraySlice<Unicode.Scalar> {
        var hi = endIndex
        while hi > startIndex && (UTF8Scalars.isSpace(self[hi - 1].value) || self[hi - 1] == "\n") { hi -= 1 }
        return self[startIndex..<hi]
    }
}
