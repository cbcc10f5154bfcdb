/// Recognises citations: a line (or the tail of a paragraph) in full-width or ASCII
/// parentheses, or led by "——", that carries a dated occasion.
///
/// The date is taken from the citation's leading position ("（2020年3月27日同…通电话）") or its
/// trailing position ("——摘自…讲话（2013年12月23日）"), never from a year somewhere inside
/// the occasion ("…在2020年秋季学期…").
public enum CitationParser {
    static func isOpen(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" }
    static func isClose(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" }

    /// Credits, wire datelines and sources are parenthesised but are not citations.
    static let nonCitationPrefixes: [[Unicode.Scalar]] = ["整理", "来源", "新华社", "记者", "本报", "责任编辑", "编辑", "作者", "通讯员", "摄"]
        .map { Array($0.unicodeScalars) }

    /// Parses one line of text on its own (for tests and tools).
    public static func parse(_ line: String) -> Citation? {
        let source = SourceFile(path: "<string>", bytes: Array(line.utf8))
        return parseLine(Array(line.unicodeScalars), source: source, at: 0)
    }

    /// Parses a whole block as a citation.
    /// - Parameters:
    ///   - s: the block's scalars.
    ///   - byte: where `s` starts in `source`.
    public static func parseLine(_ s: [Unicode.Scalar], source: SourceFile, at byte: Int) -> Citation? {
        guard let first = s.first, let last = s.last else { return nil }
        if isOpen(first) && isClose(last) && matchingOpen(s, closeAt: s.count - 1) == 0 {
            return parseInner(s, 1..<(s.count - 1), source: source, at: byte)
        }
        var i = 0
        while i < s.count && (s[i] == "—" || s[i] == "―") { i += 1 }
        if i == 0 && s.count > 2 && s[0] == "-" && s[1] == "-" { i = 2 }
        guard i >= 2 else { return nil }
        while i < s.count && UTF8Scalars.isSpace(s[i].value) { i += 1 }
        return parseInner(s, i..<s.count, source: source, at: byte)
    }

    /// The index of the bracket that opens the one closing at `closeAt`, counting nesting of
    /// both full-width and ASCII parentheses.
    public static func matchingOpen(_ s: [Unicode.Scalar], closeAt: Int) -> Int? {
        var depth = 0
        var i = closeAt
        while i >= 0 {
            if isClose(s[i]) { depth += 1 } else if isOpen(s[i]) {
                depth -= 1
                if depth == 0 { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Parses the text inside the brackets (or after "——"): `s[inner]`.
    public static func parseInner(_ s: [Unicode.Scalar], _ inner: Range<Int>, source: SourceFile, at byte: Int) -> Citation? {
        guard !inner.isEmpty else { return nil }
        let parser = DateParser(s)
        var date: DateSpan? = nil
        var occasion = inner
        if let (span, end) = parser.span(at: inner.lowerBound, requireYear: true), end <= inner.upperBound {
            date = span
            occasion = end..<inner.upperBound
        } else {
            // Trailing date: it must reach the end, or end just inside a closing bracket that
            // opened right before it.
            var i = inner.upperBound - 1
            while i > inner.lowerBound {
                let c = s[i]
                let prevIsDigit = DateParser.digit(s[i - 1]) != nil || DateParser.chineseDigit(s[i - 1]) != nil
                if DateParser.canStartDate(c) && !prevIsDigit, let (span, end) = parser.span(at: i, requireYear: true) {
                    if end == inner.upperBound {
                        date = span
                        occasion = inner.lowerBound..<i
                        break
                    }
                    if end == inner.upperBound - 1 && isClose(s[end]) && isOpen(s[i - 1]) {
                        date = span
                        occasion = inner.lowerBound..<(i - 1)
                        break
                    }
                }
                i -= 1
            }
        }
        if date == nil, let (span, close) = titledDate(s, inner) {
            // "《关于某项工作的几点意见》（2015年6月3日），摘自《…》": the occasion is the title.
            date = span
            occasion = inner.lowerBound..<close
        }
        guard let found = date else { return nil }
        // Trim spaces and list punctuation, then "摘自" ("excerpted from").
        var lo = occasion.lowerBound, hi = occasion.upperBound
        while lo < hi && isEdge(s[lo]) { lo += 1 }
        while hi > lo && isEdge(s[hi - 1]) { hi -= 1 }
        if hi - lo >= 2 && s[lo] == "摘" && s[lo + 1] == "自" { lo += 2 }
        while lo < hi && isEdge(s[lo]) { lo += 1 }
        for prefix in nonCitationPrefixes where s[lo..<hi].starts(with: prefix) { return nil }

        // Byte positions of scalar indices, counted from the start of `s` (citations are short).
        func offset(_ index: Int) -> Int {
            var b = byte
            for k in 0..<index { b += UTF8.width(s[k]) }
            return b
        }
        let title = bookTitle(in: s, lo..<hi).map { offset($0.lowerBound)..<offset($0.upperBound) }
        return Citation(source: source, textRange: offset(inner.lowerBound)..<offset(inner.upperBound),
                        occasionRange: offset(lo)..<offset(hi), titleRange: title, date: found)
    }

    /// A bracketed date right after a book title, "《…》（2015年6月3日）", wherever it stands in
    /// `s[inner]` (a source may follow: "，摘自《…》"): the date and the index of its opening bracket.
    static func titledDate(_ s: [Unicode.Scalar], _ inner: Range<Int>) -> (DateSpan, Int)? {
        let parser = DateParser(s)
        var i = inner.lowerBound
        while i + 2 < inner.upperBound {
            if s[i] == "》", isOpen(s[i + 1]), let (span, end) = parser.span(at: i + 2, requireYear: true),
               end < inner.upperBound, isClose(s[end]) {
                return (span, i + 1)
            }
            i += 1
        }
        return nil
    }

    /// Spaces and list punctuation trimmed from the ends of an occasion.
    static func isEdge(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "、", "：", ":", "；", ";", " ", "\t", "\u{3000}": return true
        default: return false
        }
    }

    /// The scalar range inside the first 《…》 of `s[range]`, if any.
    static func bookTitle(in s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        guard let open = s[range].firstIndex(of: "《") else { return nil }
        var depth = 0
        for i in open..<range.upperBound {
            if s[i] == "《" { depth += 1 } else if s[i] == "》" {
                depth -= 1
                if depth == 0 { return (open + 1)..<i }
            }
        }
        return nil
    }
}
