import DubenModel
import DubenUI
import Testing

@Suite("Quotations by reading order and by date")
struct QuotationNavigationTests {
    typealias S = UITestSupport
    static let collection = S.bundled.documents[1]

    /// The first line of the text area.
    func topText(_ r: Reader) -> String {
        r.layout.lines(ofBlock: r.top.block)[r.top.row].text
    }

    func firstWords(_ q: Quotation) -> String {
        String(Self.collection.text(of: q.blocks.lowerBound).prefix(10))
    }

    @Test func bracketVisitsEveryQuotationInOrder() {
        var r = S.reader(80, 24)
        _ = r.handle(.tab)
        for q in Self.collection.quotations {
            _ = r.handle(.char("]"))
            #expect(r.currentQuotation?.index == q.index)
            #expect(r.top.row == 0 && r.top.block == q.blocks.lowerBound)
            #expect(topText(r).hasPrefix(firstWords(q)))
        }
        _ = r.handle(.char("]"))
        #expect(r.message == "No more quotations")
        _ = r.handle(.char("["))
        #expect(r.currentQuotation?.index == 57)
    }

    @Test func statusLineShowsDateAndOccasion() {
        var r = S.reader(80, 24)
        S.type(&r, [.tab, .char("]"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]")])
        r = { var x = r; _ = x.handle(.char("j")); _ = x.handle(.char("k")); return x }()
        let bottom = ReaderView.draw(r).lines.last ?? ""
        #expect(bottom.contains("2020-03-27 同美国总统特朗普通电话 · quotation 9/59"), "\(bottom)")
    }

    @Test(arguments: [(20, 6), (30, 8), (40, 12), (80, 24)])
    func narrowStatusLineKeepsDateAndNumber(columns: Int, rows: Int) {
        var r = S.reader(columns, rows)
        S.type(&r, [.tab] + Array(repeating: Key.char("]"), count: 9) + [.char("j"), .char("k")])
        let bottom = ReaderView.draw(r).lines.last ?? ""
        #expect(bottom.contains("2020-03-27"), "\(columns)x\(rows): \(bottom)")
        #expect(bottom.contains("9/59"), "\(columns)x\(rows): \(bottom)")
    }

    @Test(arguments: ["2020-03-27", "2020/3/27", "20200327", "2020年3月27日", "3月27日", "3-27"])
    func atLandsOnTheFirstQuotationOfTheDay(_ date: String) {
        var r = S.reader(80, 24)
        S.type(&r, [.tab, .char("]"), .char("@")] + S.chars(date) + [.enter])
        let q = r.currentQuotation
        #expect(q?.citation.date.start.iso == "2020-03-27")
        #expect(q.map(firstWords) == "流行性疾病不分国界和")
    }

    @Test func atWithMonthAndYear() {
        var r = S.reader(80, 24)
        S.type(&r, [.char("@")] + S.chars("2020-03") + [.enter])
        #expect(r.currentQuotation?.citation.date.start.iso == "2020-03")
        #expect(r.currentQuotation?.citation.occasion == "就意大利发生新冠肺炎疫情致意大利总统马塔雷拉的慰问电")
        S.type(&r, [.char("@")] + S.chars("2020") + [.enter])
        #expect(r.currentQuotation?.citation.date.start.iso == "2020-01-22")
        let before = r.top
        S.type(&r, [.char("@")] + S.chars("2021-01-01") + [.enter])
        #expect(r.message == "Nothing dated on or after 2021-01-01")
        #expect(r.top == before)
        S.type(&r, [.char("@")] + S.chars("soon") + [.enter])
        #expect(r.message?.hasPrefix("Not a date") == true)
    }

    @Test func parenthesisFromTheLastOfMarch26ReachesTheFirstOfMarch27() throws {
        let march26 = S.bundled.documents[1].quotations.filter { $0.citation.date.start.iso == "2020-03-26" }
        let last = try #require(march26.last)
        var r = S.reader(80, 24)
        _ = r.handle(.tab)
        while r.currentQuotation?.index != last.index { _ = r.handle(.char("]")) }
        _ = r.handle(.char(")"))
        #expect(r.currentQuotation?.citation.date.start.iso == "2020-03-27")
        #expect(r.currentQuotation.map(firstWords) == "流行性疾病不分国界和")
        _ = r.handle(.char("("))
        #expect(r.currentQuotation?.index == last.index)
    }

    @Test func dateOrderCoversEveryQuotationOnce() {
        var r = S.reader(80, 24)
        // From the earliest dated item (the 2018 speech), every quotation, then the April report.
        _ = r.handle(.backTab)
        _ = r.handle(.char(")"))
        var seen: [String] = []
        var dates: [PartialDate] = []
        for _ in 0..<60 {
            if let q = r.currentQuotation { seen.append("\(q.index)"); dates.append(q.citation.date.start) }
            _ = r.handle(.char(")"))
        }
        #expect(Set(seen).count == 59)
        #expect(dates == dates.sorted())
        #expect(r.message == "This is the latest quotation")
    }

    @Test func occasionListsTheFourQuotationsOfTheCall() throws {
        var r = S.reader(80, 24)
        S.type(&r, [.tab] + Array(repeating: Key.char("]"), count: 9))
        #expect(r.currentQuotation?.citation.occasion == "同美国总统特朗普通电话")
        _ = r.handle(.char("o"))
        guard case .occasion(let selected, let items) = r.overlay else { Issue.record("no occasion list"); return }
        #expect(items.count == 4)
        #expect(selected == 0)
        S.type(&r, [.char("j"), .char("j"), .enter])
        #expect(r.overlay == .none)
        #expect(r.currentQuotation?.index == items[2].quotation)
    }

    @Test func timelineMonthsFilterAndJump() {
        var r = S.reader(80, 24)
        _ = r.handle(.char("T"))
        let periods = r.timelinePeriods(filter: "")
        // The 2018 speech is a dated document (a passage of its month, no quotation).
        #expect(periods.map(\.period.key) == ["2018-02", "2020-01", "2020-02", "2020-03", "2020-04"])
        #expect(periods.map(\.period.count) == [0, 2, 20, 34, 3])
        #expect(periods[0].items.map(\.kind) == [.document])
        #expect(periods[4].period.passages == 5)
        let screen = ReaderView.draw(r).lines
        #expect(screen.filter { $0.contains("█") }.count == 4)
        S.type(&r, [.char("/")] + S.chars("特朗普") + [.enter])
        #expect(r.timelinePeriods(filter: "特朗普").map(\.period.count) == [1, 4])
        #expect(ReaderView.draw(r).lines[0].contains("filter: 特朗普 (5)"))
        #expect(ReaderView.draw(r).lines[0].contains("Timeline · 5 quotations · 2020-02-07 — 2020-03-27"))
        // The cached timeline follows the filter back and forth.
        #expect(r.timelinePeriods(filter: "").map(\.period.count) == [0, 2, 20, 34, 3])
        #expect(r.timelinePeriods(filter: "特朗普").map(\.period.count) == [1, 4])
        S.type(&r, [.right, .char("j"), .enter])
        #expect(r.overlay == .none)
        #expect(r.currentQuotation?.citation.date.start.iso == "2020-03-27")
        #expect(r.currentQuotation?.citation.occasion == "同美国总统特朗普通电话")
    }

    @Test func timelineReportPassagesJumpToTheirSentence() {
        var r = S.reader(80, 24)
        S.type(&r, [.char("T"), .char("G"), .enter])
        #expect(r.documentIndex == 0)
        #expect(topText(r).contains("23日上午"))
    }
}

extension QuotationNavigationTests {
    /// While the library is indexed, an answer about the whole library says it is about what is
    /// read so far.
    @Test func answersAboutTheWholeLibrarySayTheyAreSoFarWhileIndexing() {
        let all = UITestSupport.bundled
        let first = Corpus(documents: [all.documents[0]], files: all.files, warnings: [])
        var reader = Reader(corpus: first, columns: 80, rows: 24)
        _ = reader.update(corpus: first, progress: 0.4)
        UITestSupport.type(&reader, [.char("@")] + UITestSupport.chars("2099") + [.enter])
        #expect(reader.message?.contains("indexing 40%") == true, "\(reader.message ?? "")")
        // At the last quotation read so far, ] and ) say the rest is not read yet.
        UITestSupport.type(&reader, [.char("G")])
        UITestSupport.type(&reader, [.char("]")])
        #expect(reader.message?.contains("not read yet") == true, "\(reader.message ?? "")")
        // Indexed: the same keys say nothing of it.
        _ = reader.update(corpus: all, progress: nil)
        UITestSupport.type(&reader, [.char("@")] + UITestSupport.chars("2099") + [.enter])
        #expect(reader.message?.contains("indexing") == false, "\(reader.message ?? "")")
    }
}
