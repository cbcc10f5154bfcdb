import CDubenText

/// Line-break opportunities from ICU: UAX #14 with the `zh` strict tailoring
/// (through `CDubenText`, which keeps ICU's headers away from Swift).
public enum LineBreaker {
    /// Byte offsets in `utf8` at which a line may start (ascending; `utf8.count` is last).
    public static func opportunities(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: utf8.count + 1) { buffer, count in
            count = opportunities(utf8, into: buffer)
        }
    }

    /// The opportunities of UTF-16 text, as UTF-16 offsets, written into `out` (which must hold
    /// `utf16.count` elements); returns how many there are. The wrapper's path: it converts each
    /// block to UTF-16 while measuring it, so ICU reads it directly.
    static func opportunities(utf16: UnsafeBufferPointer<UInt16>, into out: UnsafeMutableBufferPointer<Int32>) -> Int {
        precondition(out.count >= utf16.count, "LineBreaker: output buffer too small")
        guard let base = utf16.baseAddress, utf16.count > 0 else { return 0 }
        let n = duben_line_breaks_utf16(base, Int32(clamping: utf16.count), out.baseAddress, Int32(clamping: out.count))
        if n >= 0 { return Int(n) }
        // ICU unavailable: every scalar boundary (no break inside a surrogate pair).
        var count = 0
        for i in 1...utf16.count where i == utf16.count || !UTF16.isTrailSurrogate(utf16[i]) {
            out[count] = Int32(i)
            count += 1
        }
        return count
    }

    /// Writes the opportunities into `out`, which must hold `utf8.count` elements (there are
    /// at most as many opportunities as bytes), and returns how many there are.
    static func opportunities(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Int32>) -> Int {
        precondition(out.count >= utf8.count, "LineBreaker: output buffer too small")
        guard let base = utf8.baseAddress, utf8.count > 0 else { return 0 }
        let n = duben_line_breaks(base, Int32(clamping: utf8.count), out.baseAddress, Int32(clamping: out.count))
        if n >= 0 { return Int(n) }
        // ICU unavailable: every scalar boundary is an opportunity; the clreq rules still apply.
        var count = 0
        for i in 1...utf8.count where i == utf8.count || utf8[i] & 0xC0 != 0x80 {
            out[count] = Int32(i)
            count += 1
        }
        return count
    }
}
