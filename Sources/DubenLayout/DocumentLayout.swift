import DubenModel

/// The display lines of one document at one set of options, wrapped lazily: a block is wrapped
/// the first time it is asked for and kept, so opening a huge document or resizing costs in
/// proportion to what is shown, not to the document.
///
/// Not thread-safe: the reader owns one per document and options (through `LayoutCache`).
public final class DocumentLayout {
    public let document: Document
    public let options: LayoutOptions
    let wrapper: LineWrapper
    /// The wrapped blocks, by index: a dictionary, not an array of every block, so that making
    /// the layout of a document of millions of blocks (on open, on every resize) costs nothing.
    private var cache: [Int: [DisplayLine]] = [:]
    /// The source bytes, shared (not copied) by the lines of plain blocks.
    private let sourceBytes: SourceBytes
    /// The wrapper's working buffers: its own, or the one its `LayoutCache` lends to all its
    /// layouts (only one block is ever wrapped at a time).
    private let scratch: WrapScratch

    public convenience init(document: Document, options: LayoutOptions) {
        self.init(document: document, options: options, scratch: WrapScratch())
    }

    init(document: Document, options: LayoutOptions, scratch: WrapScratch) {
        self.scratch = scratch
        self.document = document
        self.options = options
        wrapper = LineWrapper(options: options)
        sourceBytes = document.source.bytes
    }

    /// The lines of a block (wrapped now if they were not yet).
    public func lines(ofBlock b: Int) -> [DisplayLine] {
        if let lines = cache[b] { return lines }
        let block = document.blocks[b]
        let lines: [DisplayLine]
        if document.isSingleLine(b) {
            // The common case: wrap the source bytes in place.
            let range = block.range
            lines = sourceBytes.withUnsafeBufferPointer { p in
                wrapper.wrap(UnsafeBufferPointer(rebasing: p[range]), block: b, kind: block.kind, indented: block.isIndented,
                             scratch: scratch, shared: (sourceBytes, range.lowerBound))
            }
        } else {
            var text = document.text(of: b)
            lines = text.withUTF8 { p in
                wrapper.wrap(p, block: b, kind: block.kind, indented: block.isIndented, scratch: scratch, shared: nil)
            }
        }
        cache[b] = lines
        return lines
    }

    /// How many blocks have been wrapped so far (for tests of laziness).
    public var wrappedBlockCount: Int { cache.count }

    /// The line of block `b` that holds scalar offset `offset`.
    public func lineIndex(ofBlock b: Int, offset: Int) -> Int {
        let lines = lines(ofBlock: b)
        var index = 0
        for (k, line) in lines.enumerated() where line.start <= offset { index = k }
        return index
    }

    /// Every line of the document, blocks separated by one empty line — what `duben render`
    /// prints and what the reader's text area shows.
    public func renderedLines() -> [String] {
        var out: [String] = []
        for b in document.blocks.indices {
            if b > 0 { out.append("") }
            for line in lines(ofBlock: b) { out.append(line.rendered) }
        }
        return out
    }

    /// The same as `renderedLines()`, each line ending in a line feed, appended as UTF-8.
    public func appendRendered(to out: inout [UInt8]) {
        for b in document.blocks.indices {
            if b > 0 { out.append(0x0A) }
            for line in lines(ofBlock: b) {
                line.appendRendered(to: &out)
                out.append(0x0A)
            }
        }
    }
}
