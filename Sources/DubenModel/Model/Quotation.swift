/// A quotation of a collection: the paragraphs after the previous citation or heading, up to
/// its citation.
///
/// Stored packed (a large corpus has a hundred thousand quotations); the public properties
/// are plain `Int`s and ranges.
public struct Quotation: Hashable, Sendable {
    public var citation: Citation
    private var storedIndex: Int32
    private var firstBlock: Int32
    private var storedCitationBlock: Int32
    private var storedSection: Int32

    public init(index: Int, blocks: Range<Int>, citation: Citation, section: Int?) {
        self.citation = citation
        storedIndex = Int32(clamping: index)
        firstBlock = Int32(clamping: blocks.lowerBound)
        storedCitationBlock = Int32(clamping: blocks.upperBound)
        storedSection = -1
        self.section = section
    }

    /// Index in `Document.quotations`.
    public var index: Int { Int(storedIndex) }

    /// The paragraph blocks (empty when the citation follows a heading directly).
    public var blocks: Range<Int> { Int(firstBlock)..<Int(storedCitationBlock) }

    /// Where the quotation starts: its first paragraph, or its citation when it has none (an
    /// empty `blocks` starts and ends at the citation).
    public var startBlock: Int { Int(firstBlock) }

    /// The citation block (always `blocks.upperBound`).
    public var citationBlock: Int { Int(storedCitationBlock) }

    /// The innermost heading above it (index into `Document.toc`), if any.
    public var section: Int? {
        get { storedSection < 0 ? nil : Int(storedSection) }
        set { storedSection = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
}
