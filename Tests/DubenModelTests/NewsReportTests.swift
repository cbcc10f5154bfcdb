import DubenModel
import Testing

/// News reports: agency datelines in their spellings and places, the year of a dateline, and
/// the lines about the text (`Block.Kind.note`): bylines, credits, editor and source lines.
@Suite("News reports")
struct NewsReportTests {
    static func doc(_ text: String, metadata: MetadataFile? = nil) -> Document {
        Fixtures.documents(text, metadata: metadata)[0]
    }

    static func notes(_ d: Document) -> [String] {
        d.blocks.indices.filter { d.blocks[$0].kind == .note }.map { d.text(of: $0) }
    }

    @Test(arguments: [
        ("新华社北京3月5日电（记者 王某、李某）某会议5日在京开幕。", "新华社北京3月5日电（记者 王某、李某）"),
        ("新华社北京3月5日电\u{3000}某会议5日在京开幕。", "新华社北京3月5日电"),
        ("新华社北京３月５日电\u{A0}\u{A0}某会议５日在京开幕。", "新华社北京３月５日电"),
        ("中新社某市12月28日电 (记者 郭某 何某某)某线28日开通。", "中新社某市12月28日电 (记者 郭某 何某某)"),
        ("本报北京三月五日专电 某会议五日开幕。", "本报北京三月五日专电"),
        ("据新华社某市9月23日电 某活动23日举行。", "据新华社某市9月23日电"),
        ("本报讯（记者 施某）连日来，某区开展检查。", "本报讯（记者 施某）"),
        ("据新华社电　某地近日开展检查。", "据新华社电"),
        ("某会议开幕新华社北京3月5日电 某会议5日开幕。", "新华社北京3月5日电"),
    ])
    func datelineSpellings(_ paragraph: String, _ marker: String) {
        let d = Self.doc("标题\n\(paragraph)\n第二段。\n")
        #expect(d.kind == .report)
        if !marker.contains("日") {
            #expect(d.dateline == nil, "an undated 讯 or 电 gives no date")
        } else {
            #expect(d.dateline?.marker == marker)
            #expect(d.dateline?.date.start.year == nil)
            #expect(d.dateline?.date.start.day != nil)
        }
    }

    @Test(arguments: [
        "他在3月5日致电对方表示祝贺。",
        "本报通讯员近日走访了某地。",
        "记者从某省获悉，今年某工作进展顺利。",
        "某某3月5日电贺某国国庆。",
        "新华社电视新闻部门今年推出多部作品。",
    ])
    func notDatelines(_ paragraph: String) {
        let d = Self.doc("标题\n\(paragraph)\n第二段。\n")
        #expect(d.kind != .report)
        #expect(d.dateline == nil)
    }

    @Test func yearFromMetadataThenText() throws {
        let text = "某会议开幕\n新华社北京3月5日电 某会议5日开幕。\n4日下午，代表报到。\n2024年3月4日，代表报到。（新华社记者 某某 摄）\n"
        let meta = try MetadataFile(toml: "[[document]]\ntitle = \"某会议开幕\"\ndate = \"2023-03-05\"\n", path: "duben.toml")
        let fromMeta = Self.doc(text, metadata: meta)
        #expect(fromMeta.dateline?.date.start.iso == "2023-03-05")
        #expect(fromMeta.datedPassages.map(\.date.start.iso) == ["2023-03-04"])
        let fromText = Self.doc(text)
        #expect(fromText.dateline?.date.start.iso == "2024-03-05")
        #expect(fromText.datedPassages.map(\.date.start.iso) == ["2024-03-04"])
        // A year of another month, or a year alone, decides nothing.
        let unknown = Self.doc("某会议开幕\n新华社北京3月5日电 某会议5日开幕，回顾了2019年10月1日以来的工作。\n2024年是关键之年。\n")
        #expect(unknown.dateline?.date.start.iso == "--03-05")
        // A January dateline takes the year after a December date.
        let rollover = Self.doc("新年报道\n新华社北京1月2日电 某活动2日举行。\n2024年12月31日，市民迎接新年。新华社记者 某某 摄\n")
        #expect(rollover.dateline?.date.start.iso == "2025-01-02")
    }

    @Test func webTimeStampsAndRelativeDays() {
        // The year from a time stamp note of the dateline's month; 次日 crosses the month end.
        let d = Self.doc("某展会闭幕\n新华社某市6月30日电 某展会30日闭幕。当天下午，举行颁奖仪式。次日，展品撤出。\n2025/06/30 18:20 来源：某某网\n")
        #expect(d.dateline?.date.start.iso == "2025-06-30")
        #expect(d.datedPassages.map(\.date.start.iso) == ["2025-06-30", "2025-07-01"])
        #expect(Self.notes(d) == ["2025/06/30 18:20 来源：某某网"])
        // A time stamp of another month decides nothing; "当天的" opens no dated passage.
        let other = Self.doc("某展会闭幕\n新华社某市6月30日电 某展会30日闭幕。当天的气氛热烈。\n发布时间：2025-08-01 09:00\n")
        #expect(other.dateline?.date.start.iso == "--06-30")
        #expect(other.datedPassages.isEmpty)
        #expect(Self.notes(other) == ["发布时间：2025-08-01 09:00"])
    }

    @Test func pageFurnitureBeforeTheTitle() {
        let d = Self.doc("您的位置：首页 > 新闻\n分享到：微信 微博\n打印机行业发展报告\n正文第一段。\n")
        #expect(d.title == "打印机行业发展报告")
        #expect(d.notesBeforeTitle == 2)
        #expect(Self.notes(d) == ["您的位置：首页 > 新闻", "分享到：微信 微博"])
        // Look-alikes stay the title: a heading with an arrow, sizes without 字体, a sentence.
        for title in ["产能 > 需求的时候", "大 中 小", "首页 > 要闻，今天的头条", "打印本页文件的方法"] {
            let t = Self.doc(title + "\n正文第一段。\n")
            #expect(t.title == title)
            #expect(t.notesBeforeTitle == 0)
        }
    }

    @Test func aCaptionIsNoDateline() {
        let d = Self.doc("某地见闻\n3月4日，游客在某地参观。新华社记者 某某 摄\n某地近来游客增多。\n")
        #expect(d.dateline == nil)
        #expect(d.kind != .report)
    }

    @Test func notesAndBylines() {
        let d = Self.doc("""
            某地见闻
            新华社记者　周某某　吴某
            新华社某市5月18日电　某地开展活动。
            这是5月17日拍摄的某地夜景（无人机照片）。（新华社记者某某摄）
            新华社发（某某 摄）
            某某/摄
            编辑：陈某　校对：褚某
            （来源：某某网）
            原标题：某地开展活动
            （记者 郑某）
            【责任编辑：孙某】
            （完）
            """)
        #expect(d.author == nil)
        #expect(d.kind == .report)
        #expect(Self.notes(d) == ["新华社记者　周某某　吴某", "这是5月17日拍摄的某地夜景（无人机照片）。（新华社记者某某摄）", "新华社发（某某 摄）",
                                  "某某/摄", "编辑：陈某　校对：褚某", "（来源：某某网）", "原标题：某地开展活动", "（记者 郑某）", "【责任编辑：孙某】", "（完）"])
    }

    @Test func notNotes() {
        let d = Self.doc("""
            标题
            记者从某省获悉，今年全省新建农田三百万亩。
            编辑部的同志们认真工作。
            他说：“我们要拍摄更多好作品，这是我们的责任。”
            来源于群众、服务于群众。
            """)
        #expect(Self.notes(d).isEmpty)
    }

    @Test func aQuotationNeverSpansANote() {
        let d = Self.doc("""
            论述摘编
            要坚持人民至上。
            （2020年5月22日在某会议上的讲话）
            来源：某某网
            要坚持生命至上。
            （2020年5月23日在某会议上的讲话）
            要坚持实事求是。
            （2020年5月24日在某会议上的讲话）
            """)
        #expect(d.quotations.count == 3)
        #expect(d.quotations.allSatisfy { q in q.blocks.allSatisfy { d.blocks[$0].kind == .paragraph } })
        #expect(Self.notes(d) == ["来源：某某网"])
    }
}

extension NewsReportTests {
    @Test func aDatelineGluedToTheTitle() {
        let d = Self.doc("某会议在京开幕新华社北京3月5日电（记者 王某）某会议5日在京开幕。\n6日上午，代表分组审议。\n（完）\n")
        #expect(d.title == "某会议在京开幕")
        #expect(d.kind == .report)
        #expect(d.dateline?.date.start.iso == "--03-05")
        #expect(d.text(of: 0) == "新华社北京3月5日电（记者 王某）某会议5日在京开幕。")
        #expect(d.datedPassages.count == 1)
        // A title that only names an agency stays whole.
        #expect(Self.doc("新华社北京3月5日电\n正文。\n").title == "新华社北京3月5日电")
    }
}
