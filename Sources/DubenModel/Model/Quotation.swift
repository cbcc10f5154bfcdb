/// A quotation of a collection: its paragraphs and their citation — the paragraphs after the
/// previous citation or heading, up to its citation; or, in a collection that dates its
/// passages before them (`（2019年3月5日）` then the passage), the paragraphs after its citation.
///
/// Stored packed (a large corpus has a hundred thousand quotations); the public properties
/// are plain `Int`s and ranges.
public struct Quotation: Hashable, Sendable {
    public var citation: Citation
    private var storedIndex: Int32
    private var firstBlock: Int32
    private var endBlock: Int32
    private var storedCitationBlock: Int32
    private var storedSection: Int32

    /// A quotation of the paragraphs `blocks`; its citation is the block after them unless
    /// `citationBlock` says otherwise (the block before them, when dates precede passages).
    public init(index: Int, blocks: Range<Int>, citation: Citation, section: Int?, citationBlock: Int? = nil) {
        self.citation = citation
        storedIndex = Int32(clamping: index)
        firstBlock = Int32(clamping: blocks.lowerBound)
        endBlock = Int32(clamping: blocks.upperBound)
        storedCitationBlock = Int32(clamping: citationBlock ?? blocks.upperBound)
        storedSection = -1
        self.section = section
    }

    /// Index in `Document.quotations`.
    public var index: Int { Int(storedIndex) }

    /// The paragraph blocks (empty when the citation follows a heading directly).
    public var blocks: Range<Int> { Int(firstBlock)..<Int(endBlock) }

    /// Where the quotation starts: its first paragraph, or its citation when it has none or
    /// when the citation comes first.
    public var startBlock: Int { min(Int(firstBlock), Int(storedCitationBlock)) }

    /// The citation block: `blocks.upperBound`, or `blocks.lowerBound - 1` in a collection
    /// whose dates precede their passages (`citationPrecedes`).
    public var citationBlock: Int { Int(storedCitationBlock) }

    /// Whether the citation comes before the paragraphs (a date line above its passage).
    public var citationPrecedes: Bool { storedCitationBlock < endBlock }

    /// The innermost heading above it (index into `Document.toc`), if any.
    public var section: Int? {
        get { storedSection < 0 ? nil : Int(storedSection) }
        set { storedSection = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
}
