import DubenModel

/// A kept passage: where it is, its text with some context (to find it again after edits), an
/// optional label and note, the citation when it lies in a quotation, and (schema version 2)
/// what a citation of it needs: the document's author, kind, date, place and source and the
/// headings the passage lies under. The version-2 fields are optional: a version-1 bookmark
/// lacks them until `refreshed(from:)` fills them from its document.
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

    /// A document's date or date span: ISO 8601 partial dates ("2018-02-12", "2020-03",
    /// "2020"), their precision that of the text (as `PartialDate.iso` prints it).
    public struct DocumentDate: Codable, Hashable, Sendable {
        public var start: String
        public var end: String?

        public init(start: String, end: String? = nil) {
            self.start = start
            self.end = end
        }

        public init(_ span: DateSpan) {
            self.init(start: span.start.iso, end: span.end?.iso)
        }
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

    // Schema version 2: the document's facts a citation needs. Absent when unknown (and in a
    // version-1 bookmark until `refreshed(from:)`).

    /// The document's author ("习近平").
    public var author: String? = nil
    /// The document's kind, `Document.Kind`'s raw value: "speech", "report", "quotations",
    /// "book", "text" (a string, so that a kind added later does not make a file unreadable).
    public var kind: String? = nil
    /// The document's date or span (`Document.date`): metadata, its date line, its dateline,
    /// else the span of its dated quotations.
    public var documentDate: DocumentDate? = nil
    /// The document's own occasion, from the lines under its title ("在…上的讲话"), when it has one.
    public var documentOccasion: String? = nil
    /// From the metadata file (`duben.toml`): where the speech was given or the report is from.
    public var place: String? = nil
    /// From the metadata file: where the text was published or who issued it ("新华社").
    public var source: String? = nil
    /// Every heading the passage lies under, outermost first (run-in points are not headings).
    /// The last one is `section`.
    public var sectionPath: [String]? = nil

    public var anchor: TextAnchor { TextAnchor(document: document, block: block, offset: offset) }

    /// `kind` as a `Document.Kind` (nil when absent or unknown to this version).
    public var documentKind: Document.Kind? { kind.flatMap(Document.Kind.init(rawValue:)) }

    /// The date a bookmark list shows: the quotation's date, else the document's, ISO with a
    /// span shortened as "2020-04-20/23"; nil when neither is known.
    public var displayDate: String? {
        if let c = citation { return ISODate.gbt(start: c.date, end: c.dateEnd) ?? c.date }
        return documentDate.map { ISODate.gbt(start: $0.start, end: $0.end) ?? $0.start }
    }

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
        let b = Bookmark(id: id, document: doc.id, documentTitle: doc.title, section: doc.section(at: block).map { doc.toc[$0].label },
                         block: block, offset: start, length: end - start, quote: Quote(exact: exact, prefix: prefix, suffix: suffix),
                         label: label, note: note, created: now, updated: now, citation: citationInfo(in: doc, block: block),
                         orphaned: false)
        return b.refreshed(from: doc)
    }

    /// A bookmark of a passage from `start` to `end` (exclusive), which may cross blocks
    /// (paragraphs, headings, quotations of one document). Offsets are in Unicode scalars into
    /// each block's text, clamped to it. A passage in one block is `make(in:block:offset:length:…)`;
    /// over several, `exact` holds the first block's text from `start.offset`, the whole blocks
    /// between and the last block's text up to `end.offset`, joined by line feeds (as a whole
    /// quotation's paragraphs are); the context is the text before the passage (in its block,
    /// else the end of the block before) and after it (in its block, else the start of the
    /// next). An end at offset 0 of a later block ends the passage with the block before.
    /// Nil when a block is out of range or the passage is empty.
    public static func make(in doc: Document, from start: (block: Int, offset: Int), to end: (block: Int, offset: Int),
                            note: String? = nil, label: String? = nil, id: String, now: String) -> Bookmark? {
        guard start.block >= 0, start.block < doc.blocks.count, end.block >= 0, end.block < doc.blocks.count else { return nil }
        var last = end
        if last.block > start.block && last.offset <= 0 {
            last = (last.block - 1, doc.text(of: last.block - 1).unicodeScalars.count)
        }
        guard last.block >= start.block else { return nil }
        if last.block == start.block {
            let count = doc.text(of: start.block).unicodeScalars.count
            let from = min(max(0, start.offset), count), to = min(max(0, last.offset), count)
            guard to > from else { return nil }
            return make(in: doc, block: start.block, offset: from, length: to - from, note: note, label: label, id: id, now: now)
        }
        let first = Array(doc.text(of: start.block).unicodeScalars)
        let from = min(max(0, start.offset), first.count)
        let final = Array(doc.text(of: last.block).unicodeScalars)
        let to = min(max(0, last.offset), final.count)
        var parts = [String(String.UnicodeScalarView(first[from...]))]
        for block in (start.block + 1)..<last.block { parts.append(doc.text(of: block)) }
        parts.append(String(String.UnicodeScalarView(final[..<to])))
        let exact = parts.joined(separator: "\n")
        let prefix = from > 0 ? String(String.UnicodeScalarView(first[max(0, from - contextLength)..<from]))
            : start.block > 0 ? String(doc.text(of: start.block - 1).unicodeScalars.suffix(contextLength)) : ""
        let suffix = to < final.count ? String(String.UnicodeScalarView(final[to..<min(final.count, to + contextLength)]))
            : last.block + 1 < doc.blocks.count ? String(doc.text(of: last.block + 1).unicodeScalars.prefix(contextLength)) : ""
        let citation = citationInfo(in: doc, block: start.block)
            ?? (start.block...last.block).lazy.compactMap { citationInfo(in: doc, block: $0) }.first
        let b = Bookmark(id: id, document: doc.id, documentTitle: doc.title, section: doc.section(at: start.block).map { doc.toc[$0].label },
                         block: start.block, offset: from, length: exact.unicodeScalars.count,
                         quote: Quote(exact: exact, prefix: prefix, suffix: suffix), label: label, note: note,
                         created: now, updated: now, citation: citation, orphaned: false)
        return b.refreshed(from: doc)
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
        // The citation after the passage, or (when the citation precedes it) the next block.
        let next = q.citationPrecedes ? q.blocks.upperBound : q.citationBlock
        let after = next < doc.blocks.count ? String(doc.text(of: next).unicodeScalars.prefix(contextLength)) : ""
        let b = Bookmark(id: id, document: doc.id, documentTitle: doc.title,
                         section: doc.section(at: q.blocks.lowerBound).map { doc.toc[$0].label },
                         block: q.blocks.lowerBound, offset: 0, length: exact.unicodeScalars.count,
                         quote: Quote(exact: exact, prefix: before, suffix: after), label: label, note: note,
                         created: now, updated: now, citation: citationInfo(in: doc, block: q.blocks.lowerBound), orphaned: false)
        return b.refreshed(from: doc)
    }

    /// The bookmark with its missing citation metadata filled from its document (the one with
    /// its id): author, kind, document date and occasion, place, source, section path, and the
    /// quotation's citation when the passage lies in one. Fields already set are kept — a
    /// bookmark keeps the facts it was made with. A version-1 bookmark gets the version-2
    /// fields this way (by the reader's re-anchoring, `duben bookmarks add`, `list`, `export`
    /// and `cite`); a bookmark of another document, or one made with every field, is returned as is.
    public func refreshed(from doc: Document) -> Bookmark {
        guard doc.id == document else { return self }
        var b = self
        if b.author == nil { b.author = doc.author }
        if b.kind == nil { b.kind = doc.kind.rawValue }
        if b.documentDate == nil { b.documentDate = doc.date.map(DocumentDate.init) }
        if b.documentOccasion == nil, let o = doc.citation?.occasion, !o.isEmpty { b.documentOccasion = o }
        if b.place == nil { b.place = doc.metadata?.place }
        if b.source == nil { b.source = doc.metadata?.source }
        let inRange = block >= 0 && block < doc.blocks.count
        if b.sectionPath == nil, inRange {
            let path = Self.sectionPath(in: doc, block: block)
            if !path.isEmpty { b.sectionPath = path }
        }
        if b.citation == nil, inRange, !orphaned { b.citation = Self.citationInfo(in: doc, block: block) }
        return b
    }

    /// The labels of the headings a block lies under, outermost first: each heading (not run-in
    /// point) at or before the block, less those a later heading of the same or a higher
    /// level closed.
    public static func sectionPath(in doc: Document, block: Int) -> [String] {
        var stack: [TOCEntry] = []
        for e in doc.toc where !e.isRunIn {
            guard e.block <= block else { break }
            while let top = stack.last, top.level >= e.level { stack.removeLast() }
            stack.append(e)
        }
        return stack.map(\.label)
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
