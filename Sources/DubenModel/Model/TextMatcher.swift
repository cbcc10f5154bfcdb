/// Literal text search, the one used everywhere text is matched: the reader's `/` search,
/// timeline filter and bookmark-list filter, `duben quotes --match` and `--occasion`,
/// `duben timeline --match`, `duben bookmarks list|export --match`.
///
/// Pattern and text are compared after `fold(_:)`, so ASCII letters match in either case and
/// full-width and half-width forms match each other ("２０２０" finds "2020", "ＣＯＶＩＤ"
/// finds "covid"). Folding maps one scalar to one scalar, so match offsets are those of the
/// text.
public struct TextMatcher: Sendable {
    /// The pattern, folded.
    public let pattern: [UInt32]

    /// A matcher for a literal pattern; nil when the pattern is empty.
    public init?(_ pattern: String) {
        let folded = pattern.unicodeScalars.map { TextMatcher.fold($0.value) }
        guard !folded.isEmpty else { return nil }
        self.pattern = folded
    }

    /// The folding applied to pattern and text alike, one scalar value to one:
    /// - full-width forms U+FF01–FF5E (！ … ～, ０–９, Ａ–Ｚ, ａ–ｚ) → ASCII U+0021–007E;
    /// - the ideographic space U+3000 → the space U+0020;
    /// - ASCII capitals A–Z → a–z (after the above, so Ａ → a too).
    ///
    /// Nothing else is folded: not other letters' case (É, Ω), not half-width katakana, not
    /// traditional and simplified characters, not canonical equivalents.
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
        var result: [Range<Int>] = []
        var from = 0
        while let match = firstMatch(inFolded: folded, from: from) {
            result.append(match)
            from = match.upperBound
        }
        return result
    }

    /// Whether the pattern occurs in `text` (stops at the first match).
    public func occurs(in text: String) -> Bool {
        firstMatch(inFolded: text.unicodeScalars.map { TextMatcher.fold($0.value) }, from: 0) != nil
    }

    /// The first match in folded text at or after offset `from`.
    func firstMatch(inFolded t: [UInt32], from: Int) -> Range<Int>? {
        let n = pattern.count
        guard t.count >= n else { return nil }
        let first = pattern[0]
        var i = from
        while i <= t.count - n {
            if t[i] == first {
                var k = 1
                while k < n && t[i + k] == pattern[k] { k += 1 }
                if k == n { return i..<(i + n) }
            }
            i += 1
        }
        return nil
    }
}
