extension DocumentParser {
    /// Stage 4's result: what the classified paragraphs say about the document as a whole.
    struct Profile {
        var kind: Document.Kind
        var citationCount: Int
        /// A report's dateline (nil for other kinds).
        var dateline: NewsDateScanner.Found?
        /// The numbers of the bare numerals on lines of their own ("二十五"): one is a heading
        /// only in a sequence (一 then 二).
        var numerals: Set<Int>

        /// A quotation collection: headings only where a quotation ends or the numbering goes on.
        var isCollection: Bool { kind == .quotations }
    }

    /// The fewest chapter headings (第N章/回/编, 楔子, 尾声…) that make a text a book.
    static let bookChapters = 2

    /// Stage 4: the document's kind — a collection is mostly quotations, a report opens with
    /// a dateline, a book has chapters (at least `bookChapters` headings 第N章, 第N回, 第N编,
    /// 楔子, 序章, 尾声…), a speech has an author or speech-like headings ("第一部分",
    /// "第一个问题"); anything else is text.
    func profile(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], author: String?) -> Profile {
        let citationCount = pieces.reduce(0) { if case .citation = $1.kind { return $0 + 1 } else { return $0 } }
        let noteCount = pieces.reduce(0) { if case .note = $1.kind { return $0 + 1 } else { return $0 } }
        let paragraphCount = pieces.count - citationCount - noteCount
        let isCollection = citationCount >= 3 && citationCount * 6 >= paragraphCount
        var news = NewsDateScanner(source: source)
        let dateline = !isCollection ? news.findDateline(p, pieces: pieces) : nil
        var formsPresent = [Bool](repeating: false, count: HeadingForm.allCases.count)
        var chapters = 0
        var numerals = Set<Int>()
        for piece in pieces {
            guard case .heading(let f, let n) = piece.kind else { continue }
            formsPresent[f.rawValue] = true
            if f.isChapter { chapters += 1 }
            if f == .numeral { numerals.insert(n) }
        }
        let kind: Document.Kind
        if isCollection { kind = .quotations }
        else if dateline != nil { kind = .report }
        else if chapters >= Self.bookChapters { kind = .book }
        else if author != nil || formsPresent[HeadingForm.question.rawValue] || formsPresent[HeadingForm.part.rawValue] { kind = .speech }
        else { kind = .text }
        return Profile(kind: kind, citationCount: citationCount, dateline: dateline, numerals: numerals)
    }
}
