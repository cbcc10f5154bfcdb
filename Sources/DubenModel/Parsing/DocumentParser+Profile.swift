extension DocumentParser {
    /// Stage 4's result: what the classified paragraphs say about the document as a whole.
    struct Profile {
        var kind: Document.Kind
        /// The heading forms the document uses, highest rank first: the first is level 1.
        var headingRanks: [HeadingForm]
        var citationCount: Int
        /// A report's dateline (nil for other kinds).
        var dateline: NewsDateScanner.Found?

        /// A quotation collection: headings only where a quotation ends or the numbering goes on.
        var isCollection: Bool { kind == .quotations }
    }

    /// Stage 4: the document's kind — a collection is mostly quotations, a report opens with
    /// a dateline, a speech has an author or speech-like headings ("第一部分", "第一个问题");
    /// anything else is text — and the heading forms in rank order.
    func profile(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], author: String?) -> Profile {
        let citationCount = pieces.reduce(0) { if case .citation = $1.kind { return $0 + 1 } else { return $0 } }
        let noteCount = pieces.reduce(0) { if case .note = $1.kind { return $0 + 1 } else { return $0 } }
        let paragraphCount = pieces.count - citationCount - noteCount
        let isCollection = citationCount >= 3 && citationCount * 6 >= paragraphCount
        var news = NewsDateScanner(source: source)
        let dateline = !isCollection ? news.findDateline(p, pieces: pieces) : nil
        var formsPresent = [Bool](repeating: false, count: HeadingForm.allCases.count)
        for piece in pieces { if case .heading(let f, _) = piece.kind { formsPresent[f.rawValue] = true } }
        let kind: Document.Kind
        if isCollection { kind = .quotations }
        else if dateline != nil { kind = .report }
        else if author != nil || formsPresent[HeadingForm.question.rawValue] || formsPresent[HeadingForm.part.rawValue] { kind = .speech }
        else { kind = .text }
        return Profile(kind: kind, headingRanks: HeadingForm.allCases.filter { formsPresent[$0.rawValue] },
                       citationCount: citationCount, dateline: dateline)
    }
}
