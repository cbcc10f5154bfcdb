extension DocumentParser {
    /// Labels of lines that give a text's source or point elsewhere ("资料来源：…", "推荐阅读：…"):
    /// before the first quotation they are notes.
    static let sourceLabels: [[Unicode.Scalar]] = ["资料来源", "来源", "出处", "原载", "推荐阅读", "相关阅读", "延伸阅读", "阅读提示"]
        .map { Array($0.unicodeScalars) }

    /// Stage 5b: date lines and front matter, once headings and quotations are known.
    ///
    /// - A citation right under a heading with no text of its own ("（2013年7月23日）"), or a
    ///   paragraph there that is a date line ("2011年11月16日", "2024年1月20日在…会议上"), dates that
    ///   section: it becomes a note and a `sectionDate` passage, and no quotation.
    /// - A quotation does not start with lead lines: short lines without final punctuation
    ///   (an excerpt's number, a subhead, a title or a name line), which stay paragraphs.
    /// - Before the first quotation (when no heading precedes it), everything up to the last
    ///   front-matter line is front matter, not part of it: a lead line, a labelled line
    ///   ("编者按：…", "资料来源：…"), a lead-in ending in "：" or "如下。". Source lines
    ///   ("资料来源：", "来源：", "推荐阅读：" …) there become notes.
    /// - A quotation left without text (its citation follows only lead lines, or, for the
    ///   first, the title's lines or the front matter) is a date line: a note, and the
    ///   document's citation when it follows the title's lines or the front matter directly
    ///   and the document has none, else a section date (a title line then its date). Outside
    ///   collections, so is a citation right after a lead line; the text before it is no
    ///   quotation. At the end of the document (under a signature: "某某市人民政府" then
    ///   "（2024年3月5日）", followed by at most two blocks and no sentence) it dates the
    ///   document when nothing else does.
    /// Returns the sections' dated passages.
    func settleDateLines(_ p: UnsafeBufferPointer<UInt8>, _ structure: inout Structure, isCollection: Bool,
                         citation: inout Citation?) -> [DatedPassage] {
        var passages: [DatedPassage] = []
        var dropped = [Bool](repeating: false, count: structure.quotations.count)
        for entry in structure.toc where !entry.isRunIn {
            let b = entry.block + 1
            guard b < structure.blocks.count else { continue }
            let block = structure.blocks[b]
            var date: Citation? = nil
            if block.kind == .citation, let q = block.quotation, structure.quotations[q].blocks.isEmpty {
                date = structure.quotations[q].citation
                dropped[q] = true
            } else if block.kind == .paragraph, let c = dateLine(p, block.range) {
                date = c
                if let q = block.quotation {
                    let quotation = structure.quotations[q]
                    structure.quotations[q] = Quotation(index: q, blocks: (b + 1)..<quotation.citationBlock, citation: quotation.citation, section: nil)
                }
            }
            guard let date else { continue }
            structure.blocks[b].kind = .note
            structure.blocks[b].quotation = nil
            let offset = scalarCount(p, block.range.lowerBound..<date.textRange.lowerBound)
            passages.append(DatedPassage(kind: .sectionDate, date: date.date, block: b, offset: offset, marker: date.text))
        }
        let firstHeading = structure.toc.first { !$0.isRunIn }?.block ?? Int.max
        var keptBefore = false  // whether a quotation before this one was kept
        for q in structure.quotations.indices where !dropped[q] {
            defer { if !dropped[q] { keptBefore = true } }
            let quotation = structure.quotations[q]
            var start = quotation.startBlock
            let isFirst = !keptBefore && start < firstHeading
            if isFirst {
                for b in quotation.blocks.dropLast() where isFrontMatter(p, structure.blocks[b]) { start = b + 1 }
                for b in quotation.startBlock..<start where hasLabel(p, structure.blocks[b].range, DocumentParser.sourceLabels) {
                    structure.blocks[b].kind = .note
                }
            }
            let textStart = start
            while start < quotation.citationBlock
                    && (structure.blocks[start].kind == .note || isLeadLine(p, structure.blocks[start].range)) {
                start += 1
            }
            // Outside collections, a citation right after a lead line (a signature, a title)
            // is a date line too: "某某市人民政府" then "（2024年3月5日）".
            let afterLeadLine = !isCollection && start < quotation.citationBlock
                && structure.blocks[quotation.citationBlock - 1].kind == .paragraph
                && isLeadLine(p, structure.blocks[quotation.citationBlock - 1].range)
            if afterLeadLine || start == quotation.citationBlock && (isFirst || start > quotation.startBlock) {
                // No text of its own (only lead lines, or the title's lines before it): a date
                // line — the document's when it has none yet, else its section's.
                let b = quotation.citationBlock
                structure.blocks[b].kind = .note
                // The document's: right after the title's lines or the front matter, or at the
                // end under a signature (the date it was issued).
                let after = (quotation.citationBlock + 1)..<structure.blocks.count
                let atEnd = after.count <= 2 && !after.contains { structure.blocks[$0].kind == .paragraph && endsParagraph(p, structure.blocks[$0].range) }
                if citation == nil && (afterLeadLine ? atEnd : isFirst && start == textStart) {
                    citation = quotation.citation
                } else {
                    let c = quotation.citation
                    let offset = scalarCount(p, structure.blocks[b].range.lowerBound..<c.textRange.lowerBound)
                    passages.append(DatedPassage(kind: .sectionDate, date: c.date, block: b, offset: offset, marker: c.text))
                }
                dropped[q] = true
                start = afterLeadLine ? quotation.citationBlock : start
            }
            guard start != quotation.startBlock || dropped[q] else { continue }
            if !dropped[q] {
                structure.quotations[q] = Quotation(index: q, blocks: start..<quotation.citationBlock, citation: quotation.citation, section: nil)
            }
            for b in quotation.startBlock..<start { structure.blocks[b].quotation = nil }
        }
        if dropped.contains(true) { removeQuotations(dropped, from: &structure) }
        return passages.count > 1 ? passages.sorted { $0.block < $1.block } : passages
    }

    /// Removes the dropped quotations, renumbering the others and their blocks.
    func removeQuotations(_ dropped: [Bool], from structure: inout Structure) {
        var newIndex = [Int?](repeating: nil, count: dropped.count)
        var kept: [Quotation] = []
        for (q, quotation) in structure.quotations.enumerated() where !dropped[q] {
            newIndex[q] = kept.count
            kept.append(Quotation(index: kept.count, blocks: quotation.blocks, citation: quotation.citation, section: nil,
                                  citationBlock: quotation.citationBlock))
        }
        for b in structure.blocks.indices {
            if let q = structure.blocks[b].quotation {
                structure.blocks[b].quotation = newIndex[q]
                if newIndex[q] == nil && structure.blocks[b].kind == .citation { structure.blocks[b].kind = .note }
            }
        }
        structure.quotations = kept
    }

    /// A line that ends the front matter when the first quotation follows: a lead line, a
    /// labelled line ("编者按：", "资料来源：" …), or a lead-in ("…摘编如下：", "…现刊发如下。").
    func isFrontMatter(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        guard block.kind == .paragraph || block.kind == .note else { return false }
        let range = block.range
        if isLeadLine(p, range) { return true }
        let last = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)).value
        if last == 0xFF1A || last == 0x3A { return true }
        if last == 0x3002, range.count >= 9, source.string((range.upperBound - 9)..<range.upperBound) == "如下。" { return true }
        return hasLabel(p, range, DocumentParser.sourceLabels) || hasLabel(p, range, DocumentParser.prefaceLabels)
    }

    /// Labels of an editor's preface or summary before a compilation's text.
    static let prefaceLabels: [[Unicode.Scalar]] = ["编者按", "编者的话", "按语", "内容提要", "内容摘要", "摘要", "导读", "导语", "编辑说明", "说明"]
        .map { Array($0.unicodeScalars) }

    /// Whether a line opens with one of `labels` then "：" (or ":").
    func hasLabel(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ labels: [[Unicode.Scalar]]) -> Bool {
        let s = prefix(p, range, scalars: 6)
        for label in labels where s.starts(with: label) && s.count > label.count && (s[label.count] == "：" || s[label.count] == ":") {
            return true
        }
        return false
    }

    /// A short line without final punctuation (at most 40 characters): a number, a subhead, a
    /// title, a name — never the start of a quotation.
    func isLeadLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 120, !endsParagraph(p, range) else { return false }
        let s = UTF8Scalars.scalars(p, range)
        guard s.count <= 40, let last = s.last, !"，,、—".unicodeScalars.contains(last) else { return false }
        return !s.contains("\n")
    }

    /// The number of scalars in a byte range.
    func scalarCount(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where p[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
