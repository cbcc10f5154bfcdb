import DubenModel
import Testing

@Suite("Citations")
struct CitationParserTests {
    func parse(_ s: String) -> Citation? { CitationParser.parse(s) }

    @Test func phoneCall() throws {
        let c = try #require(parse("（2020年3月27日同美国总统特朗普通电话）"))
        #expect(c.date.start.iso == "2020-03-27")
        #expect(c.occasion == "同美国总统特朗普通电话")
        #expect(c.text == "2020年3月27日同美国总统特朗普通电话")
        #expect(c.title == nil)
    }

    @Test func spacedDatesLeadingAndTrailing() throws {
        let c = try #require(parse("（2020 年 3 月 27 日同美国总统特朗普通电话）"))
        #expect(c.date.start.iso == "2020-03-27")
        #expect(c.occasion == "同美国总统特朗普通电话")
        let t = try #require(parse("——摘自习近平在中央经济工作会议上的讲话（2013 年 12 月 23 日）"))
        #expect(t.date.start.iso == "2013-12-23")
        #expect(t.occasion == "习近平在中央经济工作会议上的讲话")
    }

    @Test func monthPrecisionMessage() throws {
        let c = try #require(parse("（2020年3月就意大利发生新冠肺炎疫情致意大利总统马塔雷拉的慰问电）"))
        #expect(c.date.start.iso == "2020-03")
        #expect(c.occasion == "就意大利发生新冠肺炎疫情致意大利总统马塔雷拉的慰问电")
    }

    @Test func bookTitle() throws {
        let c = try #require(parse("（2020年2月23日《在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话》）"))
        #expect(c.title == "在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话")
        #expect(c.occasion == "《在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话》")
    }

    @Test func titleWithDashInside() throws {
        let c = try #require(parse("（2020年3月26日《携手抗疫共克时艰——在二十国集团领导人特别峰会上的发言》）"))
        #expect(c.title == "携手抗疫共克时艰——在二十国集团领导人特别峰会上的发言")
        #expect(c.date.end == nil)
    }

    @Test func asciiParenthesesAndRange() throws {
        let c = try #require(parse("(2013年11月24日至28日在山东考察时的讲话)"))
        #expect(c.date.start.iso == "2013-11-24")
        #expect(c.date.end?.iso == "2013-11-28")
        #expect(c.occasion == "在山东考察时的讲话")
    }

    @Test func dayList() throws {
        let c = try #require(parse("（2012年12月29日、30日在河北省阜平县考察扶贫开发工作时的讲话）"))
        #expect(c.date.end?.iso == "2012-12-30")
        #expect(c.occasion == "在河北省阜平县考察扶贫开发工作时的讲话")
    }

    @Test func chineseNumeralsOnly() throws {
        let c = try #require(parse("（一九五七年二月二十七日）"))
        #expect(c.date.start.iso == "1957-02-27")
        #expect(c.occasion == "")
    }

    @Test func dashLedWithTrailingDate() throws {
        let c = try #require(parse("——摘自习近平在中央经济工作会议上的讲话（2013年12月23日）"))
        #expect(c.date.start.iso == "2013-12-23")
        #expect(c.occasion == "习近平在中央经济工作会议上的讲话")
    }

    @Test func nestedParenthesesAndAnotherYearInside() throws {
        let c = try #require(parse("(2020年10月10日在2020年秋季学期中央党校(国家行政学院)中青年干部培训班开班式上的讲话)"))
        #expect(c.date.start.iso == "2020-10-10")
        #expect(c.occasion == "在2020年秋季学期中央党校(国家行政学院)中青年干部培训班开班式上的讲话")
    }

    @Test func trailingDateWinsOverYearInOccasion() throws {
        let c = try #require(parse("（在纪念1949年建国大会上的讲话，2019年10月1日）"))
        #expect(c.date.start.iso == "2019-10-01")
        #expect(c.occasion == "在纪念1949年建国大会上的讲话")
    }

    @Test(arguments: [
        "（整理：张三）", "（新华社北京5月18日电）", "来源：《求是》2020年第9期", "（新华社北京2020年5月18日电）",
        "（完）", "（记者 李四 2020年5月18日）", "（一）加强组织领导", "（略）", "这是（2020年3月27日）正文",
    ])
    func notCitations(_ line: String) {
        #expect(parse(line) == nil)
    }
}
