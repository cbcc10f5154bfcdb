import DubenModel

/// A kept passage: where it is, its text with some context (to find it again after edits), an
/// optional label and note, and the citation when it lies in a quotation.
public struct Bookmark: Codable, Hashable, Sendable {
    /// The passage and the text just before and after it (W3C TextQuoteSelector's parts).
    public struct Quote: Codable, Hashable, Sendable {
        public var exact: String
        public var prefix: String
        public var suffix: String
    }

    /// The citation of the quotation the passage lies in.
    public struct CitationInfo: Codable, Hashable, Sendable {
        public var date: String
        public var dateEnd: String?
        public var occasion: String
        /// The citation as written, without brackets: "2020年3月27日同美国总统特朗普通电话".
        public var text: String
    }

    public var id: String
    public var document: String
    public var documentTitle: String
    public var section: String?
    public var block: Int
    /// Offset in Unicode scalars into the block's text.
    public var offset: Int
    /// Length of the passage in Unicode scalars.
    public var length: Int
    public var quote: Quote
    public var label: String?
    public var note: String?
    /// ISO 8601, UTC.
    public var created: String
    public var updated: String
    public var citation: CitationInfo?
    /// The passage could not be found in the current text; the bookmark is kept.
    public var orphaned: Bool

    public var anchor: TextAnchor { TextAnchor(document: document, block: block, offset: offset) }
}

extension Bookmark {
    /// Characters of context kept on each side of the passage.
    public static let contextLength = 32

    /// A bookmark of `length` scalars from an anchor (clamped to the block), with its context
    /// and, inside a quotation, its citation.
    public static func make(in doc: Document, block: Int, offset: Int = 0, length: Int? = nil,
                            note: String? = nil, label: String? = nil, id: String, now: String) -> Bookmark? {
        guard block >= 0, block < doc.blocks.count else { return nil }
        let scalars = Array(doc.text(of: block).unicodeScalars)
        let start = min(max(0, offset), scalars.count)
        let end = min(scalars.count, start + max(1, length ?? scalars.count))
        let exact = String(String.UnicodeScalarView(scalars[start..<end]))
        let prefix = String(String.UnicodeScalarView(scalars[max(0, start - contextLength)..<start]))
        let suffix = String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + contextLength)]))
        var citation: CitationInfo? = nil
        if let q = doc.quotation(at: block) {
            let d = q.citation.date
            citation = CitationInfo(date: d.start.iso, dateEnd: d.end?.iso, occasion: q.citation.occasion, text: q.citation.text)
        }
        return Bookmark(id: id, document: doc.id, documentTitle: doc.title, section: doc.section(at: block).map { doc.toc[$0].label },
                        block: block, offset: start, length: end - start, quote: Quote(exact: exact, prefix: prefix, suffix: suffix),
                        label: label, note: note, created: now, updated: now, citation: citation, orphaned: false)
    }
}
