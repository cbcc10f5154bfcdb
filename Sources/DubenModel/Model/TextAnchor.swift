/// A position in the text that survives re-wrapping: document id, block index, and the offset
/// in Unicode scalars into the block's text. Screen rows never appear in an anchor.
public struct TextAnchor: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var document: String
    public var block: Int
    public var offset: Int

    public init(document: String, block: Int, offset: Int = 0) {
        self.document = document
        self.block = block
        self.offset = offset
    }

    public static func < (a: TextAnchor, b: TextAnchor) -> Bool {
        (a.block, a.offset) < (b.block, b.offset)
    }

    public var description: String { "\(document):\(block):\(offset)" }
}
