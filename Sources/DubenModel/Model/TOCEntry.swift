/// An entry of a document's table of contents: a heading or, in speeches, a run-in point
/// ("第一，…", "一是…") labelled by its first sentence.
///
/// The label is a byte range of the source (the heading's text, or the run-in point's first
/// sentence), not a stored `String`: a large corpus has tens of thousands of entries.
public struct TOCEntry: Hashable, Sendable {
    /// The file the label's bytes are in.
    public let source: SourceFile
    private var labelSpan: ByteSpan
    private var storedBlock: Int32
    private var storedLevel: UInt8
    /// Whether this is a run-in point rather than a heading of its own.
    public var isRunIn: Bool

    public init(level: Int, labelRange: Range<Int>, in source: SourceFile, block: Int, isRunIn: Bool) {
        self.source = source
        labelSpan = ByteSpan(labelRange)
        storedBlock = Int32(clamping: block)
        storedLevel = UInt8(clamping: level)
        self.isRunIn = isRunIn
    }

    /// Depth in the heading tree, from 1.
    public var level: Int {
        get { Int(storedLevel) }
        set { storedLevel = UInt8(clamping: newValue) }
    }

    /// The heading's (or run-in point's) block index in its document.
    public var block: Int {
        get { Int(storedBlock) }
        set { storedBlock = Int32(clamping: newValue) }
    }

    /// Where the label is in `source`.
    public var labelRange: Range<Int> { labelSpan.range }

    /// The heading text, or the run-in point's first sentence without its final punctuation. A
    /// heading over two lines ("（一）" then its title) reads as one: the line feed is removed
    /// as in a joined paragraph (`TextSegment`).
    public var label: String { TextSegment.joined(labelSpan.range, in: source) }

    public static func == (a: TOCEntry, b: TOCEntry) -> Bool {
        a.source === b.source && a.labelSpan == b.labelSpan && a.storedBlock == b.storedBlock
            && a.storedLevel == b.storedLevel && a.isRunIn == b.isRunIn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(labelSpan)
        hasher.combine(storedBlock)
    }
}
