import DubenModel

/// The header of `DisplayBytes`.
struct DisplayBytesHeader {
    /// UTF-8; for plain text the whole source (shared, not copied), else the block's own.
    let bytes: SourceBytes
    /// Whether the cells are packed two bits per scalar.
    let packed: Bool
}

/// What the lines of one wrapped block draw: their display bytes (sanitised, tabs expanded) and
/// the cells of each of their scalars, as the wrapper measured them. Shared by the block's lines;
/// one allocation per block, the cells stored after the header.
///
/// A scalar's cells are the cells it adds (0, 1 or 2), plus `joins` when it continues the
/// cluster before it. So a screen can cut a line into the wrapper's clusters and know their
/// widths without measuring again. Most blocks (Chinese and Latin prose, with combining marks)
/// need only "joins, 0 cells", "starts, 1 cell" and "starts, 2 cells": those are packed two bits
/// per scalar. Blocks with emoji sequences, modifiers or flags (a scalar that joins a cluster and
/// adds cells) keep a byte per scalar. (Packed, a zero-cell scalar that starts a cluster is
/// stored as joining: on a screen a zero-cell cluster goes on the cell before it either way.)
///
/// Immutable once made, hence `Sendable`. (Not a `ManagedBuffer` subclass, which cannot be
/// `Sendable`: a plain class whose instances `ManagedBufferPointer` allocates with the header and
/// cells in them.)
final class DisplayBytes: @unchecked Sendable {
    private typealias Pointer = ManagedBufferPointer<DisplayBytesHeader, UInt8>

    /// Set in a scalar's cells when it continues the cluster before it.
    static var joins: UInt8 { 0x80 }

    /// Whether cells can be packed two bits each: each is "joins, 0 cells", "starts, 0, 1 or 2
    /// cells" (a zero-cell start is stored as joining, see above).
    @inline(__always)
    static func isPackable(_ cell: UInt8) -> Bool { cell <= 2 || cell == joins }

    /// The bytes of `bytes` and the cells of each scalar (indexed from the block's first
    /// display scalar); `packable` when every cell `isPackable`.
    static func make(_ bytes: SourceBytes, cells: UnsafeBufferPointer<UInt8>, packable packed: Bool) -> DisplayBytes {
        assert(!packed || cells.allSatisfy(isPackable))
        let n = cells.count
        let size = packed ? (n + 3) / 4 : n
        let pointer = Pointer(bufferClass: DisplayBytes.self, minimumCapacity: size) { _, _ in
            DisplayBytesHeader(bytes: bytes, packed: packed)
        }
        pointer.withUnsafeMutablePointerToElements { out in
            guard n > 0 else { return }
            guard packed else {
                out.initialize(from: cells.baseAddress!, count: n)
                return
            }
            var k = 0, j = 0
            while k + 4 <= n {
                out[j] = (cells[k] & 3) | (cells[k + 1] & 3) << 2 | (cells[k + 2] & 3) << 4 | (cells[k + 3] & 3) << 6
                k += 4
                j += 1
            }
            if k < n {
                var last: UInt8 = 0
                for m in k..<n { last |= (cells[m] & 3) << UInt8((m - k) << 1) }
                out[j] = last
            }
        }
        return unsafeDowncast(pointer.buffer, to: DisplayBytes.self)
    }

    deinit {
        // The cells are plain bytes; only the header needs destroying.
        _ = Pointer(unsafeBufferObject: self).withUnsafeMutablePointerToHeader { $0.deinitialize(count: 1) }
    }

    /// The display bytes.
    var bytes: SourceBytes { Pointer(unsafeBufferObject: self).header.bytes }

    /// Calls `body` with a reader of the cells: scalar index → cells, with `joins`.
    @inline(__always)
    func withCells<R>(_ body: ((Int) -> UInt8) throws -> R) rethrows -> R {
        let pointer = Pointer(unsafeBufferObject: self)
        let packed = pointer.header.packed
        return try pointer.withUnsafeMutablePointerToElements { p in
            try body { k in
                guard packed else { return p[k] }
                let code = (p[k >> 2] >> UInt8((k & 3) << 1)) & 3
                return code == 0 ? DisplayBytes.joins : code
            }
        }
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
    private let byteLower: UInt32
    private let byteUpper: UInt32
    /// Where this line's scalars start in the cells of `storage`.
    private let cellLower: Int32
    private let storedWidth: Int32
    /// At most 4 cells.
    private let storedIndent: UInt8
    /// 0 paragraph, 1 heading, 2 citation; plus `firstOfBlock`.
    private let kindCode: UInt8
    private let headingLevel: UInt8
    /// The block's display bytes and cells, shared by all its lines.
    let storage: DisplayBytes

    private static var firstOfBlock: UInt8 { 4 }

    init(block: Int, start: Int, end: Int, indent: Int, storage: DisplayBytes, byteRange: Range<Int>, cellStart: Int,
         width: Int, isFirstOfBlock: Bool, kind: Block.Kind) {
        storedBlock = Int32(clamping: block)
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedIndent = UInt8(clamping: indent)
        self.storage = storage
        byteLower = UInt32(clamping: byteRange.lowerBound)
        byteUpper = UInt32(clamping: byteRange.upperBound)
        cellLower = Int32(clamping: cellStart)
        storedWidth = Int32(clamping: width)
        let first = isFirstOfBlock ? DisplayLine.firstOfBlock : 0
        switch kind {
        case .heading(let level): kindCode = 1 | first; headingLevel = UInt8(clamping: level)
        case .citation: kindCode = 2 | first; headingLevel = 0
        case .paragraph: kindCode = 0 | first; headingLevel = 0
        case .note: kindCode = 3 | first; headingLevel = 0
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
    public var utf8: Slice<SourceBytes> { storage.bytes[byteRange] }
    /// Cells the line takes, indentation included. Never more than the layout width.
    public var width: Int { Int(storedWidth) }
    /// Whether this is the first line of its block.
    public var isFirstOfBlock: Bool { kindCode & DisplayLine.firstOfBlock != 0 }
    /// The kind of its block.
    public var kind: Block.Kind {
        switch kindCode & 3 {
        case 1: return .heading(level: Int(headingLevel))
        case 2: return .citation
        case 3: return .note
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
            try storage.withCells { cell in
                var k = Int(cellLower)
                var start = lower
                var width = Int(cell(k) & ~DisplayBytes.joins)
                var i = lower + UTF8Scalars.scalarLength(bytes[lower])
                k += 1
                while i < upper {
                    let c = cell(k)
                    if c & DisplayBytes.joins == 0 {
                        guard try body(UnsafeBufferPointer(rebasing: bytes[start..<i]), width) else { return }
                        start = i
                        width = Int(c)
                    } else {
                        width += Int(c & ~DisplayBytes.joins)
                    }
                    i += UTF8Scalars.scalarLength(bytes[i])
                    k += 1
                }
                _ = try body(UnsafeBufferPointer(rebasing: bytes[start..<upper]), width)
            }
        }
    }
}
