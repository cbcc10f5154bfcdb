/// Parses Chinese dates written with Arabic or Chinese numerals: "2020年3月27日",
/// "二〇二〇年三月二十七日", "2013年11月24日至28日", "2012年12月29日、30日", "28-29日",
/// "2019年12月30日至2020年1月2日", and with the spaces typesetting puts between digits and
/// Chinese: "2020 年 3 月 27 日".
///
/// It works on an array of scalars because the strings it sees are short (a citation, the
/// first words of a sentence).
public struct DateParser {
    let s: [Unicode.Scalar]

    public init(_ scalars: [Unicode.Scalar]) { s = scalars }

    /// A parsed date span and the index just past it.
    public typealias Match = (span: DateSpan, end: Int)

    /// Value of an Arabic digit (ASCII or full-width), if `c` is one.
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value - 0x30)
        case 0xFF10...0xFF19: return Int(c.value - 0xFF10)
        default: return nil
        }
    }

    /// Value of a Chinese digit (〇 ○ 零 一 … 九), if `c` is one.
    static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "○", "零", "Ｏ": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// Whether a scalar can start a date.
    public static func canStartDate(_ c: Unicode.Scalar) -> Bool {
        digit(c) != nil || chineseDigit(c) != nil || c == "十"
    }

    func at(_ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }

    /// Arabic digits: up to `maxDigits` of them.
    func arabic(_ i: Int, maxDigits: Int) -> (Int, Int)? {
        var v = 0, j = i
        while let c = at(j), let d = DateParser.digit(c), j - i < maxDigits { v = v * 10 + d; j += 1 }
        if j == i || (at(j).flatMap(DateParser.digit) != nil) { return nil }
        return (v, j)
    }

    /// A small Chinese number 1–39 as written in months and days: 三, 十, 十二, 二十七, 三十一.
    func chineseSmall(_ i: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        if let c = at(j), let d = DateParser.chineseDigit(c), d > 0 {
            j += 1
            if at(j) == "十" {
                j += 1
                value = d * 10
                if let c2 = at(j), let d2 = DateParser.chineseDigit(c2), d2 > 0 { value += d2; j += 1 }
            } else {
                value = d
            }
        } else if at(j) == "十" {
            j += 1
            value = 10
            if let c2 = at(j), let d2 = DateParser.chineseDigit(c2), d2 > 0 { value += d2; j += 1 }
        } else {
            return nil
        }
        return (value, j)
    }

    /// A month or day number: Arabic (1–2 digits) or Chinese.
    /// Never 0: "0月" and "0日" are no month or day (and `PartialDate` stores 0 as "absent",
    /// so a 0 would turn "3月0日" into a month and "0-26日" into a span from a month to a day;
    /// found by fuzzing).
    func smallNumber(_ i: Int) -> (Int, Int)? {
        guard let found = arabic(i, maxDigits: 2) ?? chineseSmall(i), found.0 > 0 else { return nil }
        return found
    }

    /// Past the spaces at `i` that may stand between a number and its unit ("2020 年"): ASCII
    /// space, no-break space, thin and narrow no-break spaces.
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while let c = at(j), c == " " || c == "\u{A0}" || c == "\u{2009}" || c == "\u{202F}" { j += 1 }
        return j
    }

    /// A four-digit year followed by 年: "2020年", "2020 年", "二〇二〇年", "一九五七年".
    /// Never year 0, which `PartialDate` stores as "no year".
    func year(_ i: Int) -> (Int, Int)? {
        if let (v, j) = arabic(i, maxDigits: 4), j - i == 4, v > 0, at(skipSpaces(j)) == "年" { return (v, skipSpaces(j) + 1) }
        var v = 0, j = i
        while j - i < 4, let c = at(j), let d = DateParser.chineseDigit(c) { v = v * 10 + d; j += 1 }
        if j - i == 4, v > 0, at(j) == "年" { return (v, j + 1) }
        return nil
    }

    /// One date: [year年][month月][day日|号], at least one part; spaces may stand around the
    /// numbers within it ("2020 年 3 月 27 日"), never before or after it.
    func component(_ i: Int) -> (PartialDate, Int)? {
        var d = PartialDate(year: nil)
        var j = i
        if let (y, k) = year(j) { d.year = y; j = k }
        let monthStart = j > i ? skipSpaces(j) : j
        if let (m, k) = smallNumber(monthStart), at(skipSpaces(k)) == "月" { d.month = m; j = skipSpaces(k) + 1 }
        let dayStart = j > i ? skipSpaces(j) : j
        if let (dd, k) = smallNumber(dayStart), let unit = at(skipSpaces(k)), unit == "日" || unit == "号" {
            d.day = dd
            j = skipSpaces(k) + 1
        }
        return j == i ? nil : (d, j)
    }

    static let rangeSeparators: Set<Unicode.Scalar> = ["至", "到", "—", "–", "-", "－", "~", "～"]

    /// Parses a date or a range or list of dates starting at `i`.
    /// - Parameters:
    ///   - requireYear: citations must carry a year; news day markers need not.
    ///   - context: fills the missing higher parts of a day-only or month-day date.
    public func span(at i: Int, requireYear: Bool, context: PartialDate? = nil) -> Match? {
        // "28-29日" / "28至29日": a day range whose first day lacks 日.
        func dayRange(_ j: Int, base: PartialDate) -> (DateSpan, Int)? {
            guard base.month != nil, base.day == nil, let (d1, k) = smallNumber(j),
                  let sep = at(k), DateParser.rangeSeparators.contains(sep) || sep == "、",
                  let (d2, k2) = smallNumber(k + 1), at(k2) == "日" else { return nil }
            var a = base, b = base
            a.day = d1
            b.day = d2
            return (DateSpan(start: a, end: b), k2 + 1)
        }
        guard var (start, j) = component(i) else {
            return nil
        }
        if start.year == nil, let c = context {
            if requireYear { return nil }
            start.year = c.year
            if start.month == nil { start.month = c.month }
        }
        if requireYear && start.year == nil { return nil }
        if let (span, k) = dayRange(j, base: start), span.start.isValid, span.last.isValid,
           span.last.lowerBound >= span.start.lowerBound {
            return (span, k)
        }
        guard start.isValid else { return nil }
        var end: PartialDate? = nil
        // Ranges ("至", "-") take one end; lists ("、") may go on: "29日、30日、31日".
        while let sep = at(j) {
            let isList = sep == "、"
            guard isList || DateParser.rangeSeparators.contains(sep) else { break }
            guard let (parsed, k) = component(j + 1) else { break }
            var next = parsed
            let previous = end ?? start
            // The end inherits the parts it leaves out: "26日至28日" keeps year and month.
            if next.year == nil { next.year = previous.year }
            if next.month == nil {
                guard next.day != nil, previous.day != nil else { break }
                next.month = previous.month
            }
            guard next.isValid, next.precision == previous.precision,
                  next.lowerBound > previous.lowerBound else { break }
            end = next
            j = k
            if !isList { break }
        }
        return (DateSpan(start: start, end: end), j)
    }

    /// Parses a whole date query string at any precision ("2020年3月27日", "3月27日").
    public func whole(requireYear: Bool) -> DateSpan? {
        guard let (span, end) = span(at: 0, requireYear: requireYear), end == s.count else { return nil }
        return span
    }
}
