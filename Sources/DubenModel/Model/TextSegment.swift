/// A source line of a block's text. Hard-wrapped paragraphs are joined line by line: the line
/// feed and any spaces around it are removed; when the characters on both sides are not CJK
/// (Latin words, numbers) one space takes their place, otherwise nothing does.
public struct TextSegment: Hashable, Sendable {
    public var range: Range<Int>
    public var joinsWithSpace: Bool

    static func segments(of range: Range<Int>, in bytes: [UInt8]) -> [TextSegment] {
        bytes.withUnsafeBufferPointer { p in
            var result: [TextSegment] = []
            var start = range.lowerBound
            var space = false
            var i = range.lowerBound
            while i < range.upperBound {
                if p[i] == 0x0A {
                    var end = i
                    while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
                    result.append(TextSegment(range: start..<end, joinsWithSpace: space))
                    var next = i + 1
                    while next < range.upperBound, p[next] == 0x20 || p[next] == 0x09 || p[next] == 0x0A { next += 1 }
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
}
