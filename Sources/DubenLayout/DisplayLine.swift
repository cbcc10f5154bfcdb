import DubenModel

/// The display bytes of one wrapped block, shared by its lines.
final class DisplayBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// One line of the text area: part of a block, already wrapped, sanitised and measured.
public struct DisplayLine: Hashable, Sendable {
    public static func == (a: DisplayLine, b: DisplayLine) -> Bool {
        a.block == b.block && a.start == b.start && a.end == b.end && a.indent == b.indent && a.width == b.width
            && a.utf8.elementsEqual(b.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(block)
        hasher.combine(start)
        hasher.combine(end)
    }

    /// Index of the block in its document.
    public var block: Int
    /// Scalar offsets of the line's text in the block's text: [start, end).
    public var start: Int
    public var end: Int
    /// Cells of indentation before the text (the first line of an indented paragraph).
    public var indent: Int
    /// The block's display bytes (sanitised, tabs expanded), shared by all its lines.
    let storage: DisplayBytes
    /// This line's part of `storage`.
    let byteRange: Range<Int>
    /// The text to draw: sanitised, tabs expanded, without the indentation.
    public var text: String { String(decoding: storage.bytes[byteRange], as: UTF8.self) }
    /// The same as UTF-8, without making a string.
    public var utf8: ArraySlice<UInt8> { storage.bytes[byteRange] }
    /// Cells the line takes, indentation included. Never more than the layout width.
    public var width: Int
    /// Whether this is the first line of its block.
    public var isFirstOfBlock: Bool
    public var kind: Block.Kind

    /// The line as `duben render` prints it: indentation as ideographic spaces, then the text.
    public var rendered: String {
        var bytes: [UInt8] = []
        appendRendered(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `rendered` as UTF-8 (how `duben render` writes, without making strings).
    public func appendRendered(to out: inout [UInt8]) {
        for _ in 0..<(indent / 2) { out.append(contentsOf: [0xE3, 0x80, 0x80]) }  // U+3000
        if indent % 2 == 1 { out.append(0x20) }
        out.append(contentsOf: storage.bytes[byteRange])
    }
}
