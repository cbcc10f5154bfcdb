import DubenLayout
import Testing

@Suite("Wrapping strings")
struct StringWrapTests {
    let measure = DisplayWidth()

    @Test func wordsStayWhole() {
        let lines = measure.wrap("go to N% of the document (type N, then % or p)", to: 12)
        #expect(lines.allSatisfy { measure.width(of: $0) <= 12 })
        #expect(lines.joined(separator: " ") == "go to N% of the document (type N, then % or p)")
    }

    @Test func chineseBreaksBetweenCharactersButNotBeforeAClosingMark() {
        let lines = measure.wrap("流行性疾病不分国界和种族，是人类共同的敌人。", to: 10)
        #expect(lines.allSatisfy { measure.width(of: $0) <= 10 })
        #expect(lines.joined() == "流行性疾病不分国界和种族，是人类共同的敌人。")
        #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
    }

    @Test func aWordWiderThanTheLineIsCut() {
        #expect(measure.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(measure.wrap("short", to: 40) == ["short"])
    }
}
