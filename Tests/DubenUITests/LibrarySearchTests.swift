import DubenModel
import DubenStore
import DubenTestSupport
import DubenUI
import Foundation
import Testing

/// Searching the library from the reader: regex and literal patterns, counts, history, the
/// list of every match.
@Suite("Library search in the reader")
struct LibrarySearchTests {
    typealias S = UITestSupport

    /// The number of matches of `pattern` in the bundled corpus, counted line by line in the
    /// file as grep counts them (titles included).
    static func blockMatches(_ pattern: String, mode: SearchPattern.Mode = .regex) throws -> Int {
        let p = try SearchPattern(pattern, mode: mode)
        let text = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        return text.split(separator: "\n").reduce(0) { $0 + p.matches(in: String($1)).count }
    }

    @Test func theLibraryCountIsGrepsCountTitlesIncluded() throws {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        S.run(&r, &world, [.char("/")] + S.chars("疫情") + [.enter])
        // 疫情 is in the title of the second document too.
        #expect(r.message?.contains("· \(try Self.blockMatches("疫情")) in library") == true, "\(r.message ?? "")")
        let total = try Self.blockMatches("疫情")
        var seen = Set<MatchLocation>()
        for _ in 0..<total {
            seen.insert(try #require(r.search?.lastMatch))
            S.run(&r, &world, [.char("n")])
        }
        #expect(seen.count == total, "n visits every match the count counts")
    }

    @Test func regexesAndAlternativesAreFoundAcrossDocuments() throws {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        S.run(&r, &world, [.char("/")] + S.chars("特朗普|马克龙") + [.enter])
        #expect(r.documentIndex == 1)
        let total = try Self.blockMatches("特朗普|马克龙")
        #expect(total > 5)
        #expect(r.message?.hasPrefix("match 1/") == true)
        #expect(r.message?.contains("· \(total) in library") == true, "\(r.message ?? "")")
        S.run(&r, &world, [.char("/")] + S.chars("命运.*共同体") + [.enter])
        #expect(r.search?.lastMatch != nil)
        #expect(r.message?.contains("in library") == true)
    }

    @Test func nWalksEveryMatchOfTheLibraryInOrderThenWraps() throws {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        S.run(&r, &world, [.char("/")] + S.chars("共同体") + [.enter])
        let total = try Self.blockMatches("共同体")
        var seen: [MatchLocation] = [try #require(r.search?.lastMatch)]
        for _ in 1..<total {
            S.run(&r, &world, [.char("n")])
            seen.append(try #require(r.search?.lastMatch))
        }
        #expect(Set(seen).count == total, "every match once")
        #expect(seen == seen.sorted { ($0.document, $0.block, $0.range.lowerBound) < ($1.document, $1.block, $1.range.lowerBound) }
                || seen.first!.document > 0, "in library order")
        S.run(&r, &world, [.char("n")])
        #expect(r.message?.contains("search wrapped") == true)
        #expect(r.search?.lastMatch == seen.first)
        S.run(&r, &world, [.char("N")])
        #expect(r.search?.lastMatch == seen.last)
    }

    @Test func anInvalidRegexKeepsThePromptWithItsTextAndCtrlRMakesItLiteral() throws {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        S.run(&r, &world, [.char("/")] + S.chars("(") + [.enter])
        #expect(r.prompt?.editor.text == "(")
        #expect(r.message == "Invalid pattern: unmatched ( at character 1 (Ctrl-R: literal)")
        let screen = ReaderView.draw(r)
        #expect(screen.lines[r.rows - 2].contains("unmatched ( at character 1"), "the reason is shown above the prompt")
        S.run(&r, &world, [.ctrl("r")])
        #expect(r.prompt?.label == "literal /")
        S.run(&r, &world, [.enter])
        #expect(r.prompt == nil)
        #expect(r.message == "Pattern not found: (" || r.search?.lastMatch != nil)
    }

    @Test func literalModeFindsADotLiterally() throws {
        let corpus = try TestSupport.corpus("标题\n\n\n甲axb乙。\n\n丙a.b丁。\n")
        var r = Reader(corpus: corpus, columns: 60, rows: 12)
        S.type(&r, [.char("/"), .ctrl("r")] + S.chars("a.b") + [.enter])
        #expect(r.search?.lastMatch?.block == 1)
        S.type(&r, [.char("g"), .char("/")] + S.chars("a.b") + [.enter])
        #expect(r.search?.lastMatch?.block == 0, "as a regex, a.b matches axb first")
    }

    @Test func upAndDownWalkTheHistoryNewestFirst() throws {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        r.restore(searchHistory: ["旧的"])
        S.run(&r, &world, [.char("/")] + S.chars("特朗普") + [.enter])
        S.run(&r, &world, [.char("/")] + S.chars("疫情") + [.enter])
        #expect(world.searchHistory == ["疫情", "特朗普", "旧的"])
        S.run(&r, &world, [.char("/")] + S.chars("草稿") + [.up])
        #expect(r.prompt?.editor.text == "疫情")
        S.run(&r, &world, [.up, .up, .up])
        #expect(r.prompt?.editor.text == "旧的")
        S.run(&r, &world, [.down])
        #expect(r.prompt?.editor.text == "特朗普")
        S.run(&r, &world, [.down, .down])
        #expect(r.prompt?.editor.text == "草稿")
    }

    @Test func theHistoryKeepsAHundredEntries() {
        var world = MemoryWorld()
        var r = S.reader(80, 24)
        r.restore(searchHistory: (0..<100).map { "旧\($0)" })
        S.run(&r, &world, [.char("/")] + S.chars("新") + [.enter])
        #expect(world.searchHistory.count == 100)
        #expect(world.searchHistory.first == "新")
        #expect(world.searchHistory.last == "旧98")
    }

    @Test func theOccurrencesListListsEveryMatchAndEnterOpensOne() throws {
        var world = MemoryWorld()
        var r = S.reader(100, 30)
        S.run(&r, &world, [.char("&")] + S.chars("特朗普") + [.enter])
        guard case .occurrences(let state) = r.overlay else { Issue.record("no list: \(r.overlay)"); return }
        #expect(state.items.count == (try Self.blockMatches("特朗普")))
        let screen = ReaderView.draw(r)
        #expect(screen.lines[0].contains("Matches of 特朗普 · \(state.items.count)"))
        #expect(screen.styleLines[1].contains("M"), "the match is highlighted")
        S.run(&r, &world, [.char("g"), .char("j"), .char("j"), .enter])
        #expect(r.overlay == .none)
        #expect(r.search?.lastMatch == state.items[2])
        #expect(r.message?.hasPrefix("match 3/") == true)
    }

    @Test func theOccurrencesListFiltersFurther() throws {
        var world = MemoryWorld()
        var r = S.reader(100, 30)
        S.run(&r, &world, [.char("&")] + S.chars("共同体") + [.enter, .char("/")] + S.chars("卫生") + [.enter])
        guard case .occurrences(let state) = r.overlay else { Issue.record("no list"); return }
        #expect(!state.shown.isEmpty && state.shown.count < state.items.count)
        for i in state.shown {
            let m = state.items[i]
            #expect(S.bundled.documents[m.document].text(of: m.block).contains("卫生"))
        }
        S.run(&r, &world, [.escape])
        guard case .occurrences(let all) = r.overlay else { Issue.record("Esc closed instead of clearing"); return }
        #expect(all.shown.count == all.items.count)
        S.run(&r, &world, [.escape])
        #expect(r.overlay == .none)
    }

    @Test func aLateCountForAnOlderSearchIsDropped() {
        var r = S.reader(80, 24)
        S.type(&r, [.char("/")] + S.chars("特朗普") + [.enter])
        let first = r.search!.generation
        S.type(&r, [.char("/")] + S.chars("疫情") + [.enter])
        r.apply(.matchCount(total: 999, generation: first))
        #expect(r.search?.libraryCount == nil)
        #expect(r.message?.contains("counting…") == true)
        r.apply(.matchCount(total: 7, generation: r.search!.generation))
        #expect(r.message?.contains("7 in library") == true)
    }

    @Test func aLongListIsSearchedAsItIsPaged() throws {
        let text = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        let corpus = try TestSupport.corpus(Array(repeating: text, count: 20).joined(separator: "\n\n\n\n"))
        var world = MemoryWorld()
        world.corpus = corpus
        var r = Reader(corpus: corpus, columns: 100, rows: 30)
        S.run(&r, &world, [.char("&")] + S.chars("的") + [.enter])
        guard case .occurrences(let first) = r.overlay else { Issue.record("no list"); return }
        let total = try #require(r.search?.libraryCount)
        #expect(first.items.count < total / 2, "only the first pages are searched (\(first.items.count) of \(total))")
        #expect(ReaderView.draw(r).lines[0].contains("found so far"))
        S.run(&r, &world, [.char("G")])
        guard case .occurrences(let all) = r.overlay else { Issue.record("no list"); return }
        #expect(all.items.count == total)
        #expect(all.selected == total - 1)
        #expect(ReaderView.draw(r).lines[0].contains("\(total) in \(corpus.documents.count) documents"))
    }
}

/// Reading the files again (R).
@Suite("Reload")
struct ReloadTests {
    @Test func theDocumentBeingReadIsReopenedWhereItWasLeftAndCachesStartOver() throws {
        let text = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        var r = Reader(corpus: try TestSupport.corpus(text), columns: 80, rows: 24)
        UITestSupport.type(&r, [.tab, .char("]"), .char("]"), .char("/")] + UITestSupport.chars("特朗普") + [.enter])
        let doc = r.document.id, block = r.top.block
        #expect(r.handle(.char("R")) == [.reload])
        // The same texts with a line added at the very start of the file: documents move.
        let fresh = try TestSupport.corpus("新的一篇\n\n　　新加的段落。\n\n\n\n" + text)
        let effects = r.reload(corpus: fresh, progress: nil)
        #expect(r.document.id == doc)
        #expect(r.documentIndex == 2)
        #expect(r.top.block == block)
        #expect(r.message?.hasPrefix("Read the files again") == true)
        #expect(effects.contains { if case .countMatches = $0 { return true } else { return false } }, "the search is counted again")
        #expect(r.search?.lastMatch == nil, "old match positions are dropped")
    }
}
