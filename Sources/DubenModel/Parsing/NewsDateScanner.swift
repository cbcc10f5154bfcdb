/// Finds the dates of a news report: the dateline ("4月20日至23日，") in its opening
/// paragraphs and the day markers that open a sentence ("20日下午，", "22日，").
struct NewsDateScanner {
    let source: SourceFile

    /// Times of day that may follow a day marker before its comma.
    static let timesOfDay: [[Unicode.Scalar]] = ["上午", "下午", "晚上", "晚间", "早上", "早晨", "中午", "傍晚", "凌晨", "夜间", "深夜", "晚", "早"]
        .map { Array($0.unicodeScalars) }
    /// How many opening paragraphs may hold the dateline.
    static let datelineParagraphs = 3

    struct Found {
        var span: DateSpan
        var byte: Int
        var marker: String
    }

    init(source: SourceFile) { self.source = source }

    /// The first sentence-opening month-and-day date in the opening paragraphs.
    mutating func findDateline(_ p: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>]) -> Found? {
        for range in pieces.prefix(NewsDateScanner.datelineParagraphs) {
            var found: Found? = nil
            forEachSentenceStart(p, range) { start in
                if let f = marker(p, at: start, end: range.upperBound, context: nil), f.span.start.month != nil, f.span.start.day != nil {
                    found = f
                    return false
                }
                return true
            }
            if let found { return found }
        }
        return nil
    }

    /// Fills the document's dateline and day markers; the year comes from the dateline, else
    /// from the metadata, else stays unknown.
    func assign(_ p: UnsafeBufferPointer<UInt8>, to document: inout Document, dateline: Found) {
        var span = dateline.span
        if span.start.year == nil, let y = document.metadata?.date?.start.year { span = span.withYear(y) }
        let anchor = document.anchor(atByte: dateline.byte)
        document.dateline = DatedPassage(kind: .dateline, date: span, block: anchor.block, offset: anchor.offset, marker: dateline.marker)
        var context = span.start
        var passages: [DatedPassage] = []
        for (b, block) in document.blocks.enumerated() where block.kind == .paragraph && block.range.upperBound > dateline.byte {
            forEachSentenceStart(p, block.range) { start in
                guard start > dateline.byte + dateline.marker.utf8.count - 1,
                      var f = marker(p, at: start, end: block.range.upperBound, context: context), f.span.start.day != nil else { return true }
                // A day before the current one, inside a dateline that runs into the next
                // month, belongs to that month.
                if f.span.start.month == context.month, let d = f.span.start.day, let cd = context.day, d < cd,
                   let endMonth = span.end?.month, endMonth != context.month {
                    f.span.start.month = endMonth
                    if f.span.end != nil { f.span.end!.month = endMonth }
                }
                context = f.span.start
                let a = document.anchor(atByte: start)
                passages.append(DatedPassage(kind: .dayMarker, date: f.span, block: b, offset: a.offset, marker: f.marker))
                return true
            }
        }
        document.datedPassages = passages
    }

    /// Byte offsets where sentences start: the block start and after 。！？； (and a closing quote).
    /// Steps a whole scalar at a time; `body` returns false to stop.
    func forEachSentenceStart(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int) -> Bool) {
        guard body(range.lowerBound) else { return }
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B
            let b0 = p[i]
            if b0 < 0xE0 { i += b0 < 0x80 ? 1 : 2; continue }
            if b0 >= 0xF0 { i += 4; continue }
            let b1 = p[i + 1], b2 = p[i + 2]
            i += 3
            if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x82) || (b0 == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B)) {
                // ” E2 80 9D
                if i + 2 < range.upperBound && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x9D { i += 3 }
                if i < range.upperBound, !body(i) { return }
            }
        }
    }

    /// A date at `start` followed by an optional time of day and a comma.
    func marker(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, context: PartialDate?) -> Found? {
        let first = UTF8Scalars.decode(p, at: start).value
        guard let c = Unicode.Scalar(first), DateParser.canStartDate(c) else { return nil }
        var limit = start, count = 0
        while limit < end && count < 24 { limit += UTF8Scalars.scalarLength(p[limit]); count += 1 }
        let s = UTF8Scalars.scalars(p, start..<limit)
        guard let (span, j) = DateParser(s).span(at: 0, requireYear: false, context: context) else { return nil }
        var k = j
        for t in NewsDateScanner.timesOfDay where s[j...].starts(with: t) { k += t.count; break }
        guard k < s.count, s[k] == "，" || s[k] == "," else { return nil }
        return Found(span: span, byte: start, marker: String(scalars: s[..<k]))
    }
}
