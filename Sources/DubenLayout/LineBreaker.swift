import CDubenText

/// Line-break opportunities from ICU: UAX #14 with the `zh` strict tailoring
/// (through `CDubenText`, which keeps ICU's headers away from Swift).
public enum LineBreaker {
    /// Byte offsets in `utf8` at which a line may start (ascending; `utf8.count` is last).
    public static func opportunities(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return [] }
        let length = Int32(clamping: utf8.count)
        var n: Int32 = 0
        let out = [Int32](unsafeUninitializedCapacity: utf8.count + 1) { buffer, count in
            n = duben_line_breaks(base, length, buffer.baseAddress, Int32(buffer.count))
            count = Int(max(0, min(n, Int32(buffer.count))))
        }
        // ICU unavailable: every scalar boundary is an opportunity; the clreq rules still apply.
        if n < 0 {
            var all: [Int32] = []
            for i in 1...utf8.count where i == utf8.count || utf8[i] & 0xC0 != 0x80 { all.append(Int32(i)) }
            return all
        }
        return out
    }
}
