extension DocumentParser {
    /// Stage 1's result: what the opening lines say about the document.
    struct Header {
        /// The first line; empty when the document opens with its text (a salutation).
        var title: String
        /// The second line when it is a name and more lines follow.
        var author: String?
        /// The index of the body's first line.
        var bodyStart: Int
        /// Lines under the title about the document — a "——在…上的讲话" subtitle, a date or
        /// delivery line, a speaker's name after them — shown as notes before the body.
        var notes: [Line] = []
        /// The document's own date and occasion, from those lines or a bracket ending the title.
        var citation: Citation?
        /// Web page furniture before the title (`当前位置：首页 > 时政 > 正文`, `【字体：大 中 小】`,
        /// `打印本页`, an editor or source line): notes shown before the header's own notes.
        var furniture: [Line] = []
        /// The index of the title line (after the furniture).
        var titleIndex = 0
    }

    /// How many lines of web page furniture may stand before the title.
    static let furnitureLineLimit = 8

    /// How many lines under the title (and author) may be subtitle, date or name lines.
    static let headerLineLimit = 4

    /// Stage 1: the title (the first line, unless the document opens with a salutation or an
    /// indented sentence: then it has no title and that line is text), the author (a second line
    /// that is a name, when more lines follow), and the lines under them that date the document:
    /// - a subtitle "——在某某会议上的讲话" (a dash line without a date);
    /// - a date line "（2024年1月20日）", "（二〇一九年三月五日…会议通过）", or a delivery line
    ///   "2024年1月20日在某某会议上" (a year date, then an occasion without a sentence end);
    /// - after those, a speaker's name line.
    /// A byline such as "新华社记者 某某" is a note, never the author.
    /// The date line (or a dated subtitle "——在…讲话（2024年1月20日）", or a dated bracket ending
    /// the title) is the document's citation; a subtitle gives it its occasion when the date
    /// line has none. These lines stay shown, as notes.
    func header(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Line]) -> Header {
        let lead = furnitureCount(p, lines.map(\.range))
        guard lead > 0 else { return header(p, fromTitle: lines) }
        var header = header(p, fromTitle: Array(lines[lead...]))
        header.furniture = Array(lines[..<lead])
        header.titleIndex = lead
        header.bodyStart += lead
        return header
    }

    /// How many of the first lines are web page furniture (never all of them: the title is
    /// the first line after).
    func furnitureCount(_ p: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) -> Int {
        var lead = 0
        while lead < min(lines.count - 1, DocumentParser.furnitureLineLimit), isFurniture(p, lines[lead]) { lead += 1 }
        return lead
    }

    /// Web page furniture, judged whole: a breadcrumb (`当前位置：首页 > 时政 > 正文`,
    /// `首页 > 要闻 > 正文`), page controls (`【字体：大 中 小】`, `打印本页`, `【打印】【关闭】`,
    /// `分享到：微信 微博`), or a note (`责任编辑：…`, `来源：…`, a time stamp).
    func isFurniture(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 240 else { return false }
        if NoteLines.isNote(p, range) { return true }
        // Most titles are ruled out from their first scalar and bytes: no control word or
        // location label opens them and no breadcrumb separator is in them.
        guard NoteLines.mayOpenFurniture(UTF8Scalars.decode(p, at: range.lowerBound).value)
                || NoteLines.hasBreadcrumbSeparator(p, range) else { return false }
        return NoteLines.isPageFurniture(UTF8Scalars.scalars(p, range))
    }

    /// The header of the lines from the title on.
    func header(_ p: UnsafeBufferPointer<UInt8>, fromTitle lines: [Line]) -> Header {
        guard let first = lines.first else { return Header(title: "", author: nil, bodyStart: 0) }
        if opensWithText(p, first) { return Header(title: "", author: nil, bodyStart: 0) }
        var header = Header(title: source.string(first.range), author: nil, bodyStart: 1)
        if lines.count > 2, isNameLine(p, lines[1].range), !NoteLines.isNote(p, lines[1].range) {
            header.author = source.string(lines[1].range)
            header.bodyStart = 2
        }
        var subtitle: (line: Line, occasion: Range<Int>, title: Range<Int>?)? = nil
        var k = header.bodyStart
        while k < lines.count && k < header.bodyStart + DocumentParser.headerLineLimit {
            let range = lines[k].range
            if header.citation == nil, let c = dateLine(p, range) {
                header.citation = c
                if let sub = subtitle, c.occasionRange.isEmpty {
                    header.citation = Citation(source: source, textRange: sub.occasion.lowerBound..<c.textRange.upperBound,
                                               occasionRange: sub.occasion, titleRange: sub.title, date: c.date)
                }
            } else if subtitle == nil, header.citation == nil, let sub = self.subtitle(p, range) {
                subtitle = (lines[k], sub.occasion, sub.title)
            } else if header.author == nil, subtitle != nil || header.citation != nil, k + 1 < lines.count,
                      isNameLine(p, range) {
                // A speaker's name under the subtitle or date: a note (the author is the
                // line right under the title).
            } else {
                break
            }
            header.notes.append(lines[k])
            k += 1
        }
        header.bodyStart = k
        if header.citation == nil { header.citation = titleCitation(p, first.range) }
        return header
    }

    /// A first line that is text rather than a title: a salutation or addressee ("同志们：",
    /// "各位代表：" — a short line ending in a colon), or an indented line ending a sentence.
    func opensWithText(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        guard !line.range.isEmpty else { return false }
        let last = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: line.range.upperBound, lowerBound: line.range.lowerBound)).value
        if last == 0xFF1A || last == 0x3A {
            let s = UTF8Scalars.scalars(p, line.range)
            return s.count <= 30 && !s.dropLast().contains(where: HeadingRecognizer.isSentenceEnd)
        }
        return line.indented && endsParagraph(p, line.range)
    }

    /// A line that dates the document: a whole citation line ("（2024年1月20日）",
    /// "（二〇一九年三月五日…通过）", "——在…上的讲话（2024年1月20日）"), or a line opening with a
    /// date with a year — alone, or a day followed by an occasion without a sentence end
    /// ("2020年3月", "2024年1月20日在某某会议上").
    func dateLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Citation? {
        guard !range.isEmpty, range.count <= 480 else { return nil }
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard isMarkerStart(first) else { return nil }
        // "2025-06-12 08:15:30 来源：新华网": a web page's time stamp, a note.
        if first < 0x80, NoteLines.isTimestampLine(p, range) { return nil }
        let s = UTF8Scalars.scalars(p, range)
        if let c = CitationParser.parseLine(s, source: source, at: range.lowerBound) { return c }
        guard s.count <= 120, !s.contains(where: HeadingRecognizer.isSentenceEnd),
              let (date, end) = DateParser(s).span(at: 0, requireYear: true) else { return nil }
        // A date followed by "，" opens a sentence (a caption, a chronicle entry), not a date
        // line; an occasion follows only a day ("2023年工作回顾" is a subhead).
        if end < s.count, s[end] == "，" || s[end] == "," || date.start.day == nil { return nil }
        var lo = end
        while lo < s.count && CitationParser.isEdge(s[lo]) { lo += 1 }
        var byte = range.lowerBound
        for c in s[..<lo] { byte += c.utf8.count }
        return Citation(source: source, textRange: range, occasionRange: byte..<range.upperBound, titleRange: nil, date: date)
    }

    /// A subtitle "——在某某会议上的讲话": a dash line of one phrase. Its occasion (after the
    /// dash) and the title in 《…》 inside it, if any.
    func subtitle(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (occasion: Range<Int>, title: Range<Int>?)? {
        guard !range.isEmpty, range.count <= 480 else { return nil }
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard first == 0x2014 || first == 0x2015 || first == 0x2D else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        var i = 0
        while i < s.count && (s[i] == "—" || s[i] == "―" || s[i] == "-") { i += 1 }
        guard i >= 2 else { return nil }
        while i < s.count && UTF8Scalars.isSpace(s[i].value) { i += 1 }
        guard i < s.count, s.count <= 120, !s.contains(where: HeadingRecognizer.isSentenceEnd) else { return nil }
        var byte = range.lowerBound
        for c in s[..<i] { byte += c.utf8.count }
        func offset(_ index: Int) -> Int {
            var b = range.lowerBound
            for c in s[..<index] { b += c.utf8.count }
            return b
        }
        let title = CitationParser.bookTitle(in: s, i..<s.count).map { offset($0.lowerBound)..<offset($0.upperBound) }
        return (byte..<range.upperBound, title)
    }

    /// "关于某项工作的几点意见（2024年1月20日在某某会议上的讲话）": a dated bracket ending the title.
    func titleCitation(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Citation? {
        guard !range.isEmpty else { return nil }
        let last = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)).value
        guard last == 0xFF09 || last == 0x29 else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        guard let open = CitationParser.matchingOpen(s, closeAt: s.count - 1), open > 0 else { return nil }
        return CitationParser.parseInner(s, (open + 1)..<(s.count - 1), source: source, at: range.lowerBound)
    }

    /// "习近平", "毛泽东", "Xi Jinping", "市长　王某某": a short line of names — Chinese names of
    /// two to four characters (longer with "·", a transliterated name) separated by spaces, or a
    /// Latin name. "在某某会议上的讲话" is not one.
    func isNameLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let s = UTF8Scalars.scalars(p, range)
        guard (2...12).contains(s.count), HeadingRecognizer.heading(s) == nil else { return false }
        let parts = s.split { $0 == " " || $0 == "\u{3000}" }
        let cjkName = s.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0 == "·" || $0 == "・" || $0 == " " || $0 == "\u{3000}" }
            && parts.allSatisfy { (2...4).contains($0.count) || $0.contains("·") || $0.contains("・") }
        let latinName = s.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || $0 == " " || $0 == "." || $0 == "-" }
        return cjkName || latinName
    }
}
