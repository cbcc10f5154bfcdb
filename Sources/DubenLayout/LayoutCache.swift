import DubenModel

/// Document layouts of the current options, made when first needed. Changing the options
/// (a resize, another width) starts a new cache; old layouts are dropped. At most `limit`
/// layouts are kept, the least recently used going first, so that a long session that visits
/// thousands of documents does not keep every line it ever drew.
///
/// A reference type so that copies of the reader's state share it. Not thread-safe.
public final class LayoutCache {
    /// The options every layout in the cache has.
    public private(set) var options: LayoutOptions
    private var layouts: [Int: DocumentLayout] = [:]
    /// When each layout was last asked for (a counter, not a time).
    private var lastUse: [Int: UInt64] = [:]
    private var clock: UInt64 = 0
    /// How many layouts are kept.
    public let limit: Int
    /// One set of wrapping buffers for every layout of the cache, instead of one kept per
    /// visited document.
    private let scratch = WrapScratch()

    /// An empty cache for `options`.
    public init(options: LayoutOptions, limit: Int = 48) {
        self.options = options
        self.limit = max(1, limit)
    }

    /// Switches to `options`, dropping the layouts made for others (no-op when unchanged).
    public func set(options: LayoutOptions) {
        guard options != self.options else { return }
        self.options = options
        removeAll()
    }

    /// Drops every layout (the library was read again: its documents may have changed).
    public func removeAll() {
        layouts = [:]
        lastUse = [:]
    }

    /// How many layouts are kept now.
    public var count: Int { layouts.count }

    /// The layout of `corpus.documents[index]` at the current options, made on first use (and
    /// again when the document at that index is another one: a provisional first document
    /// replaced by the whole, see `LibraryIndexer.quickFirstDocument`).
    public func layout(_ index: Int, of corpus: Corpus) -> DocumentLayout {
        let document = corpus.documents[index]
        clock += 1
        lastUse[index] = clock
        if let l = layouts[index], l.document.source === document.source, l.document.range == document.range { return l }
        let l = DocumentLayout(document: document, options: options, scratch: scratch)
        layouts[index] = l
        if layouts.count > limit, let oldest = lastUse.min(by: { $0.value < $1.value })?.key {
            layouts[oldest] = nil
            lastUse[oldest] = nil
        }
        return l
    }
}
