import DubenModel
import DubenStore
import DubenTerminal
import DubenTestSupport
import DubenUI
import Foundation
import Testing

/// The session loop on the in-memory terminal: keys, resizes, signals, hang-ups and effects,
/// without a tty.
@Suite("Session loop")
struct SessionTests {
    /// Records every effect it is given and answers as if it were written.
    struct RecordingPerformer: EffectPerforming {
        var performed: [Effect] = []
        var failure: Notice?
        mutating func perform(_ effect: Effect) -> EffectResult? {
            if effect == .redraw || effect == .quit { return nil }
            performed.append(effect)
            if let failure { return .failed(failure) }
            switch effect {
            case .bookmarks(.add(let b)): return .bookmarkAdded(b.stamped(id: "id-\(performed.count)", now: "t"))
            case .savePositions: return .positionsSaved
            case .saveSearchHistory: return .searchHistorySaved
            default: return .failed(.error("unexpected effect \(effect)"))
            }
        }
    }

    static func reader(_ columns: Int = 80, _ rows: Int = 24, bookmarks: BookmarkState = BookmarkState(availability: .writable)) -> Reader {
        Reader(corpus: TestSupport.bundled, columns: columns, rows: rows, bookmarks: bookmarks)
    }

    static func keys(_ s: String) -> [InMemoryTerminal.Step] { s.map { .key(.char($0)) } }

    @Test func keysThenQuit() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: Self.keys("jj ") + [.key(.char("q"))])
        var performer = RecordingPerformer()
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        #expect(outcome.status == 0)
        #expect(outcome.failures.isEmpty)
        // One frame before each key; the first in full.
        #expect(terminal.frames.count == 4)
        #expect(terminal.fullFrames == [true, false, false, false])
        // The last frame is what the reader draws after the three keys.
        var expected = Self.reader()
        for k in "jj " { _ = expected.handle(.char(k)) }
        #expect(terminal.screen?.lines == ReaderView.draw(expected).lines)
        // q saved the positions, then quit.
        guard case .savePositions(let saved, _, _)? = performer.performed.last else { Issue.record("no position save"); return }
        #expect(saved[TestSupport.bundled.documents[0].id] == ReadingPosition(block: reader.top.block, offset: reader.topOffset))
    }

    /// What work freed is given back when the reader falls idle (the library soak's RssAnon
    /// was mostly freed memory glibc kept): once per idle spell after keys or a thread's
    /// results, never between keys, never before any work.
    @Test func freedMemoryIsReleasedOnceWhenIdleAfterWork() {
        var releases = 0
        var performer = RecordingPerformer()
        var quiet = Self.reader()
        let script: [InMemoryTerminal.Step] = [.idle, .idle] + Self.keys("jj") + [.idle, .idle, .idle] + Self.keys("kk") + [.key(.char("q"))]
        _ = ReaderSession.run(&quiet, terminal: InMemoryTerminal(columns: 80, rows: 24, script: script), performer: &performer,
                              releaseMemory: { releases += 1 })
        #expect(releases == 1, "once after jj; not before, not again in the same idle spell, not between keys")
        // A search: the first wait after Enter releases (what the search freed), and the first
        // after the count's result is taken releases again — once, when the result came before
        // that first wait.
        releases = 0
        var searching = Self.reader()
        let search: [InMemoryTerminal.Step] = [.key(.char("/"))] + Self.keys("人民") + [.key(.enter)]
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: search + Array(repeating: .idle, count: 100) + [.key(.char("q"))])
        _ = ReaderSession.run(&searching, terminal: terminal, performer: &performer, releaseMemory: { releases += 1 })
        #expect(searching.search?.libraryCount != nil, "the count was taken")
        #expect((1...2).contains(releases), "\(releases)")
        // A key as slow as `slowKey` (here every key) releases at once, without waiting to be idle.
        releases = 0
        var slow = Self.reader()
        _ = ReaderSession.run(&slow, terminal: InMemoryTerminal(columns: 80, rows: 24, script: Self.keys("jjk") + [.key(.char("q"))]),
                              performer: &performer, releaseMemory: { releases += 1 }, slowKey: 0)
        #expect(releases == 3)
    }

    @Test func aResizeRedrawsInFullAtTheNewSize() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [.key(.char(" ")), .resize(columns: 41, rows: 13), .key(.char("q"))])
        var performer = RecordingPerformer()
        _ = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        let sizes = terminal.frames.map { "\($0.width)x\($0.height)" }
        #expect(sizes == ["80x24", "80x24", "41x13"])
        #expect(terminal.fullFrames.last == true)
        #expect(reader.columns == 41 && reader.rows == 13)
    }

    @Test func sigtermEndsTheSessionAndSavesPositions() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [.key(.tab), .signal(SIGTERM), .key(.char("j"))])
        var performer = RecordingPerformer()
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        #expect(outcome.status == 128 + SIGTERM)
        #expect(reader.documentIndex == 1, "the key after the signal is never read")
        guard case .savePositions(let saved, _, _)? = performer.performed.last else { Issue.record("no position save"); return }
        #expect(saved.count == 2)
    }

    @Test func aHangUpEndsTheSessionAsSighup() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: Self.keys("jjj"))
        var performer = RecordingPerformer()
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        #expect(outcome.status == 129)
        #expect(performer.performed.count == 1)
    }

    @Test func continuingAfterCtrlZRepaintsEverything() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [.key(.char("j")), .continued, .key(.char("q"))])
        var performer = RecordingPerformer()
        _ = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        #expect(terminal.fullFrames == [true, false, true])
    }

    @Test func failedEffectsAreShownAndReturned() {
        var reader = Self.reader(100, 24)
        let terminal = InMemoryTerminal(columns: 100, rows: 24, script: [.key(.tab), .key(.char("]")), .key(.char("m")), .key(.enter),
                                                                         .key(.char("q"))])
        var performer = RecordingPerformer()
        performer.failure = .error("/x/bookmarks.json: cannot write: Read-only file system")
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        // The failed add, then the failed position save on the way out.
        #expect(outcome.failures.count == 2)
        #expect(outcome.failures.first?.text == "/x/bookmarks.json: cannot write: Read-only file system")
        #expect(terminal.screen?.lines[23].contains("/x/bookmarks.json: cannot write") == true)
    }

    @Test func noticesBeforeTheStartAreShownFirst() {
        var reader = Self.reader()
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [])
        var performer = RecordingPerformer()
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &performer,
                                        notices: [.error("state.json: not valid JSON; reading positions not restored")])
        #expect(terminal.frames.first?.lines[23].contains("state.json") == true)
        #expect(outcome.failures.map(\.text) == ["state.json: not valid JSON; reading positions not restored"])
    }

    @Test func theCursorStandsAfterThePromptText() throws {
        var reader = Self.reader(40, 12)
        let typed = String(repeating: "共同体", count: 8) + String(repeating: "ab", count: 14)
        let terminal = InMemoryTerminal(columns: 40, rows: 12, script: [.key(.char("/"))] + Self.keys(typed))
        var performer = RecordingPerformer()
        _ = ReaderSession.run(&reader, terminal: terminal, performer: &performer)
        let screen = try #require(terminal.screen)
        let row = screen.lines[11]
        let cursor = try #require(terminal.cursor)
        #expect(cursor.y == 11)
        // The text ends right before the cursor.
        let lastUsed = (0..<screen.width).last { screen[$0, 11].text != " " && !screen[$0, 11].isContinuation } ?? 0
        #expect(cursor.x == lastUsed + 1, "\(row) cursor at \(cursor.x)")
        #expect(row.hasSuffix("abab"))
    }
}
