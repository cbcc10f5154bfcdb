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
    /// 楔子, 序章, 尾声…), a speech has an author, speech-like headings ("第一部分",
    /// "第一个问题"), a title naming a speech (`isSpeechTitle`) or a salutation among its first
    /// lines (`isSalutation`); anything else is text.
    func profile(_ p: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], title: String, author: String?) -> Profile {
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
        else if author != nil || formsPresent[HeadingForm.question.rawValue] || formsPresent[HeadingForm.part.rawValue]
                    || Self.isSpeechTitle(title) || pieces.prefix(3).contains(where: { isSalutation(p, $0) }) { kind = .speech }
        else { kind = .text }
        return Profile(kind: kind, citationCount: citationCount, dateline: dateline, numerals: numerals)
    }

    /// Words that name a speech in a title: 讲话, 致辞, 演讲, 发言, 讲演, 贺词.
    static let speechWords: [String] = ["讲话", "致辞", "演讲", "发言", "讲演", "贺词"]

    /// Whether a title names a speech ("在…会议上的讲话", "在…典礼上的致辞").
    static func isSpeechTitle(_ title: String) -> Bool {
        speechWords.contains { title.contains($0) }
    }

    /// A salutation on a line of its own: "同志们：", "各位代表：", "女士们、先生们：",
    /// "尊敬的…：" — at most 20 characters ending in a colon, with 们 or opening with 各位 or
    /// 尊敬的. An official document's addressee line ("各区人民政府，市政府各部门：") is not one.
    func isSalutation(_ p: UnsafeBufferPointer<UInt8>, _ piece: Piece) -> Bool {
        guard case .text = piece.kind, piece.lineCount == 1, !piece.range.isEmpty, piece.range.count <= 20 * 4 else { return false }
        let last = p[piece.range.upperBound - 1]
        // "：" is EF BC 9A.
        guard last == 0x3A || (last == 0x9A && piece.range.count >= 3 && p[piece.range.upperBound - 2] == 0xBC) else { return false }
        let s = UTF8Scalars.scalars(p, piece.range)
        guard s.count <= 20, !s.dropLast().contains(where: HeadingRecognizer.isSentenceEnd), !s.contains("，") else { return false }
        return s.contains("们") || s.starts(with: "各位".unicodeScalars) || s.starts(with: "尊敬的".unicodeScalars)
    }
}
