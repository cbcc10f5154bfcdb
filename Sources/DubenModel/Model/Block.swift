/// One block of a document: a heading, a paragraph or a citation line.
///
/// A block refers to a byte range of its source text instead of holding a copy. The range
/// excludes the first-line indentation and trailing white space; a paragraph joined from
/// hard-wrapped lines contains the line feeds between them (see `Document.text(of:)`).
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        case citation
    }

    /// Byte range in `Document.source`.
    public var range: Range<Int>
    // Packed storage: a corpus holds hundreds of thousands of blocks.
    private var kindCode: UInt8
    private var level: UInt8
    /// Whether the source indents its first line (full-width "　　" or spaces).
    public var isIndented: Bool
    private var quotationIndex: Int32

    public init(kind: Kind, range: Range<Int>, isIndented: Bool, quotation: Int? = nil) {
        self.range = range
        self.isIndented = isIndented
        kindCode = 0
        level = 0
        quotationIndex = -1
        self.kind = kind
        self.quotation = quotation
    }

    public var kind: Kind {
        get {
            switch kindCode {
            case 1: return .heading(level: Int(level))
            case 2: return .citation
            default: return .paragraph
            }
        }
        set {
            switch newValue {
            case .heading(let l): kindCode = 1; level = UInt8(clamping: l)
            case .citation: kindCode = 2
            case .paragraph: kindCode = 0
            }
        }
    }

    /// The quotation this block belongs to (its paragraphs and its citation), if any.
    public var quotation: Int? {
        get { quotationIndex < 0 ? nil : Int(quotationIndex) }
        set { quotationIndex = newValue.map { Int32(clamping: $0) } ?? -1 }
    }

    public var isHeading: Bool { kindCode == 1 }
    public var headingLevel: Int? { kindCode == 1 ? Int(level) : nil }

    public var kindName: String {
        switch kind {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .citation: return "citation"
        }
    }
}

/// An entry of a document's table of contents: a heading or, in speeches, a run-in point
/// ("第一，…", "一是…") labelled by its first sentence.
public struct TOCEntry: Hashable, Sendable {
    public var level: Int
    public var label: String
    public var block: Int
    public var isRunIn: Bool

    public init(level: Int, label: String, block: Int, isRunIn: Bool) {
        self.level = level
        self.label = label
        self.block = block
        self.isRunIn = isRunIn
    }
}

/// A quotation of a collection: the paragraphs after the previous citation or heading, up to
/// its citation.
public struct Quotation: Hashable, Sendable {
    /// Index in `Document.quotations`.
    public var index: Int
    /// The paragraph blocks.
    public var blocks: Range<Int>
    /// The citation block (always `blocks.upperBound`).
    public var citationBlock: Int
    public var citation: Citation
    /// The innermost heading above it (index into `Document.toc`), if any.
    public var section: Int?

    public init(index: Int, blocks: Range<Int>, citationBlock: Int, citation: Citation, section: Int?) {
        self.index = index
        self.blocks = blocks
        self.citationBlock = citationBlock
        self.citation = citation
        self.section = section
    }
}

/// A dated passage of a news report: a sentence-opening day marker ("22日，", "20日下午，").
public struct DatedPassage: Hashable, Sendable {
    public enum Kind: String, Sendable { case dateline, dayMarker }
    public var kind: Kind
    public var date: DateSpan
    /// Where the marker starts.
    public var block: Int
    /// Offset of the marker in Unicode scalars from the start of the block's text.
    public var offset: Int
    /// The marker as written ("20日下午").
    public var marker: String

    public init(kind: Kind, date: DateSpan, block: Int, offset: Int, marker: String) {
        self.kind = kind
        self.date = date
        self.block = block
        self.offset = offset
        self.marker = marker
    }
}
