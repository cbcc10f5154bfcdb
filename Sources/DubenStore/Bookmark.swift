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
    /// The block the passage starts in.
    public var block: Int
    /// Offset in Unicode scalars into the block's text.
    public var offset: Int
    /// Length of the passage in Unicode scalars. A passage over several blocks (a quotation of
    /// several paragraphs) counts one line feed between blocks, as `quote.exact` holds them.
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

    /// Whether the passage, its note or label, its document's title, its section or its
    /// citation holds `matcher`'s pattern (the bookmark list's filter, `bookmarks list --match`).
    public func holds(_ matcher: TextMatcher) -> Bool {
        matcher.occurs(in: quote.exact) || note.map(matcher.occurs) == true || label.map(matcher.occurs) == true
            || matcher.occurs(in: documentTitle) || section.map(matcher.occurs) == true
            || citation.map { matcher.occurs(in: $0.text) } == true
    }

    /// The same bookmark with its id and its creation and update times set. The reader makes
    /// bookmarks without them (ids and the clock belong to the session, which stamps them).
    public func stamped(id: String, now: String) -> Bookmark {
        var b = self
        b.id = id
        b.created = now
        b.updated = now
        return b
    }
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
        return Bookmark(id: id, document: doc.id, documentTitle: doc.title, section: doc.section(at: block).map { doc.toc[$0].label },
                        block: block, offset: start, length: end - start, quote: Quote(exact: exact, prefix: prefix, suffix: suffix),
                        label: label, note: note, created: now, updated: now, citation: citationInfo(in: doc, block: block),
                        orphaned: false)
    }

    /// A bookmark of a whole quotation: all its paragraphs (their texts joined by line feeds)
    /// and its citation. The context is the end of the block before and the start of the
    /// citation after.
    public static func make(in doc: Document, quotation index: Int, note: String? = nil, label: String? = nil,
                            id: String, now: String) -> Bookmark? {
        guard index >= 0, index < doc.quotations.count else { return nil }
        let q = doc.quotations[index]
        guard !q.blocks.isEmpty else { return nil }
        let exact = q.blocks.map { doc.text(of: $0) }.joined(separator: "\n")
        let before = q.blocks.lowerBound > 0 ? String(doc.text(of: q.blocks.lowerBound - 1).unicodeScalars.suffix(contextLength)) : ""
        let after = String(doc.text(of: q.citationBlock).unicodeScalars.prefix(contextLength))
        return Bookmark(id: id, document: doc.id, documentTitle: doc.title,
                        section: doc.section(at: q.blocks.lowerBound).map { doc.toc[$0].label },
                        block: q.blocks.lowerBound, offset: 0, length: exact.unicodeScalars.count,
                        quote: Quote(exact: exact, prefix: before, suffix: after), label: label, note: note,
                        created: now, updated: now, citation: citationInfo(in: doc, block: q.blocks.lowerBound), orphaned: false)
    }

    /// The citation of the quotation a block lies in.
    static func citationInfo(in doc: Document, block: Int) -> CitationInfo? {
        guard let q = doc.quotation(at: block) else { return nil }
        let d = q.citation.date
        return CitationInfo(date: d.start.iso, dateEnd: d.end?.iso, occasion: q.citation.occasion, text: q.citation.text)
    }

    /// The scalar ranges the passage covers, block by block (one block, or several for a
    /// passage whose `exact` holds line feeds).
    public var blockRanges: [(block: Int, range: Range<Int>)] {
        let parts = quote.exact.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return [(block, offset..<(offset + max(1, length)))] }
        return parts.enumerated().map { k, part in
            let start = k == 0 ? offset : 0
            return (block + k, start..<(start + max(1, part.unicodeScalars.count)))
        }
    }
}
