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
    static let nonCitationPrefixes = ["整理", "来源", "新华社", "记者", "本报", "责任编辑", "编辑", "作者", "通讯员", "摄"]

    /// Parses a whole block as a citation.
    public static func parseLine(_ s: [Unicode.Scalar]) -> Citation? {
        guard let first = s.first, let last = s.last else { return nil }
        if isOpen(first) && isClose(last) && matchingOpen(s, closeAt: s.count - 1) == 0 {
            return parseInner(Array(s[1..<(s.count - 1)]))
        }
        var i = 0
        while i < s.count && (s[i] == "—" || s[i] == "―") { i += 1 }
        if i >= 2 || (i == 0 && s.count > 2 && s[0] == "-" && s[1] == "-") {
            let start = i == 0 ? 2 : i
            return parseInner(Array(s[start...]).trimmingSpaces())
        }
        return nil
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

    /// Parses the text inside the brackets (or after "——").
    public static func parseInner(_ inner: [Unicode.Scalar]) -> Citation? {
        let text = String(String.UnicodeScalarView(inner))
        guard !inner.isEmpty else { return nil }
        let parser = DateParser(inner)
        var date: DateSpan? = nil
        var occasion: [Unicode.Scalar] = []
        if let (span, end) = parser.span(at: 0, requireYear: true) {
            date = span
            occasion = Array(inner[end...])
        } else {
            // Trailing date: it must reach the end, or end just inside a closing bracket that
            // opened right before it.
            var i = inner.count - 1
            while i > 0 {
                let c = inner[i]
                let prevIsDigit = DateParser.digit(inner[i - 1]) != nil || DateParser.chineseDigit(inner[i - 1]) != nil
                if DateParser.canStartDate(c) && !prevIsDigit, let (span, end) = parser.span(at: i, requireYear: true) {
                    if end == inner.count {
                        date = span
                        occasion = Array(inner[..<i])
                        break
                    }
                    if end == inner.count - 1 && isClose(inner[end]) && isOpen(inner[i - 1]) {
                        date = span
                        occasion = Array(inner[..<(i - 1)])
                        break
                    }
                }
                i -= 1
            }
        }
        guard let found = date else { return nil }
        var occ = String(String.UnicodeScalarView(occasion.trimmingSpaces()))
        while let f = occ.unicodeScalars.first, "，,、：:；;".unicodeScalars.contains(f) { occ.removeFirst() }
        while let l = occ.unicodeScalars.last, "，,、：:；;".unicodeScalars.contains(l) { occ.removeLast() }
        if occ.hasPrefix("摘自") { occ.removeFirst(2) }
        occ = occ.trimmingCharacters(in: " \t\u{3000}")
        for prefix in nonCitationPrefixes where occ.hasPrefix(prefix) { return nil }
        return Citation(text: text, date: found, occasion: occ, title: bookTitle(in: occ))
    }

    /// The text of the first 《…》 in `s`, if any.
    static func bookTitle(in s: String) -> String? {
        guard let open = s.firstIndex(of: "《") else { return nil }
        var depth = 0
        var i = open
        while i < s.endIndex {
            if s[i] == "《" { depth += 1 } else if s[i] == "》" {
                depth -= 1
                if depth == 0 { return String(s[s.index(after: open)..<i]) }
            }
            i = s.index(after: i)
        }
        return nil
    }
}

extension Array where Element == Unicode.Scalar {
    func trimmingSpaces() -> [Unicode.Scalar] {
        var lo = 0, hi = count
        while lo < hi && UTF8Scalars.isSpace(self[lo].value) { lo += 1 }
        while hi > lo && UTF8Scalars.isSpace(self[hi - 1].value) { hi -= 1 }
        return Array(self[lo..<hi])
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
