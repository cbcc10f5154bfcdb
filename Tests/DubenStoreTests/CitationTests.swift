import DubenModel
import DubenStore
import DubenTestSupport
import Foundation
import Testing

/// Schema version 2 (citation metadata on every bookmark), the version-1 fixture, passages over
/// several blocks, and the citation styles.
@Suite("Citations")
struct CitationTests {
    typealias S = StoreSupport

    static var report: Document { S.corpus.documents[0] }
    static var collection: Document { S.corpus.documents[1] }
    static var speech: Document { S.corpus.documents[2] }
    static let fixture = TestSupport.repoRoot.appendingPathComponent("Tests/DubenStoreTests/Fixtures/bookmarks-v1.json")

    /// The speech's block holding 一诺千金, and the range of its two sentences from the one
    /// that holds it.
    static func yiNuoQianJin() throws -> (block: Int, range: Range<Int>) {
        let doc = speech
        let block = try #require(doc.blocks.indices.first { doc.text(of: $0).contains("一诺千金") })
        let sentences = doc.sentences(of: block)
        let text = Array(doc.text(of: block).unicodeScalars)
        let k = try #require(sentences.firstIndex { String(String.UnicodeScalarView(text[$0])).contains("一诺千金") })
        return (block, sentences[k].lowerBound..<sentences[k + 1].upperBound)
    }

    // MARK: Schema version 2

    @Test func everyBookmarkCarriesItsDocumentsFacts() throws {
        let (block, range) = try Self.yiNuoQianJin()
        let b = try #require(Bookmark.make(in: Self.speech, block: block, offset: range.lowerBound, length: range.count, id: "s", now: "t"))
        #expect(b.quote.exact == "一诺千金。党的十八大以来，各省区市党政一把手向中央签军令状的，只有脱贫攻坚这一项工作。")
        #expect(b.author == "习近平")
        #expect(b.kind == "speech" && b.documentKind == .speech)
        #expect(b.documentDate == Bookmark.DocumentDate(start: "2018-02-12"))
        #expect(b.place == "四川省成都市" && b.source == nil)
        #expect(b.sectionPath == ["第三个问题：全面打好脱贫攻坚战。"])
        #expect(b.citation == nil)
        #expect(b.displayDate == "2018-02-12")

        let q = try #require(Bookmark.make(in: Self.collection, quotation: 3, id: "q", now: "t"))
        #expect(q.author == "习近平" && q.kind == "quotations")
        #expect(q.documentDate == Bookmark.DocumentDate(start: "2020-01-22", end: "2020-04-03"))
        #expect(q.citation?.date == "2020-03" && q.citation?.text == "2020年3月就意大利发生新冠肺炎疫情致意大利总统马塔雷拉的慰问电")
        #expect(q.sectionPath?.count == 1 && q.sectionPath?.first?.hasPrefix("一、病毒没有国界") == true)
        #expect(q.displayDate == "2020-03")

        let r = try #require(Bookmark.make(in: Self.report, block: 3, offset: 0, length: 10, id: "r", now: "t"))
        #expect(r.author == nil && r.kind == "report" && r.source == "新华社" && r.place == "陕西省商洛市、安康市、西安市")
        #expect(r.documentDate == Bookmark.DocumentDate(start: "2020-04-20", end: "2020-04-23"))
    }

    @Test func aVersionOneFileIsReadFilledAndUpgradedOnTheNextWrite() throws {
        let original = try Data(contentsOf: Self.fixture)
        let header = try JSONSerialization.jsonObject(with: original) as? [String: Any]
        #expect(header?["version"] as? Int == 1)
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("bookmarks.json").path
        try original.write(to: URL(fileURLWithPath: path))
        let store = BookmarkStore(path: path)
        let v1 = try store.read()
        #expect(v1.count == 5)
        #expect(v1.allSatisfy { $0.author == nil && $0.kind == nil && $0.documentDate == nil && $0.sectionPath == nil })

        // Re-anchoring fills what the texts know; nothing else changes.
        var filled = v1
        for doc in S.corpus.documents { _ = Reanchoring.refresh(&filled, in: doc) }
        #expect(filled.map(\.id) == v1.map(\.id))
        #expect(filled.map(\.quote) == v1.map(\.quote) && filled.map(\.note) == v1.map(\.note) && filled.map(\.created) == v1.map(\.created))
        #expect(filled.allSatisfy { $0.kind != nil && $0.documentDate != nil && !$0.orphaned })
        let speech = try #require(filled.first { $0.document == Self.speech.id && $0.label == "翻译" })
        #expect(speech.author == "习近平" && speech.documentDate?.start == "2018-02-12" && speech.place == "四川省成都市")
        #expect(CitationStyle.source.citation(for: speech) == "习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）")

        // The next write is version 2 and keeps every bookmark.
        try store.update { all in
            for i in all.indices { all[i] = filled.first { $0.id == all[i].id } ?? all[i] }
        }
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(written["version"] as? Int == 2)
        let again = try store.read()
        #expect(again == filled)
        // Even a write that changes nothing else upgrades the version and loses nothing.
        try original.write(to: URL(fileURLWithPath: path))
        try store.update { _ in }
        #expect((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])?["version"] as? Int == 2)
        #expect(try store.read() == v1)
    }

    @Test func aPassageOverSeveralBlocksIsFoundAgain() throws {
        let doc = Self.speech
        // From the middle of the heading's first paragraph to the start of the next block.
        let a = 32, b = 33
        let first = doc.text(of: a).unicodeScalars.count
        let m = try #require(Bookmark.make(in: doc, from: (a, first - 5), to: (b, 4), id: "m", now: "t"))
        #expect(m.block == a && m.offset == first - 5)
        let parts = m.quote.exact.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(parts.count == 2 && parts[0].unicodeScalars.count == 5 && parts[1].unicodeScalars.count == 4)
        #expect(m.length == 10)
        #expect(m.blockRanges.map(\.block) == [a, b])
        #expect(m.blockRanges.map(\.range) == [(first - 5)..<first, 0..<4])
        #expect(Reanchoring.locate(m, in: doc)! == (a, first - 5))
        // An end at offset 0 of a block ends the passage with the block before.
        let whole = try #require(Bookmark.make(in: doc, from: (a, 0), to: (b + 1, 0), id: "w", now: "t"))
        #expect(whole.quote.exact == doc.text(of: a) + "\n" + doc.text(of: b))
        // One block: the same as make(block:offset:length:).
        let one = try #require(Bookmark.make(in: doc, from: (a, 2), to: (a, 9), id: "o", now: "t"))
        #expect(one == Bookmark.make(in: doc, block: a, offset: 2, length: 7, id: "o", now: "t"))
        #expect(Bookmark.make(in: doc, from: (a, 3), to: (a, 3), id: "e", now: "t") == nil)
        #expect(Bookmark.make(in: doc, from: (b, 0), to: (a, 3), id: "e", now: "t") == nil)
        #expect(Bookmark.make(in: doc, from: (0, 0), to: (doc.blocks.count, 0), id: "e", now: "t") == nil)
    }

    // MARK: Styles

    @Test func sourceStyle() throws {
        let (block, range) = try Self.yiNuoQianJin()
        let s = try #require(Bookmark.make(in: Self.speech, block: block, offset: range.lowerBound, length: range.count, id: "s", now: "t"))
        #expect(CitationStyle.source.citation(for: s) == "习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）")
        #expect(CitationStyle.source.passageWithCitation(s) == s.quote.exact + "\n习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）")
        let q = try #require(Bookmark.make(in: Self.collection, block: 17, id: "q", now: "t"))
        #expect(CitationStyle.source.citation(for: q) == "习近平（2020年3月27日同美国总统特朗普通电话）")
        let r = try #require(Bookmark.make(in: Self.report, block: 3, id: "r", now: "t"))
        #expect(CitationStyle.source.citation(for: r) == "新华社：《\(Self.report.title)》（2020年4月20日—23日）")
        var noAuthor = s
        noAuthor.author = nil
        noAuthor.documentDate = nil
        #expect(CitationStyle.source.citation(for: noAuthor) == "《在打好精准脱贫攻坚战座谈会上的讲话》")
    }

    @Test func gbt7714Style() throws {
        let s = try #require(Bookmark.make(in: Self.speech, block: 32, id: "s", now: "t"))
        #expect(CitationStyle.gbt7714.citation(for: s) == "习近平. 在打好精准脱贫攻坚战座谈会上的讲话[Z]. 四川省成都市, 2018-02-12.")
        let call = try #require(Bookmark.make(in: Self.collection, block: 17, id: "q", now: "t"))
        #expect(CitationStyle.gbt7714.citation(for: call) == "习近平. 同美国总统特朗普通电话[A]//团结合作是国际社会战胜疫情最有力武器. 2020-03-27.")
        let telegram = try #require(Bookmark.make(in: Self.collection, quotation: 3, id: "t", now: "t"))
        #expect(CitationStyle.gbt7714.citation(for: telegram).contains("慰问电[A]//团结合作是国际社会战胜疫情最有力武器. 2020-03."))
        let titled = try #require(Bookmark.make(in: Self.collection, quotation: 1, id: "t", now: "t"))
        #expect(CitationStyle.gbt7714.citation(for: titled)
                == "习近平. 在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话[Z]//团结合作是国际社会战胜疫情最有力武器. 2020-02-23.")
        let r = try #require(Bookmark.make(in: Self.report, block: 3, id: "r", now: "t"))
        #expect(CitationStyle.gbt7714.citation(for: r) == "新华社. \(Self.report.title)[N]. 2020-04-20/23.")
    }

    @Test func templates() throws {
        let s = try #require(Bookmark.make(in: Self.speech, block: 32, id: "s", now: "t"))
        let style = try CitationStyle(template: "{author}：《{title}》（{date}）{{{kind}}} {section} {place}")
        #expect(style.citation(for: s) == "习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）{speech} 第三个问题：全面打好脱贫攻坚战。 四川省成都市")
        let q = try #require(Bookmark.make(in: Self.collection, block: 17, id: "q", now: "t"))
        #expect(try CitationStyle(template: "{date}|{occasion}|{citation}|{source}").citation(for: q)
                == "2020年3月27日|同美国总统特朗普通电话|2020年3月27日同美国总统特朗普通电话|")
        // Unknown values leave no empty brackets.
        #expect(try CitationStyle(template: "{title}（{source}）").citation(for: s) == "在打好精准脱贫攻坚战座谈会上的讲话")
        #expect(throws: CitationStyle.Failure.self) { try CitationStyle(template: "{autor}") }
        do {
            _ = try CitationStyle(template: "《{titel}》")
        } catch {
            #expect(error.description.contains("unknown field {titel}") && error.description.contains("{author}"))
        }
        #expect(CitationStyle(name: "source", template: "{nope}") == nil)
        #expect(CitationStyle(name: "GBT7714", template: nil) == .gbt7714)
        #expect(CitationStyle(name: "apa", template: nil) == nil)
        #expect(throws: CitationStyle.Failure.self) { try CitationStyle(template: "{author") }
    }

    @Test func chineseDates() {
        #expect(ChineseDate.string("2018-02-12") == "2018年2月12日")
        #expect(ChineseDate.string("2020-03") == "2020年3月")
        #expect(ChineseDate.string("2020") == "2020年")
        #expect(ChineseDate.string("--04-20") == "4月20日")
        #expect(ChineseDate.span(start: "2020-04-20", end: "2020-04-23") == "2020年4月20日—23日")
        #expect(ChineseDate.span(start: "2020-04-30", end: "2020-05-02") == "2020年4月30日—5月2日")
        #expect(ChineseDate.span(start: "2019-12-30", end: "2020-01-02") == "2019年12月30日—2020年1月2日")
        #expect(ChineseDate.span(start: "2020-03", end: "2020-04") == "2020年3月—4月")
        #expect(ChineseDate.string("abc") == nil)
    }

    /// Found by `scripts/fuzz date`: "0019年12月30日" (a date read from the middle of
    /// "20019年…") printed as "19年12月30日", which reads back as no date. A year is written with
    /// four digits, as the parser reads one.
    @Test func chineseDatesReadBackAsThemselves() {
        #expect(ChineseDate.string("0019-12-30") == "0019年12月30日")
        #expect(ChineseDate.span(start: "0999-12-30", end: "1000-01-02") == "0999年12月30日—1000年1月2日")
        for (start, end) in [("0019-12-30", nil), ("0999-12-30", "1000-01-02"), ("2020-04-30", "2020-05-02")] as [(String, String?)] {
            let written = ChineseDate.span(start: start, end: end)!
            let span = DateParser(Array(written.unicodeScalars)).whole(requireYear: true)
            #expect(span?.start.iso == start && span?.end?.iso == end, "\(written)")
        }
    }
}
