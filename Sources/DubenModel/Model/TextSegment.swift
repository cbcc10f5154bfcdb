/// A source line of a block's (or a citation's) text. Text over several lines is joined line by
/// line: the line feed and any spaces around it (`UTF8Scalars.isSpace`: ASCII, tab, U+3000,
/// NBSP — a continuation line's indentation too) are removed; when the characters on both sides
/// are not CJK (Latin words, numbers) one space takes their place, otherwise nothing does.
public struct TextSegment: Hashable, Sendable {
    public var range: Range<Int>
    public var joinsWithSpace: Bool

    static func segments(of range: Range<Int>, in bytes: SourceBytes) -> [TextSegment] {
        bytes.withUnsafeBufferPointer { p in
            var result: [TextSegment] = []
            var start = range.lowerBound
            var space = false
            var i = range.lowerBound
            while i < range.upperBound {
                if p[i] == 0x0A {
                    var end = i
                    while end > start {
                        let s = UTF8Scalars.previousStart(p, before: end, lowerBound: start)
                        guard UTF8Scalars.isSpace(UTF8Scalars.decode(p, at: s).value) else { break }
                        end = s
                    }
                    result.append(TextSegment(range: start..<end, joinsWithSpace: space))
                    var next = i + 1
                    while next < range.upperBound {
                        let (v, n) = UTF8Scalars.decode(p, at: next)
                        guard v == 0x0A || UTF8Scalars.isSpace(v) else { break }
                        next += n
                    }
                    let before = end > start ? UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: end, lowerBound: start)).value : 0x4E00
                    let after = next < range.upperBound ? UTF8Scalars.decode(p, at: next).value : 0x4E00
                    space = !(UTF8Scalars.isCJK(before) || UTF8Scalars.isCJK(after))
                    start = next
                    i = next
                    continue
                }
                i += 1
            }
            result.append(TextSegment(range: start..<range.upperBound, joinsWithSpace: space))
            return result
        }
    }

    /// The text of a byte range, its lines joined by the rule above.
    static func joined(_ range: Range<Int>, in source: SourceFile) -> String {
        let segs = segments(of: range, in: source.bytes)
        if segs.count == 1 { return source.string(segs[0].range) }
        var s = ""
        for seg in segs {
            if seg.joinsWithSpace { s += " " }
            s += source.string(seg.range)
        }
        return s
    }
}
