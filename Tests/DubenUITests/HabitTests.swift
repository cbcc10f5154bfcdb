import Foundation
import DubenLayout
import DubenModel
import DubenUI
import Testing

private typealias S = UITestSupport

/// Keys people type by habit from less and vim: counts, half pages, `=`, `:n`, the jump list.
@Suite("Keys by habit")
struct HabitTests {
    @Test func countBeforeGGoesToThatLine() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("20G"))
        #expect(r.linePosition.line == 20)
        S.type(&r, S.chars("3g"))
        #expect(r.linePosition.line == 3)
        S.type(&r, S.chars("G"))
        #expect(r.percent == 100)
        S.type(&r, S.chars("1G"))
        #expect(r.linePosition.line == 1)
    }

    @Test func countsRepeatLinesAndPages() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("5j"))
        #expect(r.linePosition.line == 6)
        S.type(&r, S.chars("2k"))
        #expect(r.linePosition.line == 4)
        S.type(&r, S.chars("g2 "))
        #expect(r.linePosition.line == 1 + 2 * r.textHeight)
    }

    @Test func halfPagesWithControlKeys() {
        var r = S.reader(80, 24)
        S.type(&r, [.ctrl("d")])
        #expect(r.linePosition.line == 1 + r.textHeight / 2)
        S.type(&r, [.ctrl("u")])
        #expect(r.linePosition.line == 1)
        #expect(r.message == nil)
    }

    @Test func percentWithP() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("50p"))
        let half = r.linePosition
        var s = S.reader(80, 24)
        S.type(&s, S.chars("50%"))
        #expect(half.line == s.linePosition.line && half.line > 1)
    }

    @Test func equalsShowsWhereWeAre() {
        var r = S.reader(80, 24)
        S.type(&r, [.tab] + S.chars("30G="))
        let text = r.message ?? ""
        #expect(text.contains("2/3 团结合作是国际社会战胜疫情最有力武器"))
        #expect(text.contains("line 30/"))
        #expect(text.contains("%"))
        #expect(text.contains("byte "))
        S.type(&r, [.ctrl("g")])
        #expect(r.message == text)
    }

    @Test func colonNAndP() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars(":n"))
        #expect(r.documentIndex == 1)
        S.type(&r, S.chars(":n:p"))
        #expect(r.documentIndex == 1)
        S.type(&r, S.chars(":x"))
        #expect(r.documentIndex == 1)
        #expect(r.message?.contains("No such command") == true)
    }

    @Test func quoteQuoteTogglesAndCtrlOWalksBack() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("10G"))
        let a = r.here
        S.type(&r, S.chars("G"))
        let b = r.here
        S.type(&r, [.tab])
        let c = r.here
        S.type(&r, S.chars("''"))
        #expect(r.here == b)
        S.type(&r, S.chars("''"))
        #expect(r.here == c)
        S.type(&r, [.ctrl("o")])
        #expect(r.here == b)
        S.type(&r, [.ctrl("o")])
        #expect(r.here == a)
        S.type(&r, [.ctrl("o")])
        #expect(r.here.document == 0 && r.here.block == 0)
        S.type(&r, [.ctrl("o")])
        #expect(r.message == "At the oldest position")
        S.type(&r, S.chars("''"))
        #expect(r.here == a)
    }

    @Test func linesAreNotJumps() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("jjj''"))
        #expect(r.message?.hasPrefix("No earlier position") == true)
    }

    @Test func searchDateAndContentsAreJumps() {
        var r = S.reader(80, 24)
        let start = r.here
        S.type(&r, S.chars("/特朗普") + [.enter])
        #expect(r.documentIndex == 1)
        S.type(&r, S.chars("''"))
        #expect(r.here == start)
        S.type(&r, S.chars("@2020-03-27") + [.enter])
        let dated = r.here
        #expect(dated != start)
        S.type(&r, S.chars("''"))
        #expect(r.here == start)
        S.type(&r, S.chars("''"))
        #expect(r.here == dated)
        S.type(&r, S.chars("t") + [.enter])
        #expect(r.here != dated)
        S.type(&r, [.ctrl("o")])
        #expect(r.here == dated)
    }

    @Test func apostropheNoLongerOpensTheBookmarkList() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("'"))
        #expect(r.overlay == .none)
        S.type(&r, [.escape] + S.chars("B"))
        if case .bookmarks = r.overlay {} else { Issue.record("B opens the bookmark list") }
    }

    @Test func ctrlZSuspends() {
        var r = S.reader(80, 24)
        #expect(r.handle(.ctrl("z")) == [.suspend])
    }

    @Test func noKeyIsBoundTwiceInAContext() {
        for (context, bindings) in KeyBindings.table {
            var seen: Set<Key> = []
            for b in bindings {
                for k in b.keys {
                    #expect(!seen.contains(k), "\(k) bound twice in \(context)")
                    seen.insert(k)
                }
            }
        }
    }
}

/// Dated documents are targets of `@`, `)` and `(`, and show in the timeline.
@Suite("Dated documents")
struct DatedDocumentTests {
    @Test func atOpensTheSpeechOfThatDay() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("@2018-02-12") + [.enter])
        #expect(r.documentIndex == 2)
        #expect(r.top.block == 0)
        #expect(r.message == "2018-02-12 · 在打好精准脱贫攻坚战座谈会上的讲话")
        S.type(&r, S.chars("@2018-02-11") + [.enter])
        #expect(r.message?.hasPrefix("2018-02-12 — nothing on 2018-02-11") == true)
        S.type(&r, S.chars("@2019-01-01") + [.enter])
        #expect(r.message == "2020-01-22 — nothing on 2019-01-01")
    }

    @Test func parenthesesStepFromADocument() {
        var r = S.reader(80, 24)
        S.type(&r, [.backTab, .char(")")])
        #expect(r.currentQuotation?.citation.date.start.iso == "2020-01-22")
        S.type(&r, [.char("(")])
        #expect(r.documentIndex == 2 && r.top.block == 0)
    }

    @Test func timelineListsTheDocuments() {
        let r = S.reader(80, 24)
        let items = r.timelineItems(filter: "").filter { $0.kind == .document }
        #expect(items.map(\.documentIndex).sorted() == [0, 2])
    }
}

@Suite("Timeline date filters")
struct TimelineDateFilterTests {
    @Test func everyDateFormFindsTheSevenOfThatDay() {
        let r = S.reader(80, 24)
        for form in ["2020-03-27", "2020/3/27", "20200327", "2020年3月27日", "3月27日"] {
            #expect(r.timelineItems(filter: form).count == 7, "\(form)")
        }
        #expect(r.timelineItems(filter: "2018-02-12").map(\.kind) == [.document])
    }
}

@Suite("Contents list")
struct ContentsListTests {
    static func speech() -> Reader {
        var r = S.reader(80, 24)
        S.type(&r, [.backTab])
        return r
    }

    @Test func numberThenEnterOpensThatTopLevelEntry() {
        var r = Self.speech()
        S.type(&r, S.chars("t3") + [.enter])
        #expect(r.overlay == .none)
        #expect(r.document.toc.last(where: { !$0.isRunIn && $0.block <= r.top.block })?.label.hasPrefix("第三个问题") == true)
        #expect(r.top.block == r.document.toc.first { $0.label.hasPrefix("第三个问题") }?.block)
    }

    @Test func currentSectionIsSelectedOnOpen() {
        var r = Self.speech()
        S.type(&r, S.chars("t3") + [.enter] + S.chars("jjt"))
        guard case .tableOfContents(let selected, _) = r.overlay else { Issue.record("no contents"); return }
        #expect(r.document.toc[selected].label.hasPrefix("第三个问题"))
    }

    @Test func slashFilters() {
        var r = Self.speech()
        S.type(&r, S.chars("t/") + S.chars("是坚持") + [.enter])
        #expect(r.contentsEntries(filter: "是坚持").count == 6)
        guard case .tableOfContents(_, let filter) = r.overlay else { Issue.record("no contents"); return }
        #expect(filter == "是坚持")
        S.type(&r, [.char("j"), .enter])
        #expect(r.document.text(of: r.top.block).hasPrefix("二是坚持精准方略"))
    }

    @Test func runInSeriesAreToldApart() {
        #expect(RunInSeriesProbe.glyph("第一，创造了") != RunInSeriesProbe.glyph("一是坚持党的领导"))
        let r = Self.speech()
        let text = ReaderView.draw({ var x = r; _ = x.handle(.char("t")); return x }()).lines.joined(separator: "\n")
        #expect(text.contains("· 第一，创造了我国减贫史上最好成绩"))
        #expect(text.contains("– 一是坚持党的领导"))
        #expect(text.contains("1. 第一个问题"))
    }
}

/// The series marks as the contents list draws them.
enum RunInSeriesProbe {
    static func glyph(_ label: String) -> String {
        var r = S.reader(80, 24)
        _ = r.handle(.backTab)
        _ = r.handle(.char("t"))
        let lines = ReaderView.draw(r).lines
        return lines.first { $0.contains(label) }.map { String($0.split(separator: " ").first { !$0.isEmpty && $0 != "▶" } ?? "") } ?? ""
    }
}

@Suite("Help wraps")
struct HelpWrapTests {
    /// Every row of the help at a width, scrolled through.
    static func allRows(_ columns: Int, _ rows: Int) -> [String] {
        var r = S.reader(columns, rows)
        _ = r.handle(.char("h"))
        var seen: [String] = []
        var last: Overlay? = nil
        while r.overlay != last {
            last = r.overlay
            let lines = ReaderView.draw(r).lines
            if case .help(let top) = r.overlay, seen.count < top + lines.count - 2 {
                let body = Array(lines.dropFirst().dropLast())
                seen += body.suffix(top + body.count - seen.count)
            }
            _ = r.handle(.char("j"))
        }
        return seen
    }

    @Test(arguments: [20, 30, 43, 44, 80])
    func noWordIsCut(columns: Int) throws {
        let rows = Self.allRows(columns, 12)
        // Every ASCII word shown is a word of the key table.
        var words: Set<String> = []
        for (context, bindings) in KeyBindings.table {
            for text in [context.title] + bindings.flatMap({ [$0.summary] + $0.names }) {
                for w in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter)) }) { words.insert(String(w)) }
            }
        }
        for row in rows {
            #expect(S.measureWidth(row) <= columns, "\(row)")
            for w in row.split(whereSeparator: { !($0.isASCII && ($0.isLetter)) }) {
                #expect(words.contains(String(w)), "\(columns) columns: \"\(w)\" in \(row)")
            }
        }
        let all = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(all.contains("In the timeline (T)"))
        #expect(all.contains("In the bookmark list (B)"))
        #expect(!all.contains("…"))
    }
}

extension UITestSupport {
    static func measureWidth(_ s: String) -> Int { DubenLayout.DisplayWidth().width(of: s.replacingOccurrences(of: "\u{0}", with: "")) }
}
