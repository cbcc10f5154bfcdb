@testable import DubenModel
import DubenTestSupport
import Testing

@Suite("Dates")
struct DateParserTests {
    func span(_ s: String, requireYear: Bool = true, context: PartialDate? = nil) -> (DateSpan, Int)? {
        DateParser(Fixtures.scalars(s)).span(at: 0, requireYear: requireYear, context: context)
    }

    /// Found by `scripts/fuzz date`: "0月0-26日" with a context of March 2020 read as the span
    /// 2020-03/2020-03-26 (a month to a day: `PartialDate` took the 0s as absent parts), which
    /// prints as "2020年3月—3月26日" and reads back as nothing. A 0 is no month or day.
    @Test func zeroIsNoMonthOrDay() {
        let march = PartialDate(year: 2020, month: 3)
        #expect(span("0月0-26日", requireYear: false, context: march) == nil)
        #expect(span("0日", requireYear: false, context: march) == nil)
        #expect(span("2020年0月")?.0 == DateSpan(start: PartialDate(year: 2020)))
        let (d, end) = span("2020年3月0日")!
        #expect(d.start == PartialDate(year: 2020, month: 3) && d.end == nil && end == 7)
        #expect(span("3月00-26日", requireYear: false, context: march)?.0 == DateSpan(start: PartialDate(year: 2020, month: 3)))
    }

    /// Found by `scripts/fuzz date`: the query "0000.7" gave "--07" (year 0 is stored as no
    /// year), a date that reads back as nothing; "0000年3月" gave March of no year. Year 0 is
    /// no year.
    @Test func yearZeroIsNoYear() {
        #expect(PartialDate(query: "0000.7") == nil)
        #expect(PartialDate(query: "0000") == nil)
        #expect(PartialDate(query: "00000327") == nil)
        #expect(PartialDate(query: "0000-03-27") == nil)
        #expect(span("0000年3月") == nil)
        #expect(span("〇〇〇〇年3月", requireYear: false) == nil)
        #expect(PartialDate(query: "0001-03")?.iso == "0001-03")
    }

    @Test func dayPrecision() throws {
        let (d, end) = try #require(span("2020年3月27日同美国总统特朗普通电话"))
        #expect(d.start == PartialDate(year: 2020, month: 3, day: 27))
        #expect(d.end == nil)
        #expect(end == 10)
        #expect(d.start.iso == "2020-03-27")
    }

    @Test func spacesBetweenNumbersAndUnits() throws {
        let (d, end) = try #require(span("2020 年 3 月 27 日 同美国总统特朗普通电话"))
        #expect(d.start.iso == "2020-03-27")
        #expect(end == 15, "the date ends at 日, not at the space after it")
        let (m, _) = try #require(span("2020\u{A0}年3\u{2009}月就意大利"))
        #expect(m.start.iso == "2020-03")
        let (r, _) = try #require(span("2013 年 11 月 24 日至 28 日在山东"))
        #expect(r.start.iso == "2013-11-24")
        // A space is not a date by itself, nor may it lead one.
        #expect(span(" 2020年3月27日") == nil)
        #expect(span("2020 3月27日") == nil)
    }

    @Test func monthPrecision() throws {
        let (d, _) = try #require(span("2020年3月就意大利发生新冠肺炎疫情"))
        #expect(d.start.iso == "2020-03")
        #expect(d.start.precision == .month)
    }

    @Test func yearPrecision() throws {
        let (d, _) = try #require(span("1955年在北京"))
        #expect(d.start.iso == "1955")
    }

    @Test func rangeWithinMonth() throws {
        let (d, _) = try #require(span("2013年11月24日至28日在山东考察时的讲话"))
        #expect(d.start.iso == "2013-11-24")
        #expect(d.end?.iso == "2013-11-28")
    }

    @Test func list() throws {
        let (d, end) = try #require(span("2012年12月29日、30日在河北省阜平县考察"))
        #expect(d.start.iso == "2012-12-29")
        #expect(d.end?.iso == "2012-12-30")
        #expect(end == 15)
    }

    @Test func longerList() throws {
        let (d, _) = try #require(span("2019年12月29日、30日、31日"))
        #expect(d.end?.iso == "2019-12-31")
    }

    @Test func hyphenDayRange() throws {
        let (d, _) = try #require(span("2018年6月28-29日"))
        #expect(d.start.iso == "2018-06-28")
        #expect(d.end?.iso == "2018-06-29")
    }

    @Test func rangeAcrossMonthsAndYears() throws {
        let (a, _) = try #require(span("2020年3月30日至4月2日"))
        #expect(a.end?.iso == "2020-04-02")
        let (b, _) = try #require(span("2019年12月30日至2020年1月2日"))
        #expect(b.start.iso == "2019-12-30")
        #expect(b.end?.iso == "2020-01-02")
        let (c, _) = try #require(span("2020年3月至4月"))
        #expect(c.end?.iso == "2020-04")
    }

    @Test func chineseNumerals() throws {
        let (a, _) = try #require(span("一九五七年二月二十七日"))
        #expect(a.start.iso == "1957-02-27")
        let (b, _) = try #require(span("二〇二〇年三月二十七日"))
        #expect(b.start.iso == "2020-03-27")
        let (c, _) = try #require(span("二○二○年十二月十日"))
        #expect(c.start.iso == "2020-12-10")
    }

    @Test func rejectsImpossibleDates() {
        #expect(span("2020年13月1日") == nil)
        #expect(span("2019年2月29日")?.0.start.day == nil)
        #expect(span("3月27日") == nil, "citations need a year")
    }

    @Test func yearlessWithContext() throws {
        let (d, _) = try #require(span("22日，", requireYear: false, context: PartialDate(year: 2020, month: 4, day: 20)))
        #expect(d.start.iso == "2020-04-22")
        let (e, _) = try #require(span("4月20日至23日，", requireYear: false))
        #expect(e.start.iso == "--04-20")
        #expect(e.end?.iso == "--04-23")
    }

    @Test func ordering() {
        let month = PartialDate(year: 2020, month: 3)
        let day = PartialDate(year: 2020, month: 3, day: 1)
        #expect(month < day)
        #expect(PartialDate(year: 2020, month: 2, day: 29) < month)
        #expect(day < PartialDate(year: nil, month: 1, day: 1))
    }

    @Test(arguments: [
        ("2020-03-27", "2020-03-27"), ("2020-03", "2020-03"), ("2020", "2020"), ("2020/3/27", "2020-03-27"),
        ("20200327", "2020-03-27"), ("2020年3月27日", "2020-03-27"), ("2020年3月", "2020-03"), ("二〇二〇年三月二十七日", "2020-03-27"),
    ])
    func queries(input: String, iso: String) {
        #expect(PartialDate(query: input)?.iso == iso)
    }

    @Test func queriesWithContextYear() {
        #expect(PartialDate(query: "3月27日", contextYear: 2020)?.iso == "2020-03-27")
        #expect(PartialDate(query: "3-27", contextYear: 2020)?.iso == "2020-03-27")
        #expect(PartialDate(query: "3-27") == nil)
        #expect(PartialDate(query: "2020-02-30") == nil)
        #expect(PartialDate(query: "soon") == nil)
    }

    @Test func overlapSemantics() {
        let march = DateSpan(start: PartialDate(year: 2020, month: 3))
        #expect(march.overlaps(from: PartialDate(year: 2020, month: 3, day: 15), to: nil))
        #expect(!march.overlaps(from: PartialDate(year: 2020, month: 4), to: nil))
        let range = DateSpan(start: PartialDate(year: 2013, month: 11, day: 24), end: PartialDate(year: 2013, month: 11, day: 28))
        #expect(range.overlaps(from: PartialDate(year: 2013, month: 11, day: 27), to: PartialDate(year: 2013, month: 11, day: 27)))
        #expect(!range.overlaps(from: nil, to: PartialDate(year: 2013, month: 11, day: 23)))
    }
}

/// The chronology's integer sort keeps `PartialDate`'s order, then reading order.
@Suite struct ChronologyOrderTests {
    /// A quotation collection of `count` quotations with random citation dates: a year (none
    /// one time in `noYearOneIn`), a month (none one time in three), a day (half of those).
    static func collection(_ rng: inout SplitMix, count: Int, years: ClosedRange<Int>, noYearOneIn: Int,
                           months: ClosedRange<Int>, days: ClosedRange<Int>) throws -> Corpus {
        var texts: [String] = []
        for _ in 0..<count {
            let year = Int.random(in: 0..<noYearOneIn, using: &rng) == 0 ? "" : "\(Int.random(in: years, using: &rng))年"
            let month = Int.random(in: 0..<3, using: &rng) == 0 ? "" : "\(Int.random(in: months, using: &rng))月"
            let day = month.isEmpty || Bool.random(using: &rng) ? "" : "\(Int.random(in: days, using: &rng))日"
            texts.append("　　一段话。\n（\(year)\(month)\(day)在会议上的讲话）")
        }
        return try TestSupport.corpus("语录\n\n" + texts.joined(separator: "\n\n"))
    }

    @Test func itemsAreInDateOrderThenReadingOrder() throws {
        var rng = SplitMix(seed: 42)
        let corpus = try Self.collection(&rng, count: 60, years: 1949...2025, noYearOneIn: 4, months: 1...12, days: 1...28)
        for chronology in [Chronology(corpus), Chronology(corpus, includePassages: true), Chronology(TestSupport.bundled, includePassages: true)] {
            let items = chronology.items
            #expect(items.count > 10)
            for (a, b) in zip(items, items.dropFirst()) {
                let ordered = a.date.start != b.date.start ? a.date.start < b.date.start : a.readingOrder < b.readingOrder
                #expect(ordered, "\(a.date) #\(a.readingOrder) before \(b.date) #\(b.readingOrder)")
            }
        }
    }
}

extension ChronologyOrderTests {
    /// `<` compares the packed `orderKey`: the order it must give, field by field, is the
    /// chronology's (no year after every year; year, then month, then day; absent first).
    @Test func theOrderKeyOrdersAsLessThanDoes() {
        func fields(_ d: PartialDate) -> (Int, Int, Int, Int) { (d.year == nil ? 1 : 0, d.year ?? 0, d.month ?? 0, d.day ?? 0) }
        var rng = SplitMix(seed: 7)
        func random() -> PartialDate {
            let year: Int? = Int.random(in: 0..<4, using: &rng) == 0 ? nil : Int.random(in: 1...9999, using: &rng)
            let month: Int? = Bool.random(using: &rng) ? nil : Int.random(in: 1...12, using: &rng)
            let day: Int? = month == nil || Bool.random(using: &rng) ? nil : Int.random(in: 1...31, using: &rng)
            return PartialDate(year: year, month: month, day: day)
        }
        for _ in 0..<5000 {
            let a = random(), b = random()
            #expect((a < b) == (fields(a) < fields(b)), "\(a) \(b)")
            #expect((a < b) == (a.orderKey < b.orderKey), "\(a) \(b)")
            #expect((a == b) == (a.orderKey == b.orderKey), "\(a) \(b)")
        }
    }
}

extension ChronologyOrderTests {
    /// The periods as the timeline made them before it grouped in one pass: a string key per
    /// item, a dictionary, each period's items sorted by date then reading order.
    static func referencePeriods(_ items: [DatedItem], by grouping: Timeline.Grouping) -> [(String, [DatedItem])] {
        var order: [String] = []
        var groups: [String: [DatedItem]] = [:]
        for item in items {
            let d = item.date.start
            let key = d.year == nil ? Timeline.undatedKey : grouping == .day && d.day != nil ? d.iso : (d.monthKey ?? d.iso)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        order.sort { ($0 == Timeline.undatedKey ? 1 : 0) < ($1 == Timeline.undatedKey ? 1 : 0) }
        return order.map { k in
            (k, groups[k]!.sorted { a, b in a.date.start != b.date.start ? a.date.start < b.date.start : a.readingOrder < b.readingOrder })
        }
    }

    @Test func periodsInOnePassAreTheGroupedAndSortedOnes() throws {
        var rng = SplitMix(seed: 11)
        // Few years, months and days: periods with many items, ties in date.
        let corpus = try Self.collection(&rng, count: 80, years: 2018...2020, noYearOneIn: 5, months: 1...3, days: 1...3)
        for items in [Chronology(corpus, includePassages: true).items, Chronology(TestSupport.bundled, includePassages: true).items] {
            // In date order (one run a period), and shuffled (periods met again: gathered, sorted).
            for input in [items, items.shuffled(using: &rng)] {
                for grouping in Timeline.Grouping.allCases {
                    let made = Timeline.periods(input, by: grouping)
                    let expected = Self.referencePeriods(input, by: grouping)
                    #expect(made.map(\.period.key) == expected.map(\.0))
                    #expect(made.map { Array($0.items) } == expected.map(\.1))
                    #expect(made.map(\.period.count) == expected.map { $0.1.count { $0.kind == .quotation } })
                    #expect(made.map(\.period.documents) == expected.map { $0.1.count { $0.kind == .document } })
                    #expect(Timeline(input, by: grouping).periods.map(\.passages) == expected.map { $0.1.filter { $0.kind != .quotation } })
                    // The quotations' span: the least start and the greatest end, by `<`.
                    let dated = expected.filter { $0.0 != Timeline.undatedKey }.flatMap(\.1).filter { $0.kind == .quotation }
                    let span = Timeline.quotationSpan(made)
                    #expect(span?.first == dated.map(\.date.start).min())
                    #expect(span?.last == dated.map(\.date.last).max())
                }
            }
        }
    }
}

extension ChronologyOrderTests {
    /// A library indexed in the background is many runs (a snapshot seals the documents'
    /// last run): its chronology, merged from the runs, is the one of a single run.
    @Test func aLibraryInManyRunsHasTheChronologyOfOneRun() {
        let corpus = TestSupport.bundled
        #expect(corpus.documents.runsWithStarts.count == 1)
        var runs = DocumentList()
        for d in corpus.documents {
            runs.append(d)
            runs.seal()
        }
        #expect(runs.runsWithStarts.count == corpus.documents.count)
        #expect(runs.indices.map { runs.id(at: $0) } == corpus.documents.map(\.id))
        let many = Corpus(documents: runs, files: corpus.files)
        #expect(Chronology(many, includePassages: true).items == Chronology(corpus, includePassages: true).items)
        #expect(Chronology(many).items == Chronology(corpus).items)
    }
}

extension ChronologyOrderTests {
    /// A dated item keeps its kind beside its quotation's index, and a span its end as packed
    /// bits: every kind with no quotation, the first and a large one, every end there or not,
    /// reads back as made, in 28 bytes.
    @Test func aDatedItemReadsBackAsMadeInTwentyEightBytes() {
        #expect(MemoryLayout<DatedItem>.stride == 28)
        #expect(MemoryLayout<DateSpan>.stride == 8)
        let ends: [PartialDate?] = [nil, PartialDate(year: 2020), PartialDate(year: 9999, month: 12, day: 31), PartialDate(year: nil, month: 4, day: 20)]
        for kind in DatedItem.Kind.allCases {
            for quotation in [nil, 0, 1, 70_000, (1 << 29) - 2] as [Int?] {
                for end in ends {
                    let date = DateSpan(start: PartialDate(year: 2020, month: 3, day: 27), end: end)
                    var item = DatedItem(kind: kind, documentIndex: 41_099, quotation: quotation, block: 12, offset: 345,
                                         date: date, readingOrder: 876_799)
                    #expect(item.kind == kind)
                    #expect(item.quotation == quotation)
                    #expect(item.date == date && item.date.end == end)
                    #expect((item.documentIndex, item.block, item.offset, item.readingOrder) == (41_099, 12, 345, 876_799))
                    for other in DatedItem.Kind.allCases {
                        item.kind = other
                        #expect(item.kind == other && item.quotation == quotation)
                    }
                }
            }
        }
    }
}
