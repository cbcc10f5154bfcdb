import DubenModel
import Testing

/// `TextMatcher`: literal search with width and ASCII case folded.
@Suite("Text matching")
struct TextMatcherTests {
    @Test func foldingRules() {
        // Full-width forms U+FF01–FF5E become ASCII, then capitals become small letters.
        for v in UInt32(0xFF01)...0xFF5E {
            let ascii = v - 0xFEE0
            let expected = (0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii
            #expect(TextMatcher.fold(v) == expected)
        }
        #expect(TextMatcher.fold(0x3000) == 0x20)
        #expect(TextMatcher.fold(UInt32(UInt8(ascii: "Q"))) == UInt32(UInt8(ascii: "q")))
        // Nothing else changes: Chinese, other scripts' capitals, the edges of the block.
        for v: UInt32 in [0x4E00, 0xC9 /* É */, 0x3A9 /* Ω */, 0xFF00, 0xFF5F, 0xFF61 /* ｡ */, 0x3002, 0x20, 0x7A] {
            #expect(TextMatcher.fold(v) == v)
        }
    }

    @Test func widthAndCaseMatchEachOther() {
        #expect(TextMatcher("ＣＯＶＩＤ")?.matches(in: "covid-19 and COVID") == [0..<5, 13..<18])
        #expect(TextMatcher("2020")?.matches(in: "２０２０年") == [0..<4])
        #expect(TextMatcher("２０２０年")?.matches(in: "于2020年3月") == [1..<6])
        #expect(TextMatcher("a b")?.matches(in: "Ａ　Ｂ") == [0..<3])
        #expect(TextMatcher("É")?.matches(in: "é") == [])
    }

    @Test func offsetsAreScalarsAndMatchesDoNotOverlap() {
        #expect(TextMatcher("aa")?.matches(in: "aaaa") == [0..<2, 2..<4])
        #expect(TextMatcher("特朗普")?.matches(in: "同美国总统特朗普通电话") == [5..<8])
        #expect(TextMatcher("😀x")?.matches(in: "a😀X") == [1..<3])
        #expect(TextMatcher("长长的模式")?.matches(in: "短") == [])
    }

    @Test func emptyPatternIsNoMatcher() {
        #expect(TextMatcher("") == nil)
    }

    @Test func occursAgreesWithMatches() {
        let texts = ["", "covid", "ＣＯＶＩＤ－１９", "新冠 covid", "co vid", "COVI"]
        let matcher = TextMatcher("Covid")!
        for text in texts {
            #expect(matcher.occurs(in: text) == !matcher.matches(in: text).isEmpty, "\(text)")
        }
    }
}

/// `QuotationQuery`'s text filters use the same matcher.
@Suite("Quotation queries")
struct QuotationQueryTests {
    static let collection = Fixtures.documents("""
        讲话摘编

        　　战胜COVID-19疫情。（2020年3月26日在二十国集团领导人特别峰会上的讲话）

        　　坚持人民至上，２０２０年是决胜之年。（2020年5月22日在参加内蒙古代表团审议时的讲话）

        　　要坚持科学防治。（2020年6月2日同ＷＨＯ总干事通电话）
        """)[0]

    func matching(_ query: QuotationQuery) -> [Int] {
        Self.collection.quotations.filter { query.matches($0, in: Self.collection) }.map(\.index)
    }

    @Test func matchFoldsWidthAndCase() {
        #expect(Self.collection.quotations.count == 3)
        #expect(matching(QuotationQuery(match: "covid")) == [0])
        #expect(matching(QuotationQuery(match: "ＣＯＶＩＤ")) == [0])
        // "2020" is in every citation; "２０２０" must find the same.
        #expect(matching(QuotationQuery(match: "2020")) == [0, 1, 2])
        #expect(matching(QuotationQuery(match: "２０２０")) == [0, 1, 2])
        #expect(matching(QuotationQuery(match: "2020年是")) == [1])
        #expect(matching(QuotationQuery(match: "")) == [0, 1, 2])
        #expect(matching(QuotationQuery(match: "不存在")) == [])
    }

    @Test func occasionFoldsToo() {
        #expect(matching(QuotationQuery(occasion: "who")) == [2])
        #expect(matching(QuotationQuery(occasion: "ＷＨＯ")) == [2])
        #expect(matching(QuotationQuery(occasion: "特别峰会")) == [0])
        // The occasion excludes the quotation's text.
        #expect(matching(QuotationQuery(occasion: "covid")) == [])
        #expect(matching(QuotationQuery(occasion: "")) == [0, 1, 2])
    }

    @Test func changingTheTextChangesTheMatcher() {
        var query = QuotationQuery(match: "covid")
        query.match = "ＷＨＯ"
        #expect(matching(query) == [2])
        query.match = nil
        query.occasion = "内蒙古"
        #expect(matching(query) == [1])
    }

    @Test func bundledCorpusAgreesAcrossWidths() {
        let corpus = Fixtures.bundled
        let half = corpus.quotations(matching: QuotationQuery(match: "2020年3月")).map(\.quotation.index)
        let full = corpus.quotations(matching: QuotationQuery(match: "２０２０年３月")).map(\.quotation.index)
        #expect(!half.isEmpty)
        #expect(full == half)
    }
}
