import Testing
@testable import DubenModel

@Suite struct SentenceBreakerTests {
    /// The sentences of a text, as strings.
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceBreaker.sentences(in: text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func chineseTerminatorsEndSentences() {
        #expect(split("一诺千金。党的十八大以来，我们作出承诺！这是为什么？") == ["一诺千金。", "党的十八大以来，我们作出承诺！", "这是为什么？"])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(split("他说：“这是前无古人的伟业。”我们要努力。") == ["他说：“这是前无古人的伟业。”", "我们要努力。"])
        #expect(split("（这是注释。）下一句。") == ["（这是注释。）", "下一句。"])
        #expect(split("真的吗？！”他问。") == ["真的吗？！”", "他问。"])
    }

    @Test func ellipsisSemicolonAndCommaDoNotEnd() {
        #expect(split("一是……二是……；三是，好。") == ["一是……二是……；三是，好。"])
    }

    @Test func trailingTextWithoutTerminatorIsASentence() {
        #expect(split("第一句。没有句号的结尾") == ["第一句。", "没有句号的结尾"])
        #expect(split("") == [])
        #expect(split("　　") == [])
    }

    @Test func spacesBetweenSentencesBelongToNeither() {
        #expect(split("　　第一句。 　第二句。  ") == ["第一句。", "第二句。"])
    }

    @Test func asciiFullStopsOnlyBeforeSpaceAndNotAfterDigits() {
        #expect(split("GDP grew 6.1 percent. The U.S. side agreed.") == ["GDP grew 6.1 percent.", "The U.S.", "side agreed."])
        #expect(split("1. 坚持党的领导。") == ["1. 坚持党的领导。"])
    }

    @Test func sentencesCoverEveryNonSpaceScalarInOrder() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("中文。！？”」） ,.a1　…；\n")
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let scalars = Array(text.unicodeScalars)
            let ranges = SentenceBreaker.sentences(in: text)
            var covered = Set<Int>()
            var last = 0
            for r in ranges {
                #expect(!r.isEmpty && r.lowerBound >= last && r.upperBound <= scalars.count)
                last = r.upperBound
                covered.formUnion(r)
            }
            for (k, c) in scalars.enumerated() where !SentenceBreaker.isSpace(c) {
                #expect(covered.contains(k), "\(text.debugDescription) loses scalar \(k)")
            }
        }
    }
}
