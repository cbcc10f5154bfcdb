extension DocumentParser {
    /// Stage 5's result: the document's blocks, its table of contents (headings only, so
    /// far) and its quotations (sections not yet assigned).
    struct Structure {
        var blocks: [Block]
        var toc: [TOCEntry]
        var quotations: [Quotation]
    }

    /// Stage 5: each classified piece becomes one block. A citation closes a quotation: the
    /// paragraphs since the last citation, heading or note. A heading candidate becomes a heading
    /// when `isHeading` says so, else a paragraph.
    func blocks(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], _ profile: Profile) -> Structure {
        // One block per piece: reserve exactly (the corpus keeps them).
        var blocks: [Block] = []
        blocks.reserveCapacity(pieces.count)
        var toc: [TOCEntry] = []
        var quotations: [Quotation] = []
        quotations.reserveCapacity(profile.citationCount)
        var pending: [Int] = []  // paragraph blocks since the last boundary
        var lastNumber = [Int](repeating: 0, count: HeadingForm.allCases.count)
        for piece in pieces {
            switch piece.kind {
            case .citation(let c):
                let qi = quotations.count
                let paragraphs = pending.isEmpty ? blocks.count..<blocks.count : pending[0]..<blocks.count
                for b in paragraphs where blocks[b].kind == .paragraph { blocks[b].quotation = qi }
                blocks.append(Block(kind: .citation, range: piece.range, isIndented: piece.indented, quotation: qi))
                quotations.append(Quotation(index: qi, blocks: paragraphs, citation: c, section: nil))
                pending = []
            case .heading(let form, let n):
                if isHeading(p, piece.range, number: n, previous: lastNumber[form.rawValue], atBoundary: pending.isEmpty, profile) {
                    let level = (profile.headingRanks.firstIndex(of: form) ?? 0) + 1
                    blocks.append(Block(kind: .heading(level: level), range: piece.range, isIndented: false))
                    toc.append(TOCEntry(level: level, labelRange: piece.range, in: source, block: blocks.count - 1, isRunIn: false))
                    lastNumber[form.rawValue] = n
                    pending = []
                } else {
                    pending.append(blocks.count)
                    blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
                }
            case .note:
                // A note is never part of a quotation: one starts after it.
                blocks.append(Block(kind: .note, range: piece.range, isIndented: piece.indented))
                pending = []
            case .text:
                pending.append(blocks.count)
                blocks.append(Block(kind: .paragraph, range: piece.range, isIndented: piece.indented))
            }
        }
        return Structure(blocks: blocks, toc: toc, quotations: quotations)
    }

    /// Whether a heading candidate numbered `number` is a heading. Outside collections it
    /// always is. Inside a collection quotations can hold numbered lists, so only at a
    /// quotation boundary (`atBoundary`: no paragraph since the last citation or heading), or
    /// when it continues its form's numbering (`previous` + 1) without ending a sentence.
    func isHeading(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int, previous: Int, atBoundary: Bool,
                   _ profile: Profile) -> Bool {
        !profile.isCollection || atBoundary || (previous + 1 == number && !endsParagraph(p, range))
    }
}
