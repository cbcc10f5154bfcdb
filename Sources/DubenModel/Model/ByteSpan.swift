/// A byte range of a loaded source file, stored in 8 bytes instead of `Range<Int>`'s 16.
///
/// A corpus holds hundreds of thousands of blocks, quotations and headings, each holding byte
/// ranges, so the model stores them packed. Source files are limited to 4 GiB less a byte
/// (`SourceFile.maximumSize`, the bound of these 32-bit offsets); the loader refuses larger ones.
public struct ByteSpan: Hashable, Sendable {
    @usableFromInline var lower: UInt32
    @usableFromInline var upper: UInt32

    public init(_ range: Range<Int>) {
        lower = UInt32(truncatingIfNeeded: range.lowerBound)
        upper = UInt32(truncatingIfNeeded: range.upperBound)
    }

    /// A value no range converts to, for "no range" in packed optionals.
    static let none = ByteSpan(lower: .max, upper: 0)

    private init(lower: UInt32, upper: UInt32) {
        self.lower = lower
        self.upper = upper
    }

    public var range: Range<Int> { Int(lower)..<Int(upper) }

    /// The length of the range (0 for `none`).
    @inlinable public var count: Int { Int(upper &- min(lower, upper)) }
}
