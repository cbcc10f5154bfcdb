import DubenModel

extension Reader {
    /// Shows a dated item: its first line at the top of the text area.
    mutating func go(to item: DatedItem) {
        if item.documentIndex != documentIndex { open(document: item.documentIndex) }
        show(block: item.block, offset: item.offset)
    }

    /// "2020-03-27 同美国总统特朗普通电话" for a quotation.
    func describe(_ q: Quotation) -> String {
        let date = q.citation.date.description
        return q.citation.occasion.isEmpty ? date : "\(date) \(q.citation.occasion)"
    }

    /// ] and [: the next or previous quotation in reading order, across documents.
    mutating func stepQuotation(forward: Bool) {
        let doc = document
        var target: Quotation?
        if forward {
            if let q = currentQuotation { target = q.index + 1 < doc.quotations.count ? doc.quotations[q.index + 1] : nil }
            else { target = doc.quotations.first { $0.startBlock > top.block } }
        } else if let q = currentQuotation, top.block > q.startBlock || top.row > 0 {
            target = q
        } else {
            target = doc.quotations.last { $0.startBlock < top.block }
        }
        if let q = target {
            // The status line shows the quotation's date, occasion and number.
            show(block: q.startBlock, offset: 0)
            return
        }
        // Across documents: the first (or last) quotation of the next (or previous) one.
        var d = documentIndex
        while true {
            d += forward ? 1 : -1
            guard d >= 0 && d < corpus.documents.count else {
                if forward, let indexing = indexingLabel {
                    notice = .info("No more quotations yet (\(indexing): the rest of the library is not read yet)")
                } else {
                    notice = .info(forward ? "No more quotations" : "No earlier quotation")
                }
                return
            }
            let other = corpus.documents[d]
            if let q = forward ? other.quotations.first : other.quotations.last {
                open(document: d)
                show(block: q.startBlock, offset: 0)
                notice = .info("Document \(d + 1)/\(corpus.documents.count): \(describe(q))")
                return
            }
        }
    }

    /// Said after an answer about the whole library while it is still being indexed.
    var soFar: String {
        indexingLabel.map { " (\($0): among the documents read so far)" } ?? ""
    }

    /// ) and (: the next or previous quotation in date order across the corpus.
    mutating func stepByDate(forward: Bool) {
        let items = quotationsByDate.items
        guard !items.isEmpty else { notice = .info("No dated quotations"); return }
        var index: Int
        if let q = currentQuotation, let i = quotationsByDate.index(ofDocument: documentIndex, quotation: q.index) {
            index = i + (forward ? 1 : -1)
        } else if let i = quotationsByDate.index(ofDocument: documentIndex) {
            // Outside a quotation in a dated document: from the document's own date.
            index = i + (forward ? 1 : -1)
        } else {
            index = forward ? 0 : items.count - 1
        }
        guard index >= 0 && index < items.count else {
            notice = .info((forward ? "This is the latest quotation" : "This is the earliest quotation") + soFar)
            return
        }
        go(to: items[index])
        if items[index].kind == .document { notice = .info("\(items[index].date) · \(document.title)") }
    }

    /// @: the first quotation or dated document on or after a typed date. A date without a year
    /// ("3月27日", "3-27") takes the year of the current quotation (or document). The notice says
    /// the date reached: "2018-02-12", or "2020-01-22 — nothing on 2018-02-11".
    mutating func jump(toDate text: String) {
        let contextYear = currentQuotation?.citation.date.start.year
            ?? document.ownDate?.start.year
            ?? document.quotations.first?.citation.date.start.year
            ?? quotationsByDate.items.first?.date.start.year
        guard let date = PartialDate(query: text, contextYear: contextYear) else {
            notice = .error("Not a date: \(text) (try 2020-03-27, 2020-03, 2020, 3月27日 or 3-27)")
            return
        }
        guard let i = quotationsByDate.firstIndex(onOrAfter: date) else {
            notice = .error("Nothing dated on or after \(date.iso)" + soFar)
            return
        }
        let item = quotationsByDate.items[i]
        go(to: item)
        let title = item.kind == .document ? " · \(document.title)" : ""
        if item.date.start.lowerBound <= date.upperBound {
            notice = .info("\(item.date)\(title)")
        } else {
            notice = .info("\(item.date.start.iso) — nothing on \(date.iso)\(title)" + soFar)
        }
    }

    /// o: every quotation of the current occasion (same occasion, same date).
    mutating func openOccasion() {
        guard let q = currentQuotation else { notice = .info("Not in a quotation"); return }
        let items = quotationsByDate.items.filter { item in
            guard let qi = item.quotation else { return false }
            let other = corpus.documents[item.documentIndex].quotations[qi]
            return other.citation.date == q.citation.date && other.citation.occasion == q.citation.occasion
        }.sorted { $0.readingOrder < $1.readingOrder }
        let selected = items.firstIndex { $0.documentIndex == documentIndex && $0.quotation == q.index } ?? 0
        overlay = .occasion(selected: selected, items: items)
    }
}
