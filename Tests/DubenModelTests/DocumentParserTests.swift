import DubenModel
import Foundation
import Testing

@Suite("Parsing other layouts")
struct DocumentParserTests {
    @Test func blankLinesBetweenParagraphsAndDocuments() {
        let text = "标题一\n\n第一段。\n\n第二段。\n\n\n\n标题二\n\n正文。\n"
        let docs = Fixtures.documents(text)
        #expect(docs.count == 2)
        #expect(docs[0].blocks.count == 2)
        #expect(docs[0].text(of: 1) == "第二段。")
        #expect(docs[1].title == "标题二")
    }

    @Test func twoBlankLinesDoNotSplit() {
        #expect(Fixtures.documents("标题\n\n\n段一。\n\n\n段二。\n").count == 1)
    }

    @Test func formFeedSplits() {
        let docs = Fixtures.documents("标题一\n正文。\n\u{0C}标题二\n正文。\n")
        #expect(docs.map(\.title) == ["标题一", "标题二"])
    }

    @Test func crlfAndCR() {
        let docs = Fixtures.documents("标题\r\n习近平\r\n第一段。\r第二段。\r\n")
        #expect(docs.count == 1)
        #expect(docs[0].author == "习近平")
        #expect(docs[0].blocks.map { docs[0].text(of: $0 == docs[0].blocks.first! ? 0 : 1) }.count == 2)
        #expect(docs[0].text(of: 1) == "第二段。")
    }

    @Test func gbkFile() throws {
        let hex = "b2e2cad4b1eacce20acfb0bdfcc6bd0ad6d0b7bdb1fcb3d6c8cbc0e0c3fcd4cbb9b2cdaccce5c0edc4eea3acd4b8cdacb8f7b9fabcd3c7bfbacfd7f7a1a30aa3a832303230c4ea33d4c23237c8d5cdacc3c0b9fad7dccdb3ccd8c0cac6d5cda8b5e7bbb0a3a90a"
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex { let j = hex.index(i, offsetBy: 2); bytes.append(UInt8(hex[i..<j], radix: 16)!); i = j }
        #expect(try SourceDecoder.decode(bytes).encoding == .gb18030)
        let doc = try #require(Fixtures.documents(bytes: bytes).first)
        #expect(doc.title == "测试标题")
        #expect(doc.author == "习近平")
        #expect(doc.quotations.count == 1)
        #expect(doc.quotations.first?.citation.occasion == "同美国总统特朗普通电话")
    }

    @Test func asciiParenthesisCitationsAndQuotationSpans() {
        let text = """
            语录
            第一段话。
            第二段话。
            (2013年11月24日至28日在山东考察时的讲话)
            第三段话。
            (2014年3月在某地的讲话)
            第四段话。
            (2015年1月1日在某处的讲话)
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.kind == .quotations)
        #expect(doc.quotations.map(\.blocks.count) == [2, 1, 1])
        #expect(doc.quotationText(doc.quotations[0]) == "第一段话。\n第二段话。")
    }

    @Test func inlineCitationAtEndOfParagraph() throws {
        let text = """
            讲话摘编

            　　要坚持人民至上。（2020年5月22日在参加十三届全国人大三次会议内蒙古代表团审议时的讲话）

            　　要坚持生命至上。（2020年5月24日在参加湖北代表团审议时的讲话）

            　　要坚持科学防治。(2020年6月2日在专家学者座谈会上的讲话)
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.quotations.count == 3)
        #expect(doc.blocks.count == 6)
        #expect(doc.text(of: 0) == "要坚持人民至上。")
        #expect(doc.quotations[1].citation.date.start.iso == "2020-05-24")
        #expect(doc.blocks[1].kind == .citation)
    }

    @Test func hardWrappedParagraphsJoin() {
        let text = """
            标题

            　　这是一段从PDF复制的文字，每行
            都在印刷的行尾断开，但属于同一
            段落。
            　　第二段开始，English words
            continue here.
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.blocks.count == 2)
        #expect(doc.text(of: 0) == "这是一段从PDF复制的文字，每行都在印刷的行尾断开，但属于同一段落。")
        #expect(doc.text(of: 1) == "第二段开始，English words continue here.")
        // Anchors count scalars of the joined text.
        let anchor = TextAnchor(document: doc.id, block: 1, offset: 20)
        #expect(doc.anchor(atByte: doc.byteOffset(of: anchor)) == anchor)
    }

    @Test func headingForms() {
        let text = """
            文件
            第一部分 总体要求
            一、指导思想
            （一）基本原则
            正文。
            第一章 总则
            第二个问题，怎么办
            """
        let doc = Fixtures.documents(text)[0]
        let labels = doc.toc.map(\.label)
        #expect(labels == ["第一部分 总体要求", "一、指导思想", "（一）基本原则", "第一章 总则", "第二个问题，怎么办"])
        #expect(doc.toc.map(\.level) == [1, 4, 5, 2, 3])
    }

    @Test func runInPointsOutsideQuotationsAndInSequenceOutsideSpeeches() {
        let speech = Fixtures.documents("讲话\n习近平\n第一，要坚持。后文。\n二是要创新。后文。\n")[0]
        #expect(speech.kind == .speech)
        #expect(speech.toc.map(\.label) == ["第一，要坚持", "二是要创新"])
        let plain = Fixtures.documents("文章\n\n第一，要坚持。\n")[0]
        #expect(plain.toc.isEmpty)
    }

    @Test func headingLikeLineInsideQuotationIsNotAHeading() {
        let text = """
            语录
            一、第一部分
            引语开头。
            二、要加强合作。
            引语结尾。
            （2020年3月27日同某人通电话）
            二、第二部分
            另一段。
            （2020年3月28日同某人通电话）
            又一段。
            （2020年3月29日同某人通电话）
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.toc.map(\.label) == ["一、第一部分", "二、第二部分"])
        #expect(doc.quotations[0].blocks.count == 3)
    }

    @Test func stableIDs() {
        let a = Fixtures.documents("团结合作\n习近平\n正文。\n")[0]
        let b = Fixtures.documents("\n团结合作\n习近平\n完全不同的正文。\n第二段。\n")[0]
        #expect(a.id == b.id)
        #expect(a.id != Fixtures.documents("另一个标题\n正文。\n")[0].id)
    }

    @Test func metadataFillsYear() throws {
        let meta = try MetadataFile(toml: "[[document]]\ntitle = \"考察报道\"\ndate = \"2020-04-20\"\n", path: "duben.toml")
        let doc = Fixtures.documents("考察报道\n　　近日。4月20日至23日，某人考察。\n　　21日上午，某人来到某地。\n", metadata: meta)[0]
        #expect(doc.kind == .report)
        #expect(doc.dateline?.date.start.iso == "2020-04-20")
        #expect(doc.datedPassages.map(\.date.start.iso) == ["2020-04-21"])
        let yearless = Fixtures.documents("考察报道\n　　近日。4月20日至23日，某人考察。\n　　21日上午，某人来到某地。\n")[0]
        #expect(yearless.datedPassages.map(\.date.start.iso) == ["--04-21"])
    }

    @Test func badMetadataNamesFileAndLine() {
        #expect(throws: LoadError.self) { try MetadataFile(toml: "[[document]\ntitle=", path: "x/duben.toml") }
        do {
            _ = try MetadataFile(toml: "[[document]]\ntitle = \"a\"\ndate = \"someday\"\n", path: "x/duben.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("x/duben.toml: invalid metadata"))
        }
    }
}
