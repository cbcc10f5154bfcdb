import DubenModel
import Testing

@Suite("Bundled corpus")
struct BundledCorpusTests {
    let corpus = Fixtures.bundled

    @Test func threeDocumentsOfThreeKinds() {
        #expect(corpus.documents.map(\.kind) == [.report, .quotations, .speech])
        #expect(corpus.documents[1].author == "习近平")
        #expect(corpus.documents[0].author == nil)
        #expect(corpus.documents[1].title == "团结合作是国际社会战胜疫情最有力武器")
    }

    @Test func collectionSectionsAndQuotations() {
        let doc = corpus.documents[1]
        #expect(doc.toc.count == 5)
        #expect(doc.toc.allSatisfy { $0.level == 1 && !$0.isRunIn })
        #expect(doc.toc.map { $0.label.prefix(2) } == ["一、", "二、", "三、", "四、", "五、"])
        #expect(doc.quotations.count == 59)
        let dates = doc.quotations.map(\.citation.date.start)
        // The text has five month-precision citations (lines 43, 80, 105, 107, 109 of the file).
        #expect(dates.filter { $0.precision == .month }.count == 5)
        #expect(dates.min()?.iso == "2020-01-22")
        #expect(dates.max()?.iso == "2020-04-03")
    }

    @Test func sevenParagraphQuotation() throws {
        let doc = corpus.documents[1]
        let q = try #require(doc.quotations.first { doc.text(of: $0.blocks.lowerBound).hasPrefix("重大传染性疾病是全人类的敌人") })
        #expect(q.blocks.count == 7)
        #expect(q.citation.text == "2020年3月26日《携手抗疫共克时艰——在二十国集团领导人特别峰会上的发言》")
        #expect(doc.section(at: q.citationBlock).map { doc.toc[$0].label.hasPrefix("四、") } == true)
        // "第一，…" inside a quotation is not a heading or a TOC entry.
        #expect(!doc.toc.contains { $0.label.hasPrefix("第一，") })
    }

    @Test func speechTOC() {
        let doc = corpus.documents[2]
        let headings = doc.toc.filter { !$0.isRunIn }
        #expect(headings.map(\.label) == [
            "第一个问题：深刻认识我国脱贫攻坚取得的决定性进展。",
            "第二个问题：清醒把握打赢脱贫攻坚战的困难挑战。",
            "第三个问题：全面打好脱贫攻坚战。",
        ])
        // Run-in points under each question.
        var counts: [Int] = []
        for e in doc.toc { if e.isRunIn { counts[counts.count - 1] += 1 } else { counts.append(0) } }
        #expect(counts == [10, 2, 8])
        #expect(doc.toc.contains { $0.isRunIn && $0.label == "第一，创造了我国减贫史上最好成绩" && $0.level == 2 })
        #expect(doc.toc.contains { $0.label == "六是坚持群众主体，激发内生动力" })
        #expect(doc.date?.start.iso == "2018-02-12", "from Texts/duben.toml")
    }

    @Test func reportDatelineAndPassages() throws {
        let doc = corpus.documents[0]
        let dateline = try #require(doc.dateline)
        #expect(dateline.marker == "4月20日至23日")
        #expect(dateline.date.start.iso == "2020-04-20")
        #expect(dateline.date.end?.iso == "2020-04-23")
        #expect(doc.datedPassages.map(\.marker) == ["20日下午", "21日上午", "22日", "23日上午"])
        #expect(doc.datedPassages.map(\.date.start.iso) == ["2020-04-20", "2020-04-21", "2020-04-22", "2020-04-23"])
        #expect(doc.metadata?.source == "新华社")
    }

    @Test func anchorsRoundTripThroughBytes() {
        for doc in corpus.documents {
            for b in stride(from: 0, to: doc.blocks.count, by: 3) {
                let count = doc.text(of: b).unicodeScalars.count
                for offset in [0, 1, count / 2, count] {
                    let anchor = TextAnchor(document: doc.id, block: b, offset: offset)
                    #expect(doc.anchor(atByte: doc.byteOffset(of: anchor)) == anchor)
                }
            }
        }
    }

    @Test func quotationQueries() {
        #expect(corpus.quotations(matching: QuotationQuery(from: PartialDate(year: 2020, month: 4))).count == 3)
        #expect(corpus.quotations(matching: QuotationQuery(match: "特朗普")).count == 5)
        let march27 = PartialDate(year: 2020, month: 3, day: 27)
        // Seven quotations are dated that day; the five dated only "2020-03" overlap it too.
        #expect(corpus.quotations(matching: QuotationQuery(from: march27, to: march27)).count == 12)
    }
}
