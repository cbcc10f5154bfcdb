extension DocumentParser {
    /// Stage 5's result: the document's blocks, its table of contents (headings only, so
    /// far, their levels not yet set) and its quotations (sections not yet assigned).
    struct Structure {
        var blocks: [Block]
        var toc: [TOCEntry]
        /// The form of each entry of `toc`, from which stage 6 sets the levels.
        var forms: [HeadingForm]
        /// The number of each entry of `toc` (0 when unnumbered).
        var numbers: [Int]
        var quotations: [Quotation]
    }

    /// Stage 5: each classified piece becomes one block. A citation closes a quotation: the
    /// paragraphs since the last citation, heading or note. A heading candidate becomes a heading
    /// when `isHeading` says so, else a paragraph; a short one-line paragraph may be an
    /// unnumbered subhead (`isSubhead`).
    func blocks(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], _ profile: Profile) -> Structure {
        // One block per piece: reserve exactly (the corpus keeps them).
        var blocks: [Block] = []
        blocks.reserveCapacity(pieces.count)
        var toc: [TOCEntry] = []
        var forms: [HeadingForm] = []
        var numbers: [Int] = []
        var quotations: [Quotation] = []
        quotations.reserveCapacity(profile.citationCount)
        var pending: [Int] = []  // paragraph blocks since the last boundary
        var lastNumber = [Int](repeating: 0, count: HeadingForm.allCases.count)
        let subheads = SubheadContext(self, p, pieces, profile)
        func addHeading(_ piece: Piece, _ form: HeadingForm, _ number: Int) {
            blocks.append(Block(kind: .heading(level: 1), range: piece.range, isIndented: false))
            toc.append(TOCEntry(level: 1, labelRange: piece.range, in: source, block: blocks.count - 1, isRunIn: false))
            forms.append(form)
            numbers.append(number)
            pending = []
        }
        for (i, piece) in pieces.enumerated() {
            switch piece.kind {
            case .citation(let c):
                let qi = quotations.count
                let paragraphs = pending.isEmpty ? blocks.count..<blocks.count : pending[0]..<blocks.count
                for b in paragraphs where blocks[b].kind == .paragraph { blocks[b].quotation = qi }
                blocks.append(Block(kind: .citation, range: piece.range, isIndented: piece.indented, quotation: qi))
                quotations.append(Quotation(index: qi, blocks: paragraphs, citation: c, section: nil))
                pending = []
            case .heading(let form, let n):
                if isHeading(p, piece.range, form: form, number: n, previous: lastNumber[form.rawValue],
                             atBoundary: pending.isEmpty, nextIsText: subheads.isText(i + 1), profile) {
                    addHeading(piece, form, n)
                    if n > 0 { lastNumber[form.rawValue] = n }
                    // A heading starts the numbering of the forms below it afresh.
                    for lower in (form.rawValue + 1)..<lastNumber.count { lastNumber[lower] = 0 }
                } else {
                    pending.append(blocks.count)
                    blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
                }
            case .note:
                // A note is never part of a quotation: one starts after it.
                blocks.append(Block(kind: .note, range: piece.range, isIndented: piece.indented))
                pending = []
            case .text:
                if subheads.isSubhead(i, atBoundary: pending.isEmpty || i == 0) {
                    addHeading(piece, .subhead, 0)
                } else {
                    pending.append(blocks.count)
                    blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
                }
            }
        }
        return Structure(blocks: blocks, toc: toc, forms: forms, numbers: numbers, quotations: quotations)
    }

    /// Whether a heading candidate of `form` numbered `number` is a heading.
    ///
    /// - A bare numeral ("二十五") only in a sequence: a number above the last one of its form
    ///   (one may have been lost), or 一 when the document also has 二; in a collection also at
    ///   a quotation boundary when the document has others.
    /// - A marker subhead (■, ★, 【…】) only before text (not a run of marker lines).
    /// - In a collection, quotations can hold numbered lists: only at a quotation boundary
    ///   (`atBoundary`: no paragraph since the last citation or heading), or when it continues
    ///   its form's numbering (`previous` + 1) without ending a sentence — not for Arabic
    ///   numbers (1. （1）), the usual numbers of such lists. Elsewhere always.
    func isHeading(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, form: HeadingForm, number: Int, previous: Int,
                   atBoundary: Bool, nextIsText: Bool, _ profile: Profile) -> Bool {
        if form == .numeral {
            let inSequence = previous >= 1 ? number > previous : number == 1 && profile.numerals.contains(2)
            let excerptNumber = profile.isCollection && atBoundary && profile.numerals.count >= 2
            if !inSequence && !excerptNumber { return false }
        }
        if form == .marker && !nextIsText { return false }
        if !profile.isCollection || atBoundary { return true }
        // A list inside a quotation ("1.坚持生态优先" / "2.…") goes on in sequence too: Arabic
        // numbers are headings of a collection only at a boundary.
        if form == .arabic || form == .parenthesisedArabic { return false }
        return number > 0 && previous + 1 == number && !endsParagraph(p, range)
    }

    /// What decides whether a short line between paragraphs is an unnumbered subhead
    /// (Docs/FORMAT.md, "Headings"): signals scored, never length alone.
    struct SubheadContext {
        let parser: DocumentParser
        let p: UnsafeBufferPointer<UInt8>
        let pieces: [Piece]
        let profile: Profile
        /// The median byte length of the document's text pieces (computed only when needed).
        var median = 0
        /// Candidates that pass the shape and neighbour tests: subheads come in twos or more.
        var candidates = 0

        init(_ parser: DocumentParser, _ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], _ profile: Profile) {
            self.parser = parser
            self.p = p
            self.pieces = pieces
            self.profile = profile
            guard profile.kind != .book else { return }
            // Most documents have fewer than two lines of the shape: no median needed.
            guard pieces.indices.reduce(0, { $0 + (candidate($1, signal: false) ? 1 : 0) }) >= 2 else { return }
            var lengths: [Int] = []
            for i in pieces.indices where isText(i) { lengths.append(pieces[i].range.count) }
            lengths.sort()
            median = lengths[lengths.count / 2]
            candidates = pieces.indices.reduce(0) { $0 + (candidate($1) ? 1 : 0) }
        }

        func isText(_ i: Int) -> Bool {
            guard i < pieces.count, case .text = pieces[i].kind else { return false }
            return true
        }

        /// The longest subhead, in bytes (three a character).
        static let maxBytes = HeadingRecognizer.maxShortHeadingLength * 3

        /// A one-line text piece shaped like a subhead: short, no final punctuation, no
        /// sentence or clause inside, not a credit or a caption; after a paragraph that ends a
        /// sentence (or, in a collection, at a quotation boundary) and before a paragraph at
        /// least twice its length that is not itself such a line; not indented like that
        /// paragraph; and one more signal: no indent where the next paragraph has one, or a
        /// third of the median length at most (`signal`: false leaves that last test out).
        func candidate(_ i: Int, signal: Bool = true) -> Bool {
            let length = pieces[i].range.count
            guard length >= 4, length <= Self.maxBytes, pieces[i].lineCount == 1, isText(i),
                  isText(i + 1), pieces[i + 1].range.count >= 2 * length, !shaped(i + 1) else { return false }
            if profile.isCollection {
                if i > 0, case .text = pieces[i - 1].kind { return false }
            } else {
                guard i > 0 else { return false }
                switch pieces[i - 1].kind {
                case .text: if !parser.endsParagraph(p, pieces[i - 1].range) || shaped(i - 1) { return false }
                case .citation, .heading, .note: break
                }
            }
            guard shaped(i) else { return false }
            // Indented like the body: a paragraph (or a caption), not a subhead.
            if pieces[i].indented && pieces[i + 1].indented { return false }
            let contrast = !pieces[i].indented && pieces[i + 1].indented
            return !signal || contrast || length * 3 <= median
        }

        /// Short, without final or inner sentence punctuation, at most one comma, not a credit.
        func shaped(_ i: Int) -> Bool {
            let range = pieces[i].range
            guard pieces[i].lineCount == 1, range.count <= Self.maxBytes, range.count >= 4 else { return false }
            let first = UTF8Scalars.decode(p, at: range.lowerBound).value
            let lastStart = UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)
            // A slogan line in quotation marks (“绿水青山”变“金山银山”) is a title too.
            let last = UTF8Scalars.decode(p, at: lastStart).value
            guard isTitleCharacter(first) || first == 0x201C, isTitleCharacter(last) || last == 0x201D else { return false }
            let s = UTF8Scalars.scalars(p, range)
            var commas = 0
            for c in s {
                switch c {
                case "。", "！", "？", "；", "：", "!", "?", ";", ":", "…", "、": return false
                case "，", ",": commas += 1
                default: break
                }
            }
            if commas > 1 || s.allSatisfy({ DateParser.digit($0) != nil || UTF8Scalars.isSpace($0.value) }) { return false }
            // Photo credits, and captions or chronicle entries that open with a date.
            if s.last == "摄" || s.suffix(2).elementsEqual("供图".unicodeScalars) { return false }
            if let m = DateParser(s).span(at: 0, requireYear: false), m.end < s.count, s[m.end] == "，" || s[m.end] == "," { return false }
            return true
        }

        /// Letters, digits and ideographs: what a title starts and ends with (not brackets,
        /// dashes or punctuation; quotation marks are checked apart).
        func isTitleCharacter(_ v: UInt32) -> Bool {
            (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v)
                || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || (0xFF10...0xFF19).contains(v)
        }

        /// Whether the text piece `i` is an unnumbered subhead: a `candidate`, one of at least
        /// two in the document, and in a collection at a quotation boundary.
        func isSubhead(_ i: Int, atBoundary: Bool) -> Bool {
            candidates >= 2 && (!profile.isCollection || atBoundary) && candidate(i)
        }
    }
}
