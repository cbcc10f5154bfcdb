/// A sentence of the open document: its block and its number in the block (0-based, in the
/// order `SentenceBreaker` finds them).
public struct SentenceRef: Hashable, Sendable, Comparable {
    public var block: Int
    public var index: Int

    public init(block: Int, index: Int) {
        self.block = block
        self.index = index
    }

    public static func < (a: SentenceRef, b: SentenceRef) -> Bool { (a.block, a.index) < (b.block, b.index) }
}

/// A selection of whole sentences in the open document (`v`): from `first` to `last`, both
/// included, across paragraphs and headings. `first` is where `v` started and never moves;
/// `j`/`k` and `}`/`{` move `last`, never before `first`.
public struct Selection: Hashable, Sendable {
    public var first: SentenceRef
    public var last: SentenceRef

    public init(first: SentenceRef, last: SentenceRef) {
        self.first = first
        self.last = last
    }
}

/// A passage of the open document in text terms: from a scalar offset of one block to an
/// offset (exclusive) of the same or a later block.
public struct Passage: Hashable, Sendable {
    public var startBlock: Int
    public var startOffset: Int
    public var endBlock: Int
    public var endOffset: Int

    /// The scalar range the passage covers in `block` (nil when it does not reach it); a
    /// block wholly inside ends at `Int.max`.
    public func range(inBlock block: Int) -> Range<Int>? {
        guard block >= startBlock, block <= endBlock else { return nil }
        let lower = block == startBlock ? startOffset : 0
        let upper = block == endBlock ? endOffset : Int.max
        return lower < upper ? lower..<upper : nil
    }
}
