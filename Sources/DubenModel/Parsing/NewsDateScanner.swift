#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the dates of a news report: its dateline — an agency's ("新华社北京3月5日电（记者
/// 某某）", "本报讯", "据中新社…电") anywhere in the opening paragraphs, else a sentence-opening
/// month-and-day date ("4月20日至23日，") — and the day markers that open a sentence later
/// ("20日下午，", "22日，").
struct NewsDateScanner {
    let source: SourceFile

    /// Times of day that may follow a day marker before its comma.
    static let timesOfDay: [[Unicode.Scalar]] = ["上午", "下午", "晚上", "晚间", "早上", "早晨", "中午", "傍晚", "凌晨", "夜间", "深夜", "晚", "早"]
        .map { Array($0.unicodeScalars) }
    /// How many opening paragraphs may hold the dateline.
    static let datelineParagraphs = 3
    /// How many opening pieces (headline deck lines, then the first paragraph) may hold an
    /// agency's dateline.
    static let agencyDatelinePieces = 5
    /// How far into a paragraph an agency's dateline may stand, in scalars (counted as three
    /// bytes each).
    static let agencyDatelineReach = 160
    /// How many closing pieces may hold an agency's dateline in brackets (before an editor
    /// line or a credit, say).
    static let closingDatelinePieces = 4

    struct Found {
        /// Its date; nil for an undated agency dateline ("本报讯").
        var span: DateSpan?
        var byte: Int
        var marker: String
        /// For an agency's dateline: the index of the piece holding it (the pieces before
        /// are the headline deck) and the byte where the news body starts after it.
        var piece: Int? = nil
        var bodyByte: Int? = nil
        /// An agency's dateline closing the report, in brackets on its own line
        /// ("（新华社北京5月18日电）"): day markers are then looked for before it.
        var closing = false
    }

    init(source: SourceFile) { self.source = source }

    /// An agency's dateline in the opening pieces, else one in brackets on a line of its own
    /// among the last pieces (such a line counts as closing wherever it stands), else the first sentence-opening month-and-day date in the
    /// opening paragraphs.
    mutating func findDateline(_ p: UnsafeBufferPointer<UInt8>, pieces: [DocumentParser.Piece]) -> Found? {
        // Notes (a caption "3月5日，…摄", a byline) hold no dateline.
        func isNote(_ piece: DocumentParser.Piece) -> Bool { if case .note = piece.kind { return true } else { return false } }
        for (i, piece) in pieces.prefix(NewsDateScanner.agencyDatelinePieces).enumerated() where !isNote(piece) {
            // A bracketed dateline line is the closing kind wherever it stands (a short report).
            if var found = closingDateline(p, piece.range) ?? agencyDateline(p, piece.range) {
                found.piece = i
                return found
            }
        }
        for i in pieces.indices.suffix(NewsDateScanner.closingDatelinePieces).reversed() where !isNote(pieces[i]) {
            if var found = closingDateline(p, pieces[i].range) {
                found.piece = i
                return found
            }
        }
        for piece in pieces.prefix(NewsDateScanner.datelineParagraphs) where !isNote(piece) {
            let range = piece.range
            var found: Found? = nil
            forEachSentenceStart(p, range) { start in
                if let f = marker(p, at: start, end: range.upperBound, context: nil), f.span?.start.month != nil, f.span?.start.day != nil {
                    found = f
                    return false
                }
                return true
            }
            if let found { return found }
        }
        return nil
    }

    /// An agency's dateline alone in brackets: "（新华社北京5月18日电）", "(本报某市3月5日电)".
    func closingDateline(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Found? {
        guard range.count >= 8, range.count <= NewsDateline.maxLineBytes, p[range.upperBound - 1] == 0x89 || p[range.upperBound - 1] == 0x29,
              NewsDateline.hasDianOrXun(p, range) else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        guard let f = s.first, let l = s.last, (f == "（" && l == "）") || (f == "(" && l == ")") else { return nil }
        let inner = Array(s[1..<(s.count - 1)])
        guard let d = NewsDateline.find(inner), d.start == 0, d.end == inner.count, d.span != nil else { return nil }
        return Found(span: d.span, byte: range.lowerBound + f.utf8.count, marker: String(scalars: inner[...]), closing: true)
    }

    /// An agency's dateline in the first `agencyDatelineReach` letters of a paragraph.
    func agencyDateline(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Found? {
        // 电 E7 94 B5, 讯 E8 AE AF: most paragraphs have neither near their start. Look at
        // their last bytes within the reach (three bytes a letter), then decode that far.
        var limit = min(range.upperBound, range.lowerBound + 3 * NewsDateScanner.agencyDatelineReach)
        let seen = NewsDateline.hasDianOrXun(p, range.lowerBound..<limit)
        guard seen else { return nil }
        if limit < range.upperBound { limit = UTF8Scalars.previousStart(p, before: limit + 1, lowerBound: range.lowerBound) }
        let s = UTF8Scalars.scalars(p, range.lowerBound..<limit)
        guard let d = NewsDateline.find(s) else { return nil }
        var byte = range.lowerBound
        for c in s[..<d.start] { byte += c.utf8.count }
        var body = byte
        var e = d.end
        while e < s.count && NoteLines.isSpace(s[e]) { e += 1 }
        for c in s[d.start..<e] { body += c.utf8.count }
        return Found(span: d.span, byte: byte, marker: String(scalars: s[d.start..<d.end]), bodyByte: body)
    }

    /// Fills the document's dateline and day markers; the year comes from the dateline, else
    /// from the metadata, else from a full date of the dateline's month (or the month before)
    /// elsewhere in the document (`yearFromText`), else stays unknown.
    func assign(_ p: UnsafeBufferPointer<UInt8>, to document: inout Document, dateline: Found) {
        guard var span = dateline.span else { return }
        if span.start.year == nil, let y = document.metadata?.date?.start.year ?? yearFromText(p, document, near: span.start) {
            span = span.withYear(y)
        }
        let anchor = document.anchor(atByte: dateline.byte)
        document.dateline = DatedPassage(kind: .dateline, date: span, block: anchor.block, offset: anchor.offset, marker: dateline.marker)
        var context = span.start
        var passages: [DatedPassage] = []
        // The news body after an agency's dateline opens a sentence: "…电　5月16日至18日，…".
        if let body = dateline.bodyByte, body > dateline.byte {
            let b = document.anchor(atByte: body).block
            let block = document.blocks[b]
            if block.kind == .paragraph, body < block.range.upperBound,
               let f = marker(p, at: body, end: block.range.upperBound, context: context), let fs = f.span, fs.start.day != nil {
                context = fs.start
                passages.append(DatedPassage(kind: .dayMarker, date: fs, block: b, offset: document.anchor(atByte: body).offset, marker: f.marker))
            }
        }
        // Day markers follow an opening dateline, and precede a closing one.
        let after = dateline.closing ? Int.min : dateline.byte + dateline.marker.utf8.count - 1
        for (b, block) in document.blocks.enumerated() where block.kind == .paragraph && block.range.upperBound > after {
            forEachSentenceStart(p, block.range) { start in
                guard start > after,
                      let found = marker(p, at: start, end: block.range.upperBound, context: context), var f = found.span,
                      f.start.day != nil else { return true }
                // A day before the current one, inside a dateline that runs into the next
                // month, belongs to that month.
                if f.start.month == context.month, let d = f.start.day, let cd = context.day, d < cd,
                   let endMonth = span.end?.month, endMonth != context.month {
                    f.start.month = endMonth
                    if f.end != nil { f.end!.month = endMonth }
                }
                context = f.start
                let a = document.anchor(atByte: start)
                passages.append(DatedPassage(kind: .dayMarker, date: f, block: b, offset: a.offset, marker: found.marker))
                return true
            }
        }
        document.datedPassages = passages
    }

    /// The year of a full date ("2024年3月4日", "二〇二四年三月") elsewhere in the document — title
    /// or any block, captions included — in the dateline's month or the month before (a
    /// January dateline takes December's year + 1); the first such date decides.
    func yearFromText(_ p: UnsafeBufferPointer<UInt8>, _ document: Document, near date: PartialDate) -> Int? {
        guard let month = date.month else { return nil }
        func yearOfDate(_ s: [Unicode.Scalar], at i: Int) -> Int? {
            let parser = DateParser(s)
            // Four digits, perhaps a space before 年: "2024年", "2024 年", "二〇二四年".
            guard i >= 4, let (span, _) = parser.span(at: i - 4, requireYear: true) ?? (i >= 5 ? parser.span(at: i - 5, requireYear: true) : nil),
                  let y = span.start.year, let m = span.start.month else { return nil }
            if m == month { return y }
            if m == (month == 1 ? 12 : month - 1) { return month == 1 ? y + 1 : y }
            return nil
        }
        let title = Array(document.title.unicodeScalars)
        for i in title.indices where title[i] == "年" { if let y = yearOfDate(title, at: i) { return y } }
        guard let base = p.baseAddress else { return nil }
        for block in document.blocks {
            // A web page's time stamp among the notes: "发布时间：2025-06-12 10:30".
            if block.kind == .note, let y = isoYear(p, block.range, month: month) { return y }
            // 年 is E5 B9 B4: look for its last byte, then decode a window around it.
            var i = block.range.lowerBound + 2
            while i < block.range.upperBound, let hit = memchr(base + i, 0xB4, block.range.upperBound - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = at + 1
                guard p[at - 2] == 0xE5 && p[at - 1] == 0xB9, at + 1 < block.range.upperBound else { continue }
                // A full date goes on with its month: "年3月", "年 3 月", "年三月".
                let next = Unicode.Scalar(UTF8Scalars.decode(p, at: at + 1).value) ?? " "
                guard DateParser.digit(next) != nil || DateParser.chineseDigit(next) != nil || next == "十" || NoteLines.isSpace(next) else { continue }
                var lo = at - 2, k = 0
                while k < 5 && lo > block.range.lowerBound {
                    lo = UTF8Scalars.previousStart(p, before: lo, lowerBound: block.range.lowerBound)
                    k += 1
                }
                var hi = at + 1, n = 0
                while hi < block.range.upperBound && n < 12 { hi += UTF8Scalars.scalarLength(p[hi]); n += 1 }
                let window = UTF8Scalars.scalars(p, lo..<min(hi, block.range.upperBound))
                if let y = yearOfDate(window, at: k) { return y }
            }
        }
        return nil
    }

    /// The year of an ISO date (`2025-06-12`, `2025/6/12`) in a note, in the dateline's month
    /// or the month before (a January dateline takes December's year + 1).
    func isoYear(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, month: Int) -> Int? {
        guard let base = p.baseAddress, range.count >= 8 else { return nil }
        var i = range.lowerBound
        while i + 8 <= range.upperBound, let hit = memchr(base + i + 4, 0x2D, range.upperBound - i - 4) ?? memchr(base + i + 4, 0x2F, range.upperBound - i - 4) {
            let dash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let start = dash - 4
            if start == range.lowerBound || !(p[start - 1] >= 0x30 && p[start - 1] <= 0x39),
               let d = NoteLines.isoDate(p, at: start, end: range.upperBound) {
                if d.month == month { return d.year }
                if d.month == (month == 1 ? 12 : month - 1) { return month == 1 ? d.year + 1 : d.year }
            }
            i = dash - 3
        }
        return nil
    }

    /// Byte offsets where sentences start: the block start and after 。！？； (and a closing quote).
    /// `body` returns false to stop.
    ///
    /// The four ends are three-byte scalars led by E3 (。 E3 80 82) or EF (！ EF BC 81, ？ EF BC 9F,
    /// ； EF BC 9B); a lead byte is never a continuation byte, so the scan looks eight bytes at a
    /// time for an E3 or EF byte and checks the two after it only there.
    func forEachSentenceStart(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int) -> Bool) {
        guard body(range.lowerBound) else { return }
        guard let base = p.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let end = range.upperBound
        var i = range.lowerBound
        /// Where the next sentence starts when the scalar at `k` ends one.
        @inline(__always) func sentenceEnd(at k: Int) -> Int? {
            guard k + 2 < end else { return nil }
            let b0 = p[k], b1 = p[k + 1], b2 = p[k + 2]
            guard (b0 == 0xE3 && b1 == 0x80 && b2 == 0x82) || (b0 == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B)) else {
                return nil
            }
            // ” E2 80 9D
            if k + 5 < end && p[k + 3] == 0xE2 && p[k + 4] == 0x80 && p[k + 5] == 0x9D { return k + 6 }
            return k + 3
        }
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i < end {
            var k = i
            if i + 8 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                // Bytes equal to E3 or EF: the zero bytes of w ^ E3E3… or w ^ EFEF… (exact per byte).
                let x = w ^ 0xE3E3_E3E3_E3E3_E3E3, y = w ^ 0xEFEF_EFEF_EFEF_EFEF
                let hits = ~(((x & low) &+ low) | x | low) | ~(((y & low) &+ low) | y | low)
                if hits == 0 { i += 8; continue }
                k = i + hits.trailingZeroBitCount >> 3
            } else if p[i] != 0xE3 && p[i] != 0xEF {
                i += 1
                continue
            }
            if let after = sentenceEnd(at: k) {
                if after < end, !body(after) { return }
                i = after
            } else {
                i = k + 1
            }
        }
    }

    /// Day words that open a sentence relative to the current date (the dateline's, or the
    /// last day marker's), with the days they add: 当天, 当日, 同日, 同天, 当晚 (that day), 次日,
    /// 翌日 (the next).
    static let relativeDays: [(word: [Unicode.Scalar], days: Int)] = [
        ("当天", 0), ("当日", 0), ("同日", 0), ("同天", 0), ("当晚", 0), ("次日", 1), ("翌日", 1),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// A date at `start` followed by an optional time of day and a comma; or a relative day
    /// word (`relativeDays`: "当天上午，", "次日，") when the current date has a day.
    func marker(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, context: PartialDate?) -> Found? {
        let first = UTF8Scalars.decode(p, at: start).value
        // 当 同 次 翌
        if first == 0x5F53 || first == 0x540C || first == 0x6B21 || first == 0x7FCC {
            return relativeMarker(p, at: start, end: end, context: context)
        }
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

extension NewsDateScanner {
    /// "当天上午，", "同日，", "次日，": a relative day word, an optional time of day and a comma;
    /// its date is the current one (`context`, which must have a month and a day) or the next day.
    func relativeMarker(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, context: PartialDate?) -> Found? {
        guard let context, let month = context.month, let day = context.day, start + 9 <= end else { return nil }
        // 天 日 晚 (当天, 当日, 同日, 次日, 当晚…): most sentences opening with 当 or 同 (当前, 同时)
        // are ruled out here, before anything is decoded into an array.
        let second = UTF8Scalars.decode(p, at: start + 3).value
        guard second == 0x5929 || second == 0x65E5 || second == 0x665A else { return nil }
        var limit = start, count = 0
        while limit < end && count < 8 { limit += UTF8Scalars.scalarLength(p[limit]); count += 1 }
        let s = UTF8Scalars.scalars(p, start..<limit)
        guard let relative = NewsDateScanner.relativeDays.first(where: { s.starts(with: $0.word) }) else { return nil }
        var k = relative.word.count
        for t in NewsDateScanner.timesOfDay where s[k...].starts(with: t) { k += t.count; break }
        guard k < s.count, s[k] == "，" || s[k] == "," else { return nil }
        var date = context
        if relative.days > 0 {
            let last = NewsDateScanner.daysIn(month: month, year: context.year)
            if day < last {
                date.day = day + 1
            } else {
                date.day = 1
                date.month = month == 12 ? 1 : month + 1
                if month == 12, let y = context.year { date.year = y + 1 }
            }
        }
        return Found(span: DateSpan(start: date), byte: start, marker: String(scalars: s[..<k]))
    }

    /// The days of a month (February 28 when the year is unknown).
    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 28 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An agency's dateline (电头) in a paragraph: [据] agency [place] [M月D日] 电|专电|讯, then
/// perhaps the reporters in brackets: "新华社北京3月5日电（记者 某某、某某）",
/// "本报某市11月28日电", "中新社某市12月28日电 (记者 某某)", "据新华社某市9月23日电", "本报讯（记者
/// 某某）", "据新华社电". The date has a month and a day and no year, as datelines do; "讯" and
/// "电" may go without a date. The agency is a run of Han letters that opens the paragraph (or follows a space or
/// punctuation) and names an agency (社, 报, 网, 台, 刊 in its first letters), or a known
/// agency's name where the dateline is glued to text before it.
enum NewsDateline {
    /// Agencies recognised even when glued to the text before them.
    static let knownAgencies: [[Unicode.Scalar]] = [
        "新华社", "中新社", "中国新闻社", "中新网", "本报", "人民日报", "人民网", "新华网", "央视网", "央视新闻", "央广网",
        "光明日报", "光明网", "经济日报", "中国日报", "国际在线", "环球网", "澎湃新闻", "新京报", "中国青年报", "工人日报",
        "法治日报", "解放日报", "文汇报",
    ].map { Array($0.unicodeScalars) }
    /// Letters that end an agency's name.
    static let agencyLetters = Set("社报网台刊".unicodeScalars)
    /// The longest agency and place before the date, in letters.
    static let maxAgencyAndPlace = 20

    /// A dateline found in `s`: where it starts and ends (past the reporters' brackets), and its date.
    struct Match {
        var start: Int
        var end: Int
        var span: DateSpan?
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool { NoteLines.isHan(c) }

    /// Whether 电 (E7 94 B5) or 讯 (E8 AE AF) stands in a byte range: their last bytes are
    /// found with memchr, then the two before are checked.
    static func hasDianOrXun(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = p.baseAddress, range.count >= 3 else { return false }
        func has(_ last: UInt8, _ middle: UInt8, _ lead: UInt8) -> Bool {
            var i = range.lowerBound + 2
            while i < range.upperBound, let hit = memchr(base + i, Int32(last), range.upperBound - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if p[at - 1] == middle && p[at - 2] == lead { return true }
                i = at + 1
            }
            return false
        }
        return has(0xB5, 0x94, 0xE7) || has(0xAF, 0xAE, 0xE8)
    }

    static func isDateLetter(_ c: Unicode.Scalar) -> Bool {
        DateParser.digit(c) != nil || DateParser.chineseDigit(c) != nil || c == "十" || c == "月" || c == "年" || c == " " || c == "\u{A0}"
    }

    /// The first dateline in `s`.
    static func find(_ s: [Unicode.Scalar]) -> Match? {
        for k in s.indices where s[k] == "电" || s[k] == "讯" {
            if let m = match(s, at: k) { return m }
        }
        return nil
    }

    /// A dateline whose 电 or 讯 is at `k`.
    static func match(_ s: [Unicode.Scalar], at k: Int) -> Match? {
        var j = k
        if s[k] == "电" && j > 0 && s[j - 1] == "专" { j -= 1 }
        var span: DateSpan? = nil
        var agencyEnd = j
        if j > 0 && (s[j - 1] == "日" || s[j - 1] == "号") {
            var walk = j - 1
            while walk > 0 && isDateLetter(s[walk - 1]) && j - walk < 16 { walk -= 1 }
            let parser = DateParser(s)
            for start in walk..<(j - 1) where !NoteLines.isSpace(s[start]) {
                if let (found, end) = parser.span(at: start, requireYear: false), end == j,
                   found.start.month != nil, found.start.day != nil {
                    span = found
                    agencyEnd = start
                    break
                }
            }
            guard span != nil else { return nil }
            while agencyEnd > 0 && NoteLines.isSpace(s[agencyEnd - 1]) { agencyEnd -= 1 }
        } else if k + 1 < s.count, isHan(s[k + 1]) {
            // 讯 or 电 without a date ends a word when a bracket, space or punctuation follows
            // ("通讯员", "新华社电视" are no datelines).
            return nil
        }
        var a = agencyEnd
        while a > 0 && isHan(s[a - 1]) && agencyEnd - a < maxAgencyAndPlace { a -= 1 }
        guard agencyEnd - a >= 2 else { return nil }
        let run = s[a..<agencyEnd]
        var start: Int? = nil
        let opensText = a == 0 || !isHan(s[a - 1])
        if opensText {
            var q = a
            if s[q] == "据" { q += 1 }
            if s[q..<min(agencyEnd, q + 6)].contains(where: { agencyLetters.contains($0) }) { start = a }
        }
        if start == nil {
            for q in run.indices where knownAgencies.contains(where: { s[q..<agencyEnd].starts(with: $0) }) {
                start = q > a && s[q - 1] == "据" ? q - 1 : q
                break
            }
        }
        guard let start else { return nil }
        // An undated 讯 or 电: the agency itself ends in an agency letter ("本报讯", "据新华社电").
        if span == nil, !agencyLetters.contains(s[agencyEnd - 1]) { return nil }
        return Match(start: start, end: reportersEnd(s, after: k + 1), span: span)
    }

    /// Past "（记者 某某、某某）" or "(记者 某某)" after the dateline, when it follows (spaces may
    /// stand before it); else `i`.
    static func reportersEnd(_ s: [Unicode.Scalar], after i: Int) -> Int {
        var j = i
        while j < s.count && NoteLines.isSpace(s[j]) { j += 1 }
        guard j < s.count, s[j] == "（" || s[j] == "(" else { return i }
        let close: Unicode.Scalar = s[j] == "（" ? "）" : ")"
        var e = j + 1
        while e < s.count && e - j < 40 && s[e] != close && s[e] != "（" && s[e] != "(" { e += 1 }
        guard e < s.count, s[e] == close || (s[e] == ")" || s[e] == "）"),
              s[(j + 1)..<e].starts(with: "记者".unicodeScalars) || s[(j + 1)..<e].contains(where: { $0 == "记" }) else { return i }
        return e + 1
    }
}
