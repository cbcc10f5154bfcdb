/// Small helpers for reading Unicode scalars straight out of UTF-8 bytes.
///
/// The parser works on byte ranges and only decodes the few scalars it needs to look at
/// (the start of a line, the end of a line), so these helpers avoid building `String`s.
public enum UTF8Scalars {
    /// Decodes the scalar starting at `index` in well-formed UTF-8 (the loader guarantees it).
    /// - Returns: the scalar value and its length in bytes.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
            | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// The start of the scalar that ends just before `index`.
    @inlinable
    public static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int, lowerBound: Int) -> Int {
        var i = index - 1
        while i > lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The scalars of a byte range, for the short strings (citations, headings) that need them.
    public static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count / 2)
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, n) = decode(bytes, at: i)
            result.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            i += n
        }
        return result
    }

    /// Whether a scalar is written with CJK ideographs or CJK punctuation — the characters between
    /// which a hard line break joins without a space.
    @inlinable
    public static func isCJK(_ v: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    /// Horizontal white space that may pad a line: ASCII space, tab, ideographic space, NBSP.
    @inlinable
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0B
    }
}

extension UTF8Scalars {
    /// Length in bytes of the scalar whose first byte is `lead`.
    @inlinable
    public static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

extension String {
    /// A string from scalars, built through UTF-8 (much faster than appending scalars one by one).
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            let v = s.value
            switch v {
            case 0..<0x80: bytes.append(UInt8(v))
            case 0x80..<0x800: bytes.append(0xC0 | UInt8(v >> 6)); bytes.append(0x80 | UInt8(v & 0x3F))
            case 0x800..<0x10000:
                bytes.append(0xE0 | UInt8(v >> 12)); bytes.append(0x80 | UInt8((v >> 6) & 0x3F)); bytes.append(0x80 | UInt8(v & 0x3F))
            default:
                bytes.append(0xF0 | UInt8(v >> 18)); bytes.append(0x80 | UInt8((v >> 12) & 0x3F))
                bytes.append(0x80 | UInt8((v >> 6) & 0x3F)); bytes.append(0x80 | UInt8(v & 0x3F))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
