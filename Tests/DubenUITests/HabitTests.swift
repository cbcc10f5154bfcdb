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
