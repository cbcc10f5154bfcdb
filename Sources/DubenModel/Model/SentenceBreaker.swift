/// Where the sentences of a block's text begin and end, in Unicode scalars (the unit of
/// `TextAnchor.offset` and of a bookmark's offset and length).
///
/// The rule (Docs/FORMAT.md, "Sentences"): a sentence ends after 。！？ (or ! ? and a full stop
/// followed by a space or the end), after any run of them ("？！"), and after the closing quotes
/// and brackets that follow them — "…的伟业。”" ends after ”. An ellipsis "……" or a semicolon
/// does not end a sentence. Spaces between sentences belong to neither: a sentence starts at
/// its first non-space scalar. Text after the last terminator is a sentence of its own, so the
/// sentences of a block cover all of its non-space text, in order, without overlap.
///
/// Rejected: ICU's sentence iterator (UAX #29) — it breaks "他说：“好。”然后…" inside the
/// quotes in some versions, needs the text in UTF-16, and would have to cross into the C
/// target; the rule set above is the one Chinese typesetting uses (clreq) and is a page long.
public enum SentenceBreaker {
    /// The sentences of `text`, as scalar ranges.
    public static func sentences(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var out: [Range<Int>] = []
        var i = 0
        let n = scalars.count
        while i < n {
            while i < n, isSpace(scalars[i]) { i += 1 }
            guard i < n else { break }
            let start = i
            var end = n
            var j = i
            while j < n {
                if endsSentence(scalars, at: j) {
                    var k = j + 1
                    while k < n, isTerminator(scalars[k]) || isCloser(scalars[k]) { k += 1 }
                    end = k
                    break
                }
                j += 1
            }
            // Trailing spaces are not part of the sentence.
            var e = end
            while e > start, isSpace(scalars[e - 1]) { e -= 1 }
            out.append(start..<e)
            i = end
        }
        return out
    }

    /// Whether the scalar at `j` ends a sentence.
    static func endsSentence(_ s: [Unicode.Scalar], at j: Int) -> Bool {
        let c = s[j]
        if isTerminator(c) { return true }
        if c == "." {
            // "3.5" and "U.S.A" stay whole, and so does a list number ("1. 坚持"): a full stop
            // ends a sentence only before a space or the end, and not after a digit.
            if j > 0, s[j - 1].properties.numericType != nil { return false }
            return j + 1 == s.count || isSpace(s[j + 1])
        }
        return false
    }

    /// 。！？ and their ASCII and small forms (a full stop "." is decided by `endsSentence`).
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF61, 0xFE52, 0xFE56, 0xFE57, 0x203C, 0x2047, 0x2048, 0x2049: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they close.
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017, 0xFF3D, 0x5D, 0x22, 0x27, 0xFE42, 0xFE44:
            return true
        default: return false
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\u{3000}" || c == "\u{A0}"
    }
}

extension Document {
    /// The sentences of a block (scalar ranges in `text(of:)`), by `SentenceBreaker`.
    public func sentences(of blockIndex: Int) -> [Range<Int>] {
        SentenceBreaker.sentences(in: text(of: blockIndex))
    }
}
