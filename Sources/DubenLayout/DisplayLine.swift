import DubenModel

/// What the lines of one wrapped block draw: their display bytes (sanitised, tabs expanded) and
/// the cells of each of their scalars, as the wrapper measured them. Shared by the block's lines.
///
/// `cells` holds one byte per scalar of `bytes` that a line covers: the cells the scalar adds
/// (0, 1 or 2), plus `joins` when it continues the cluster before it. So a screen can cut a line
/// into the wrapper's clusters and know their widths without measuring again.
final class DisplayBytes: Sendable {
    /// Set in a scalar's cells when it continues the cluster before it.
    static let joins: UInt8 = 0x80

    /// UTF-8; for plain text the whole source (shared, not copied), else the block's own.
    let bytes: [UInt8]
    /// Per scalar: cells added, with `joins`. Indexed from the block's first display scalar.
    let cells: [UInt8]

    init(_ bytes: [UInt8], cells: [UInt8]) {
        self.bytes = bytes
        self.cells = cells
    }
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

    // Packed into 40 bytes (it was 80 unpacked): a laid-out corpus holds a line per 80 cells of
    // text.
    private let storedBlock: Int32
    private let storedStart: Int32
    private let storedEnd: Int32
    private let byteLower: Int32
    private let byteUpper: Int32
    /// Where this line's scalars start in `storage.cells`.
    private let cellLower: Int32
    private let storedWidth: Int32
    /// At most 4 cells.
    private let storedIndent: UInt8
    /// 0 paragraph, 1 heading, 2 citation; plus `firstOfBlock`.
    private let kindCode: UInt8
    private let headingLevel: UInt8
    /// The block's display bytes and cells, shared by all its lines.
    let storage: DisplayBytes

    private static let firstOfBlock: UInt8 = 4

    init(block: Int, start: Int, end: Int, indent: Int, storage: DisplayBytes, byteRange: Range<Int>, cellStart: Int,
         width: Int, isFirstOfBlock: Bool, kind: Block.Kind) {
        storedBlock = Int32(clamping: block)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedIndent = UInt8(clamping: indent)
        self.storage = storage
        byteLower = Int32(clamping: byteRange.lowerBound)
        byteUpper = Int32(clamping: byteRange.upperBound)
        cellLower = Int32(clamping: cellStart)
        storedWidth = Int32(clamping: width)
        let first = isFirstOfBlock ? DisplayLine.firstOfBlock : 0
        switch kind {
        case .heading(let level): kindCode = 1 | first; headingLevel = UInt8(clamping: level)
        case .citation: kindCode = 2 | first; headingLevel = 0
        case .paragraph: kindCode = 0 | first; headingLevel = 0
        }
    }

    /// Index of the block in its document.
    public var block: Int { Int(storedBlock) }
    /// Scalar offsets of the line's text in the block's text: [start, end).
    public var start: Int { Int(storedStart) }
    public var end: Int { Int(storedEnd) }
    /// Cells of indentation before the text (the first line of an indented paragraph).
    public var indent: Int { Int(storedIndent) }
    /// This line's part of `storage`.
    var byteRange: Range<Int> { Int(byteLower)..<Int(byteUpper) }
    /// The text to draw: sanitised, tabs expanded, without the indentation.
    public var text: String { String(decoding: storage.bytes[byteRange], as: UTF8.self) }
    /// The same as UTF-8, without making a string.
    public var utf8: ArraySlice<UInt8> { storage.bytes[byteRange] }
    /// Cells the line takes, indentation included. Never more than the layout width.
    public var width: Int { Int(storedWidth) }
    /// Whether this is the first line of its block.
    public var isFirstOfBlock: Bool { kindCode & DisplayLine.firstOfBlock != 0 }
    /// The kind of its block.
    public var kind: Block.Kind {
        switch kindCode & 3 {
        case 1: return .heading(level: Int(headingLevel))
        case 2: return .citation
        default: return .paragraph
        }
    }

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

    /// Calls `body` with each grapheme cluster of the line's text, in order: its UTF-8 and the
    /// cells it takes, as the wrapper cut and measured it (`ClusterRule`), until `body` returns
    /// false. Tabs are already spaces and controls placeholders; a cluster of 0 cells is a mark
    /// that had nothing to join. How `ScreenBuffer` draws a line without measuring it again.
    public func forEachCluster(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) rethrows {
        let lower = Int(byteLower), upper = Int(byteUpper)
        guard lower < upper else { return }
        try storage.bytes.withUnsafeBufferPointer { bytes in
            try storage.cells.withUnsafeBufferPointer { cells in
                var k = Int(cellLower)
                var start = lower
                var width = Int(cells[k] & ~DisplayBytes.joins)
                var i = lower + DisplayLine.scalarLength(bytes[lower])
                k += 1
                while i < upper {
                    let c = cells[k]
                    if c & DisplayBytes.joins == 0 {
                        guard try body(UnsafeBufferPointer(rebasing: bytes[start..<i]), width) else { return }
                        start = i
                        width = Int(c)
                    } else {
                        width += Int(c & ~DisplayBytes.joins)
                    }
                    i += DisplayLine.scalarLength(bytes[i])
                    k += 1
                }
                _ = try body(UnsafeBufferPointer(rebasing: bytes[start..<upper]), width)
            }
        }
    }

    /// Bytes of the UTF-8 sequence that starts with `lead` (the text is well-formed).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
