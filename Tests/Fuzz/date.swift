import DubenModel
import DubenStore

// Date and citation strings → parsed dates. The input is a UTF-8 string (invalid sequences as
// U+FFFD), read as: a citation line (`CitationParser.parse`), dates at every position where
// one may start (`DateParser.span`, with and without a year required, with and without a
// context date), and a date typed by a user (`PartialDate(query:)`).
// Invariants: no trap; every date parsed is a real calendar date, a span does not end before
// it starts, and it prints and parses back to itself: ISO (`PartialDate.iso` →
// `PartialDate(query:)`) and Chinese (`ChineseDate.span`, what citations print →
// `DateParser.whole`).

func checkPrintsAndParses(_ span: DateSpan, from text: String) {
    require(span.start.isValid, "invalid start \(span.start) from \(text.debugDescription)")
    if let end = span.end {
        require(end.isValid, "invalid end \(end) from \(text.debugDescription)")
        require(end.lowerBound >= span.start.lowerBound, "span \(span) ends before it starts, from \(text.debugDescription)")
    }
    guard span.start.year != nil, span.end.map({ $0.year != nil }) ?? true else { return }
    for d in [span.start] + (span.end.map { [$0] } ?? []) {
        let back = PartialDate(query: d.iso)
        require(back == d, "\(d) prints as \(d.iso) which reads as \(String(describing: back)), from \(text.debugDescription)")
    }
    guard let chinese = ChineseDate.span(start: span.start.iso, end: span.end?.iso) else {
        require(false, "\(span) has no Chinese form, from \(text.debugDescription)")
        return
    }
    let back = DateParser(Array(chinese.unicodeScalars)).whole(requireYear: true)
    require(back == span, "\(span) prints as \(chinese) which reads as \(String(describing: back)), from \(text.debugDescription)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    guard raw.count <= 4096 else { return 0 }
    let text = String(decoding: raw, as: UTF8.self)
    if let citation = CitationParser.parse(text) {
        checkPrintsAndParses(citation.date, from: text)
        require(citation.date.start.year != nil, "a citation without a year: \(text.debugDescription)")
    }
    let scalars = Array(text.unicodeScalars)
    let parser = DateParser(scalars)
    let context = PartialDate(year: 2020, month: 3)
    for i in scalars.indices where DateParser.canStartDate(scalars[i]) {
        for (requireYear, ctx) in [(true, nil), (false, nil), (false, context)] as [(Bool, PartialDate?)] {
            guard let m = parser.span(at: i, requireYear: requireYear, context: ctx) else { continue }
            require(m.end > i && m.end <= scalars.count, "a date at \(i) ends at \(m.end) of \(scalars.count)")
            if requireYear { require(m.span.start.year != nil, "a year was required: \(text.debugDescription)") }
            checkPrintsAndParses(m.span, from: text)
        }
    }
    if let typed = PartialDate(query: text) {
        require(typed.isValid, "query \(text.debugDescription) gives invalid \(typed)")
        let back = PartialDate(query: typed.iso)
        require(back == typed, "query \(text.debugDescription) → \(typed) → \(typed.iso) → \(String(describing: back))")
    }
    if let typed = PartialDate(query: text, contextYear: 2020) {
        require(typed.isValid && typed.year != nil, "query \(text.debugDescription) with a context year gives \(typed)")
    }
    return 0
}
