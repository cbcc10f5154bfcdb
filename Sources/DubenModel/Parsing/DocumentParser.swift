/// Turns the lines of one document into a `Document`: title, author, paragraphs (joining
/// hard-wrapped lines), citations, headings, run-in points, quotations and news dates.
///
/// The parser reads UTF-8 bytes and byte ranges; it decodes scalars only for the few lines
/// that may be headings or citations (they start or end with a telling character).
///
/// It works in stages, each in a file of its own:
/// 1. header (`DocumentParser+Header`): web page furniture before the title (notes), the
///    title, on the next line the author, and the
///    subtitle and date lines under them (notes; the document's citation); a news dateline
///    glued to the title line is split off;
/// 2. paragraphs (`+Paragraphs`): source lines trimmed, and joined into paragraphs when the
///    document is hard-wrapped (`HardWrap`);
/// 3. classification (`+Classification`): notes (`NoteLines`), citations (whole lines and
///    paragraph tails) and heading candidates;
/// 4. profile (`+Profile`): the document's kind, a dateline (`NewsDateScanner`); a report's
///    headline deck then becomes notes (`markNewsNotes`);
/// 5. blocks (`+Blocks`): blocks, headings and quotations; then, in a collection whose dates
///    precede their passages, quotations made again that way (`+DatesBefore`), else
///    (`+DateLines`) date lines under headings, quotations' lead lines and a collection's
///    front matter;
/// 6. run-in points (`+RunInPoints`): numbered paragraphs in the TOC, and the TOC's levels;
/// 7. sections: each quotation's heading.
///
/// Those give a `ParsedDocument`. The document then gets its id and its metadata (from
/// `CorpusBuilder`, or from `parse(lines:metadata:)`), and last 8. dates (`date(_:)`): a
/// report's dateline and day markers, whose year may come from the metadata or the text.
public struct DocumentParser {
    let source: SourceFile

    public init(source: SourceFile) { self.source = source }

    /// A paragraph being assembled from source lines.
    struct Piece {
        var range: Range<Int>
        var indented: Bool
        var lineCount: Int
        var kind: Kind
        /// Whether `kind` already holds the result of checking this (one-line) piece.
        var checked = false
        /// `note`: a line about the text (`NoteLines`: byline, credit, editor or source line,
        /// 完; or a subtitle or date line under the title): a block of its own, never part of a
        /// quotation.
        enum Kind { case text, citation(Citation), heading(HeadingForm, Int), note }
    }

    /// A document parsed up to its dates: its id is empty and its metadata not yet attached.
    struct ParsedDocument {
        var document: Document
        /// A report's dateline, dated by `date(_:)` once the metadata (which may give its year)
        /// is attached; nil for other kinds.
        var dateline: NewsDateScanner.Found?
    }

    /// Parses one document on its own: the id is made from the title (no other document to
    /// tell it apart from) and the metadata is looked up by that id or the title.
    public func parse(lines: [SourceLine], metadata: MetadataFile? = nil) -> Document {
        var parsed = structure(lines)
        parsed.document.id = DocumentID.make(title: parsed.document.title)
        parsed.document.metadata = metadata?.lookup(id: parsed.document.id, title: parsed.document.title)
        date(&parsed)
        return parsed.document
    }

    /// Stages 1–7: everything but the id, the metadata and the dates.
    func structure(_ lines: [SourceLine]) -> ParsedDocument {
        source.bytes.withUnsafeBufferPointer { p in structure(p, lines: lines) }
    }

    func structure(_ p: UnsafeBufferPointer<UInt8>, lines: [SourceLine]) -> ParsedDocument {
        let trimmed = lines.map { trim(p, $0) }
        var header = header(p, trimmed)
        let furniture = header.furniture.map { Piece(range: $0.range, indented: $0.indented, lineCount: 1, kind: .note, checked: true) }
        let notes = header.notes.map { Piece(range: $0.range, indented: $0.indented, lineCount: 1, kind: .note, checked: true) }
        let body = trimmed[min(header.bodyStart, trimmed.count)...]
        var pieces: [Piece]
        // The header's date line right above the body: the first passage's date when the
        // document is a collection that dates its passages before them.
        var headerDate: Int? = nil
        if let c = header.citation, let last = header.notes.last, last.range.contains(c.textRange.lowerBound),
           c.textRange.upperBound <= last.range.upperBound {
            headerDate = furniture.count + header.notes.count - 1
        }
        if header.bodyStart > 0, let (title, rest) = splittingGluedDateline(p, trimmed[header.titleIndex]) {
            // "…开幕新华社北京3月5日电…": the headline, then the report's first paragraph.
            header.title = title
            headerDate = nil
            pieces = furniture + classify(p, paragraphs(p, ArraySlice([rest]))) + notes + classify(p, paragraphs(p, body))
        } else {
            pieces = classify(p, paragraphs(p, body))
            if !notes.isEmpty || !furniture.isEmpty { pieces = furniture + notes + pieces }
        }
        let profile = profile(p, pieces, title: header.title, author: header.author)
        if let dateline = profile.dateline { markNewsNotes(p, &pieces, dateline: dateline) }
        var structure = blocks(p, pieces, profile)
        var citation = header.citation
        var sectionDates: [DatedPassage] = []
        if !(profile.isCollection && regroupDatesBefore(p, &structure, headerDate: headerDate, citation: &citation)) {
            sectionDates = settleDateLines(p, &structure, isCollection: profile.isCollection, citation: &citation)
        }
        addRunInPoints(p, to: &structure, profile)
        let range = (lines.first?.range.lowerBound ?? 0)..<(lines.last?.range.upperBound ?? 0)
        var document = Document(
            id: "", title: header.title, author: header.author, kind: profile.kind, source: source, range: range,
            blocks: structure.blocks, toc: structure.toc, quotations: structure.quotations, dateline: nil,
            datedPassages: sectionDates, metadata: nil, citation: citation)
        document.notesBeforeTitle = furniture.count
        assignSections(&document)
        return ParsedDocument(document: document, dateline: profile.dateline)
    }

    /// The title `structure(lines)` gives the document, from its first line alone (stage 1's
    /// test for a document opening with its text, and a dateline glued to the title): what a
    /// search needs to give every document its id without parsing it.
    func title(_ lines: [SourceLine]) -> String {
        guard !lines.isEmpty else { return "" }
        return source.bytes.withUnsafeBufferPointer { p in
            // Web page furniture before the title is skipped as the header stage skips it.
            let lead = furnitureCount(p, lines.prefix(DocumentParser.furnitureLineLimit + 1).map { trim(p, $0).range })
            let first = trim(p, lines[lead])
            if opensWithText(p, first) { return "" }
            if let (title, _) = splittingGluedDateline(p, first) { return title }
            return source.string(first.range)
        }
    }

    /// Stage 7: each quotation's section, the innermost heading before its citation.
    func assignSections(_ document: inout Document) {
        for qi in document.quotations.indices {
            document.quotations[qi].section = document.section(at: document.quotations[qi].citationBlock)
        }
    }

    /// Stage 8: a report's dateline and day markers. The year comes from the dateline, else
    /// from the metadata (so this runs after the metadata is attached), else from a full date
    /// of the dateline's month in the document, else stays unknown.
    func date(_ parsed: inout ParsedDocument) {
        guard parsed.document.kind == .report, let dateline = parsed.dateline else { return }
        let sectionDates = parsed.document.datedPassages
        source.bytes.withUnsafeBufferPointer { p in
            NewsDateScanner(source: source).assign(p, to: &parsed.document, dateline: dateline)
        }
        if !sectionDates.isEmpty {
            parsed.document.datedPassages = (sectionDates + parsed.document.datedPassages).sorted { ($0.block, $0.offset) < ($1.block, $1.offset) }
        }
    }
}
