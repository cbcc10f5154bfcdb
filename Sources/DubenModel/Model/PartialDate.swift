/// A calendar date known to year, month or day precision; news day markers may lack the year.
///
/// Ordering follows the reading of a chronology: earlier years first; within a year a
/// month-precision date sorts before the days of that month; a date without a year sorts
/// after every dated one.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Year (14 bits), month (6 bits) and day (6 bits) packed in 32 bits, 0 meaning absent:
    /// a corpus holds hundreds of thousands of dates, so they are kept small.
    private var packed: UInt32

    public init(year: Int?, month: Int? = nil, day: Int? = nil) {
        packed = 0
        self.year = year
        self.month = month
        self.day = day
    }

    /// The packed bits (the index cache keeps dates so).
    var packedValue: UInt32 { packed }

    init(packedValue: UInt32) { packed = packedValue }

    /// The year, 1–9999 (nil when the text does not give it).
    public var year: Int? {
        get { let y = Int(packed >> 12); return y == 0 ? nil : y }
        set { packed = (packed & 0xFFF) | (UInt32(clamping: min(max(newValue ?? 0, 0), 9999)) << 12) }
    }

    /// The month, 1–12 (a value out of range is kept so that `isValid` can reject it).
    public var month: Int? {
        get { let m = Int((packed >> 6) & 0x3F); return m == 0 ? nil : m }
        set { packed = (packed & ~(0x3F << 6)) | (UInt32(clamping: min(max(newValue ?? 0, 0), 63)) << 6) }
    }

    /// The day of the month, 1–31.
    public var day: Int? {
        get { let d = Int(packed & 0x3F); return d == 0 ? nil : d }
        set { packed = (packed & ~0x3F) | UInt32(clamping: min(max(newValue ?? 0, 0), 63)) }
    }

    public enum Precision: String, Sendable, Codable { case year, month, day }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 partial form: "2020-03-27", "2020-03", "1955"; without a year "--04-20" or "--04".
    public var iso: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = year.map { y in y < 1000 ? String(repeating: "0", count: 4 - String(y).count) + "\(y)" : "\(y)" } ?? "-"
        if let m = month { s += "-" + pad(m) }
        if let d = day { s += "-" + pad(d) }
        return s
    }

    public var description: String { iso }

    /// The month as "2020-03" (or "--03" without a year); nil at year precision.
    public var monthKey: String? {
        guard month != nil else { return nil }
        return PartialDate(year: year, month: month).iso
    }

    /// The first day this date can mean, as a sortable number yyyymmdd (year 0 when unknown).
    public var lowerBound: Int { (year ?? 0) * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    /// The last day this date can mean, as a sortable number yyyymmdd.
    public var upperBound: Int { (year ?? 0) * 10_000 + (month ?? 12) * 100 + (day ?? 31) }

    /// A number in the order of `<` (33 bits): the packed year, month and day, with dates
    /// without a year after all others. What `Chronology` sorts by.
    var orderKey: UInt64 { (packed >> 12 == 0 ? 1 << 32 : 0) | UInt64(packed) }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.orderKey < b.orderKey }

    /// Days in a month of a (possibly unknown) year.
    public static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether the parts form a real calendar date.
    public var isValid: Bool {
        if let m = month, !(1...12).contains(m) { return false }
        if let d = day {
            guard let m = month else { return false }
            if d < 1 || d > PartialDate.daysIn(month: m, year: year) { return false }
        }
        if month == nil && year == nil { return false }
        return true
    }
}

/// A date, or a range or list of dates reduced to its first and last ("26日至28日", "29日、30日").
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: PartialDate
    /// The end's packed bits; `noEnd` when there is none (8 bytes in all, not 12: a gigabyte's
    /// chronology holds nearly a million spans).
    private var storedEnd: UInt32

    /// Never a packed date (a year takes 14 bits from bit 12).
    private static let noEnd = UInt32.max

    public init(start: PartialDate, end: PartialDate? = nil) {
        self.start = start
        storedEnd = end?.packedValue ?? Self.noEnd
    }

    public var end: PartialDate? {
        get { storedEnd == Self.noEnd ? nil : PartialDate(packedValue: storedEnd) }
        set { storedEnd = newValue?.packedValue ?? Self.noEnd }
    }

    /// Last date the span can mean (its end, or its start).
    public var last: PartialDate { end ?? start }

    /// Whether the span shares a day with [from, to] (either side open when nil).
    /// Partial dates stand for every day they may mean: "2020-03" is 1–31 March.
    public func overlaps(from: PartialDate?, to: PartialDate?) -> Bool {
        if let f = from, last.upperBound < f.lowerBound { return false }
        if let t = to, start.lowerBound > t.upperBound { return false }
        return true
    }

    public var description: String { end.map { "\(start.iso)/\($0.iso)" } ?? start.iso }

    /// Whether every day the span may mean falls within `date` (a day, month or year): the
    /// exact-day rule of `--on`. "2020-03" is not within 2020-03-27; "2020-03-27" is within 2020-03.
    public func isWithin(_ date: PartialDate) -> Bool {
        start.year != nil && start.lowerBound >= date.lowerBound && last.upperBound <= date.upperBound
    }

    /// The same span with a year filled in where it is missing.
    public func withYear(_ year: Int) -> DateSpan {
        var s = self
        if s.start.year == nil { s.start.year = year }
        if s.end != nil && s.end!.year == nil { s.end!.year = year }
        return s
    }
}
