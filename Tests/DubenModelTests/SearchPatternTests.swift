import DubenTestSupport
import Testing
@testable import DubenModel

/// Patterns: regex and literal, folded as every matcher folds, errors placed in the pattern.
@Suite struct SearchPatternTests {
    func found(_ pattern: String, _ text: String, mode: SearchPattern.Mode = .regex, caseSensitive: Bool = false) throws -> [String] {
        let p = try SearchPattern(pattern, mode: mode, caseSensitive: caseSensitive)
        let scalars = Array(text.unicodeScalars)
        return p.matches(in: text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func literalsAndRegexes() throws {
        #expect(try found("命运共同体", "构建人类命运共同体，命运共同体。", mode: .literal) == ["命运共同体", "命运共同体"])
        #expect(try found("命运.*共同体", "人类命运与共的共同体。") == ["命运与共的共同体"])
        #expect(try found("特朗普|马克龙", "同特朗普通电话，同马克龙通电话") == ["特朗普", "马克龙"])
        #expect(try found("a.b", "axb a.b", mode: .literal) == ["a.b"])
        #expect(try found("a.b", "axb a.b") == ["axb", "a.b"])
    }

    @Test func widthAndAsciiCaseAreFoldedInBothModes() throws {
        for mode in [SearchPattern.Mode.literal, .regex] {
            #expect(try found("１７００", "1700万人", mode: mode) == ["1700"])
            #expect(try found("1700", "１７００万人", mode: mode) == ["１７００"])
            #expect(try found("covid", "COVID-19 与 ＣＯＶＩＤ", mode: mode) == ["COVID", "ＣＯＶＩＤ"])
            #expect(try found("G20 峰会", "Ｇ２０　峰会", mode: mode) == ["Ｇ２０　峰会"])
            #expect(try found("Covid", "covid COVID", mode: mode, caseSensitive: true).isEmpty)
            #expect(try found("Covid", "ＣｏｖｉｄCovid", mode: mode, caseSensitive: true) == ["Ｃｏｖｉｄ", "Covid"])
        }
        // Classes gain the folded forms of their members; full-width punctuation is literal.
        #expect(try found("[A-Z]+", "中ｃｏｖｉｄ中") == ["ｃｏｖｉｄ"])
        #expect(try found("（2020", "（２０２０年") == ["（２０２０"])
        #expect(try found("\\(2020", "（2020年") == ["（2020"])
        #expect(try found("[^a]", "Ａb") == ["b"])
    }

    @Test func invalidRegexesSayWhyAndWhere() {
        func invalid(_ p: String) -> SearchPattern.Invalid? {
            do { _ = try SearchPattern(p); return nil } catch { return error }
        }
        #expect(invalid("(")?.description == "unmatched ( at character 1")
        #expect(invalid("人类(命运")?.position == 3)
        #expect(invalid("ab)")?.description == "unmatched ) at character 3")
        #expect(invalid("[abc")?.reason == "missing ] for the [")
        #expect(invalid("*a")?.reason.hasPrefix("syntax error") == true)
        #expect(invalid("a{3,1}") != nil)
        #expect(invalid("") != nil)
        #expect(invalid("(") != nil && invalid("(?:a)") == nil && invalid("(?i)a") == nil && invalid("\\(") == nil)
    }

    @Test func theRequiredPieceIsTheLongestCertainRun() throws {
        #expect(try SearchPattern("命运.*共同体").required == Array("共同体".utf8))
        #expect(try SearchPattern("特朗普|马克龙").required.isEmpty)
        #expect(try SearchPattern("a?中国人?").required == Array("中国".utf8))
        #expect(try SearchPattern("(命运)共同体").required == Array("共同体".utf8))
        #expect(try SearchPattern("G20峰会", mode: .literal).required == Array("峰会".utf8))
        #expect(try SearchPattern("人民", mode: .literal).exactBytes)
    }

    @Test func emptyMatchesAreSkippedAndMatchesStayInOneLine() throws {
        #expect(try found("x*", "abc").isEmpty)
        #expect(try found("中.*国", "中\n国 中国") == ["中国"])
        #expect(try found("[^。]+", "一。二") == ["一", "二"])
    }

    @Test func literalModeAgreesWithTextMatcher() throws {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("中国人民aAａＡ1１ 　。（(")
        for _ in 0..<400 {
            let text = String((0..<Int(rng.next() % 30)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let pattern = String((0..<(1 + Int(rng.next() % 3))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let expected = TextMatcher(pattern)!.matches(in: text)
            #expect(try SearchPattern(pattern, mode: .literal).matches(in: text) == expected, "\(pattern) in \(text)")
        }
    }
}
