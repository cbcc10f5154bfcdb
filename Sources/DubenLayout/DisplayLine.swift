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

    // Packed (40 bytes instead of 80): a laid-out corpus holds a line per 80 cells of text.
    private let storedBlock: Int32
    private let storedStart: Int32
    private let storedEnd: Int32
    private let byteLower: Int32
    private let byteUpper: Int32
    private let storedWidth: Int32
    private let storedIndent: UInt16
    private let kindCode: UInt8
    private let headingLevel: UInt8
    /// Whether this is the first line of its block.
    public let isFirstOfBlock: Bool
    /// The block's display bytes (sanitised, tabs expanded), shared by all its lines.
    let storage: DisplayBytes

    init(block: Int, start: Int, end: Int, indent: Int, storage: DisplayBytes, byteRange: Range<Int>, width: Int,
         isFirstOfBlock: Bool, kind: Block.Kind) {
        storedBlock = Int32(clamping: block)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedIndent = UInt16(clamping: indent)
        self.storage = storage
        byteLower = Int32(clamping: byteRange.lowerBound)
        byteUpper = Int32(clamping: byteRange.upperBound)
        storedWidth = Int32(clamping: width)
        self.isFirstOfBlock = isFirstOfBlock
        switch kind {
        case .heading(let level): kindCode = 1; headingLevel = UInt8(clamping: level)
        case .citation: kindCode = 2; headingLevel = 0
        case .paragraph: kindCode = 0; headingLevel = 0
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
    /// The kind of its block.
    public var kind: Block.Kind {
        switch kindCode {
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
}
