import DubenModel
import Foundation
import Testing

/// Keeping lines apart, date lines and titles (Docs/FORMAT.md, "Paragraphs and hard-wrapped
/// text", "Titles and date lines").
@Suite("Lines, date lines and titles")
struct LineRulesTests {
    @Test func verseBetweenBlankLinesKeepsItsLines() {
        let doc = Fixtures.documents("某诗选\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n\n春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n")[0]
        #expect(doc.blocks.count == 4)
    }

    @Test func hardWrappedEnglishJoinsByTheNextWord() {
        let text = """
            A hard wrapped English text

            This is a paragraph of English text that was wrapped at
            seventy columns by an editor, so every line but the last is
            nearly full and none of them ends a sentence until this one.

            A second paragraph follows here, and it also runs over more
            than one line before it ends.
            """
        let doc = Fixtures.documents(text)[0]
        #expect(doc.blocks.count == 2)
        #expect(doc.text(of: 1) == "A second paragraph follows here, and it also runs over more than one line before it ends.")
    }

    @Test func webCopyKeepsShortUnpunctuatedLinesApart() {
        let text = "标题\n　　第一段很长很长的正文内容，写了很多很多的字，一直写到这一段结束为止。\n某某/摄\n二\n　　第二段正文。\n"
        let doc = Fixtures.documents(text)[0]
        #expect(doc.blocks.indices.map { doc.text(of: $0) }.contains("某某/摄"))
    }

    @Test func aDatedBracketEndingTheTitleDatesTheDocument() throws {
        let doc = Fixtures.documents("关于某项工作的几点意见（2024年1月20日在某某会议上的讲话）\n　　同志们，今天我讲几点意见。\n")[0]
        let citation = try #require(doc.citation)
        #expect(citation.date.start.iso == "2024-01-20")
        #expect(citation.occasion == "在某某会议上的讲话")
        #expect(doc.date?.start.iso == "2024-01-20")
        #expect(doc.quotations.isEmpty)
    }

    @Test func subtitleAndDateLineAreTheDocumentsCitation() throws {
        let doc = Fixtures.documents("凝心聚力\n——在全市某某工作会议上的讲话\n（2024年1月20日）\n同志们：\n　　今天开会。\n")[0]
        let citation = try #require(doc.citation)
        #expect(citation.occasion == "在全市某某工作会议上的讲话")
        #expect(doc.blocks[0].kind == .note && doc.blocks[1].kind == .note)
        #expect(doc.text(of: 2) == "同志们：")
    }

    @Test func aDateLineAfterTextInItsSectionIsACitation() {
        let doc = Fixtures.documents("文集\n一、某某\n（2013年7月23日）\n　　正文。\n（2014年1月2日）\n")[0]
        #expect(doc.datedPassages.map(\.kind) == [.sectionDate])
        #expect(doc.quotations.count == 1)
        #expect(doc.quotations.first?.citation.date.start.iso == "2014-01-02")
    }
}
