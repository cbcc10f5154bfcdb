/// One block of a document: a heading, a paragraph, a citation line, or a note about the text.
///
/// A block refers to a byte range of its source text instead of holding a copy. The range
/// excludes the first-line indentation and trailing white space; a paragraph joined from
/// hard-wrapped lines contains the line feeds between them (see `Document.text(of:)`).
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        case citation
        /// A line about the text rather than of it: a byline, a photo credit, an editor or
        /// source line, a date line, "（完）". Shown (styled apart), never part of a quotation
        /// or of the prose structure.
        case note
    }

    /// Byte range in `Document.source`.
    public var range: Range<Int> {
        get { span.range }
        set { span = ByteSpan(newValue) }
    }

    /// `range.count`, without making the range.
    @inlinable public var byteCount: Int { span.count }
    // Packed storage (16 bytes): a corpus holds hundreds of thousands of blocks.
    @usableFromInline var span: ByteSpan
    private var kindCode: UInt8
    private var level: UInt8
    /// Whether the source indents its first line (full-width "　　" or spaces).
    public var isIndented: Bool
    private var quotationIndex: Int32

    public init(kind: Kind, range: Range<Int>, isIndented: Bool, quotation: Int? = nil) {
        span = ByteSpan(range)
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
            case 3: return .note
            default: return .paragraph
            }
        }
        set {
            switch newValue {
            case .heading(let l): kindCode = 1; level = UInt8(clamping: l)
            case .citation: kindCode = 2
            case .note: kindCode = 3
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
        case .note: return "note"
        }
    }
}
