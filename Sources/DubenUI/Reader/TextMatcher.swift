/// Literal search: case-insensitive for Latin letters, and full-width and half-width forms of
/// digits, Latin letters and punctuation match each other ("２０２０" finds "2020", "ＣＯＶＩＤ"
/// finds "covid"). Folding maps one scalar to one scalar, so offsets stay those of the text.
public struct TextMatcher: Sendable {
    public let pattern: [UInt32]

    public init?(_ pattern: String) {
        let folded = pattern.unicodeScalars.map { TextMatcher.fold($0.value) }
        guard !folded.isEmpty else { return nil }
        self.pattern = folded
    }

    /// Folds width and case: U+FF01–FF5E → ASCII, ideographic space → space, A–Z → a–z.
    @inline(__always)
    public static func fold(_ v: UInt32) -> UInt32 {
        var v = v
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return v
    }

    /// Scalar offsets of every match in `text`, in order (non-overlapping).
    public func matches(in text: String) -> [Range<Int>] {
        let folded = text.unicodeScalars.map { TextMatcher.fold($0.value) }
        return matches(inFolded: folded)
    }

    func matches(inFolded t: [UInt32]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = pattern.count
        guard t.count >= n else { return [] }
        var i = 0
        let first = pattern[0]
        while i <= t.count - n {
            if t[i] == first {
                var k = 1
                while k < n && t[i + k] == pattern[k] { k += 1 }
                if k == n { result.append(i..<(i + n)); i += n; continue }
            }
            i += 1
        }
        return result
    }
}
