extension DocumentParser {
    /// Stage 5a, collections only: whether the collection puts its dates **before** its
    /// passages (`（2019年3月5日）` alone on its line, then the passage, then the next date
    /// line…), and if so its quotations made again that way. Decided from the document as a
    /// whole, sections apart (the title's lines, then each heading's section):
    /// - every citation is a line of its own (none ends a passage's line) and is followed by
    ///   a paragraph;
    /// - in every section with citations, nothing but front matter (lead lines, labelled
    ///   lines, a lead-in ending in "：") comes before its first citation, and a sentence comes
    ///   after its last one.
    /// Any section in the usual shape (text, then its citation) keeps the default: dates after
    /// passages. A date line right under the title (`headerDate`, the header's last note) counts
    /// as the first section's first citation; when the dates come first it is the first
    /// passage's, not the document's (`citation` is cleared).
    ///
    /// Each quotation is then the paragraphs after its citation up to the next citation,
    /// heading or note, without short lines without final punctuation at its end (the next
    /// excerpt's number or subhead). Returns whether the quotations were made again.
    func regroupDatesBefore(_ p: UnsafeBufferPointer<UInt8>, _ structure: inout Structure, headerDate: Int?,
                            citation: inout Citation?) -> Bool {
        guard let firstQuotation = structure.quotations.first else { return false }
        var cites = structure.quotations.map(\.citationBlock)
        if let h = headerDate, citation != nil, h < firstQuotation.citationBlock { cites.insert(h, at: 0) }
        guard cites.count >= 2 else { return false }
        let blocks = structure.blocks
        for c in cites {
            // A citation glued to its passage's last line closes that passage.
            if !startsLine(p, blocks[c].range) { return false }
            guard c + 1 < blocks.count, blocks[c + 1].kind == .paragraph else { return false }
        }
        // Sections: from the start, and from each heading.
        var bounds = [0] + structure.toc.filter { !$0.isRunIn }.map(\.block)
        bounds.append(blocks.count)
        var k = 0
        for s in 0..<(bounds.count - 1) {
            let section = bounds[s]..<bounds[s + 1]
            var inSection: [Int] = []
            while k < cites.count && cites[k] < section.upperBound {
                if cites[k] >= section.lowerBound { inSection.append(cites[k]) }
                k += 1
            }
            guard let first = inSection.first, let last = inSection.last else { continue }
            for b in section.lowerBound..<first where blocks[b].kind == .paragraph && !isFrontMatter(p, blocks[b]) {
                return false
            }
            let textAfter = ((last + 1)..<section.upperBound).contains {
                blocks[$0].kind == .paragraph && endsParagraph(p, blocks[$0].range)
            }
            if !textAfter { return false }
        }
        // Made again: each citation with the paragraphs after it.
        var citations: [Int: Citation] = [:]
        for q in structure.quotations { citations[q.citationBlock] = q.citation }
        if let h = headerDate, cites.first == h, let c = citation {
            citations[h] = c
            citation = nil
        }
        for b in structure.blocks.indices { structure.blocks[b].quotation = nil }
        var quotations: [Quotation] = []
        for c in cites {
            guard let cited = citations[c] else { continue }
            var end = c + 1
            while end < blocks.count && blocks[end].kind == .paragraph { end += 1 }
            while end > c + 2 && isLeadLine(p, blocks[end - 1].range) { end -= 1 }
            let qi = quotations.count
            structure.blocks[c].kind = .citation
            structure.blocks[c].quotation = qi
            for b in (c + 1)..<end { structure.blocks[b].quotation = qi }
            quotations.append(Quotation(index: qi, blocks: (c + 1)..<end, citation: cited, section: nil, citationBlock: c))
        }
        structure.quotations = quotations
        return true
    }

    /// Whether a byte range starts its source line (only spaces before it on the line).
    func startsLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i > 0 {
            let b = p[i - 1]
            if b == 0x0A { return true }
            if b == 0x20 || b == 0x09 { i -= 1; continue }
            // U+3000 (E3 80 80) and U+00A0 (C2 A0): indentation.
            if i >= 3, b == 0x80, p[i - 2] == 0x80, p[i - 3] == 0xE3 { i -= 3; continue }
            if i >= 2, b == 0xA0, p[i - 2] == 0xC2 { i -= 2; continue }
            return false
        }
        return true
    }
}
