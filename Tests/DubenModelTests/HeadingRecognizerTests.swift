@testable import DubenModel
import Testing

/// Heading forms, their levels, run-in headings and points, and the book kind
/// (Docs/FORMAT.md, "Headings").
@Suite("Headings")
struct HeadingRecognizerTests {
    func heading(_ line: String) -> HeadingForm? { HeadingRecognizer.heading(Array(line.unicodeScalars))?.form }

    @Test func formsInTheirVariants() {
        #expect(heading("第十二回　风雪夜故人重相见　杏花村旧债一笔清") == .chapter)
        #expect(heading("第1章 重生") == .chapter)
        #expect(heading("第００３章 约定") == .chapter)
        #expect(heading("第二编　变动中的社会") == .volume)
        #expect(heading("尾声") == .chapter)
        #expect(heading("后记：写在最后") == .chapter)
        #expect(heading("第二个方面：关于改革") == .question)
        #expect(heading("第一　关于治理理念") == .ordinal)
        #expect(heading("第三，关于队伍建设问题") == .ordinal)
        #expect(heading("三　国际形势") == .enumerated)
        #expect(heading("二\u{A0}国内形势") == .enumerated)
        #expect(heading("四 、 加强领导") == .enumerated)
        #expect(heading("二十五") == .numeral)
        #expect(heading("（ 一 ）工作目标") == .parenthesised)
        #expect(heading("(1)明确责任分工") == .parenthesisedArabic)
        #expect(heading("１．加强某项工作") == .arabic)
        #expect(heading("2、 全力提振消费") == .arabic)
        #expect(heading("■某地：某项工作稳步推进") == .marker)
        #expect(heading("【关于某某】") == .marker)
        #expect(heading("★坚定信心，迎难而上") == .marker)
    }

    @Test func lookAlikesAreNotHeadings() {
        for line in ["第一回合下来，两人不分胜负", "第二章节的内容", "第一节课上完了", "第二章所述的企业，后来迁往内地。",
                     "第一次到村里调研时", "三个方面", "12", "1.5万元的补贴", "2024.3版服务指南", "3.14是近似值",
                     "一、二、三产业协调发展，是我们的目标。", "1、2、3号文件已经印发", "● 加工厂年产值超过两千万元。",
                     "机密★1年", "【出处】《某某文集》", "【责任编辑：某某】", "第一，要坚持。后文。", "两", "在第二章中", "一 九 四 九 年", "★★★", "■ ■ ■",
                     "第一，要坚持以人民为中心的发展思想，不断", "● 产值超过两千万元，带动就业三百人，人均增收"] {
            #expect(heading(line) == nil, "\(line)")
        }
    }

    @Test func runInHeadingLabelsEndOutsideQuotesAndBrackets() {
        func label(_ s: String) -> String? {
            let scalars = Array(s.unicodeScalars)
            return HeadingRecognizer.runInHeading(scalars).map { String(String.UnicodeScalarView(scalars[..<$0.labelLength])) }
        }
        #expect(label("（二）完善某项机制。要建立健全工作制度。") == "（二）完善某项机制")
        #expect(label("1.总体目标：到某年，基本建成。") == "1.总体目标")
        #expect(label("（1）落实“三个必须。”的要求；要抓紧。") == "（1）落实“三个必须。”的要求")
        #expect(label("2.会议于10:30开始，地点在《某某。》编辑部；请准时。") == "2.会议于10:30开始，地点在《某某。》编辑部")
        #expect(label("（三）" + String(repeating: "很长的段落", count: 20) + "。") == nil)
        #expect(label("一、总体要求。后文。") == nil)
    }

    @Test func levelsFollowTheFamiliesPresent() {
        let text = """
            报告
            一、总体要求
            （一）工作目标。到年底，完成各项任务。
            1.加强某项工作。要抓紧。
            （1）明确责任分工。要落实。
            二、重点任务
            （一）扩大需求
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.toc.map(\.level) == [1, 2, 3, 4, 1, 2])
        #expect(doc.toc.map(\.isRunIn) == [false, true, true, true, false, false])
        #expect(doc.blocks.compactMap(\.headingLevel) == [1, 1, 2])
        // Without 一、 the bracketed numbers lead.
        let short = Fixtures.documents("通知\n1.总体要求\n正文。\n（1）明确分工。要落实。\n")[0]
        #expect(short.toc.map(\.level) == [1, 2])
        // 第一， on a line of its own goes under 一、 (there it numbers points).
        let points = Fixtures.documents("讲话\n一、总体要求\n第一，坚持党的领导\n正文。\n第二，坚持人民至上\n正文。\n")[0]
        #expect(points.toc.map(\.level) == [1, 2, 2])
    }

    @Test func arabicNumbersOutOfSequenceAreAList() {
        let text = """
            意见
            一、重点任务
            　　（一）健全机制。建立健全统筹协调机制。
            　　1.强化组织领导。各区要成立专班。
            　　2.加强督促检查。要定期开展督查。
            二、保障措施
            　　各地要认真抓好落实。
            附件：1.某某工作任务分工表
            　　　2.某某工作联系人名单
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.toc.map(\.label) == ["一、重点任务", "（一）健全机制", "1.强化组织领导", "2.加强督促检查", "二、保障措施"])
        #expect(doc.blocks.filter(\.isHeading).count == 2)
    }

    @Test func listsInsideQuotationsAreNotHeadings() {
        let text = """
            摘编
            一、关于发展
            　　要把握以下几点：
            1.坚持生态优先
            2.坚持系统治理
            （2019年3月5日在某地的讲话）
            　　另一段话。
            （2019年3月6日在某地的讲话）
            　　又一段话。
            （2019年3月7日在某地的讲话）
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.kind == .quotations)
        #expect(doc.toc.map(\.label) == ["一、关于发展"])
        #expect(doc.quotations[0].blocks.count == 3)
    }

    @Test func bareNumeralsOnlyInSequence() {
        let lone = Fixtures.documents("文章\n\n第一段。\n\n三\n\n第二段。\n")[0]
        #expect(lone.toc.isEmpty)
        // 三 lost (or never there): 四 still goes on; 二 after 四 does not; 12 is a page number.
        let seq = Fixtures.documents("文章\n\n一\n\n第一段。\n\n二\n\n第二段。\n\n12\n\n四\n\n第三段。\n\n二\n\n第四段。\n")[0]
        #expect(seq.toc.map(\.label) == ["一", "二", "四"])
        // Under a new section the numbering starts again.
        let restart = Fixtures.documents("文章\n一、甲\n一\n第一段。\n二\n第二段。\n二、乙\n一\n第三段。\n二\n第四段。\n")[0]
        #expect(restart.toc.map(\.level) == [1, 2, 2, 1, 2, 2])
    }

    @Test func runInPointsOutsideSpeechesNeedASequence() {
        let plain = Fixtures.documents("文章\n\n一是要坚持。后文。\n\n二是要创新。后文。\n\n第一，孤立的一点。\n")[0]
        #expect(plain.kind == .text)
        #expect(plain.toc.map(\.label) == ["一是要坚持", "二是要创新"])
    }

    @Test func pointsInsideAParagraphEndAtTheNextPointAndNeedASequence() {
        let text = "文章\n一、总体\n成效明显：一是产业发展，增速加快，二是民生改善；三是环境更好。\n其中，一是教育。\n他说：“一是看得见，二是摸得着。”\n做到一是一、二是二。\n第一，稳增长。一是扩投资，二是促消费。\n"
        let doc = Fixtures.documents(text)[0]
        #expect(doc.kind == .text)
        #expect(doc.toc.map(\.label) == ["一、总体", "一是产业发展，增速加快", "二是民生改善", "三是环境更好", "一是扩投资", "二是促消费"])
        #expect(doc.toc.map(\.level) == [1, 2, 2, 2, 2, 2])
        let speech = Fixtures.documents("讲话\n习近平\n第一，稳增长。一是扩投资，二是促消费。\n第二，惠民生。\n")[0]
        #expect(speech.toc.map(\.label) == ["第一，稳增长", "一是扩投资", "二是促消费", "第二，惠民生"])
        #expect(speech.toc.map(\.level) == [1, 2, 2, 1])
    }

    @Test func bookKindFromChapters() {
        let novel = Fixtures.documents("某某传\n曹某某\n第一回　甲乙\n正文。\n第二回　丙丁\n正文。\n")[0]
        #expect(novel.kind == .book)
        #expect(novel.author == "曹某某")
        let speech = Fixtures.documents("讲话\n某某某\n第一章 总则\n正文。\n")[0]
        #expect(speech.kind == .speech)
    }

    @Test func subheadsNeedSeveralSignals() {
        // Short lines without punctuation between sentences, but only one: not a subhead.
        let one = Fixtures.documents("文章\n　　第一段很长很长的文字。\n小标题\n　　第二段很长很长的文字。\n")[0]
        #expect(one.toc.isEmpty)
        // A run of short lines (verse) is not a chain of subheads.
        let verse = Fixtures.documents("文章\n　　他念道。\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n　　念完了，他笑了笑，又低下头去写字。\n")[0]
        #expect(verse.toc.isEmpty)
        let two = Fixtures.documents("文章\n　　开头的一段文字。\n产业兴旺\n　　第二段很长很长的文字，写了很多内容。\n生态宜居\n　　第三段很长很长的文字，写了很多内容。\n")[0]
        #expect(two.toc.map(\.label) == ["产业兴旺", "生态宜居"])
        // A quoted slogan line is a subhead; a caption indented like the body is not.
        let feature = Fixtures.documents("""
            观察
            　　初秋时节，走进某村，稻田金黄。
            　　图为村民在田间收割水稻
            　　近年来，该村大力发展乡村旅游，村民收入明显提高。
            “绿水青山”变“金山银山”
            　　过去，村里的竹林无人问津。如今，竹林成了远近闻名的景区。
            人才回流添活力
            　　越来越多的年轻人回到家乡创业，为乡村注入了活力。
            """)[0]
        #expect(feature.toc.map(\.label) == ["“绿水青山”变“金山银山”", "人才回流添活力"])
    }
}
