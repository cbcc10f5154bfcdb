import DubenModel
import DubenStore
import DubenTerminal
import DubenTestSupport
import DubenUI
import Foundation
import Synchronization
import Testing

/// The real effects on real files: the bookmark store, exports, `state.json`.
@Suite("Effect performer")
struct EffectPerformerTests {
    static func performer(_ dir: URL) -> EffectPerformer {
        let store = BookmarkStore(path: dir.appendingPathComponent("bookmarks.json").path)
        var n = 0
        return EffectPerformer(store: store, positions: PositionStore(path: store.statePath), now: { "2026-11-30T12:00:00Z" },
                               newID: { n += 1; return "id-\(n)" })
    }

    @Test func bookmarkChangesReachTheFile() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        var p = Self.performer(dir)
        let doc = TestSupport.bundled.documents[1]
        let draft = try #require(Bookmark.make(in: doc, quotation: 3, note: "n", id: "", now: ""))
        guard case .bookmarkAdded(let b)? = p.perform(.bookmarks(.add(draft))) else { Issue.record("not added"); return }
        #expect(b.id == "id-1" && b.created == "2026-11-30T12:00:00Z")
        #expect(try p.store!.read() == [b])
        #expect(p.perform(.bookmarks(.setNote(id: "id-1", note: "新"))) != nil)
        #expect(try p.store!.read().first?.note == "新")
        #expect(p.perform(.bookmarks(.remove(b))) == .bookmarkRemoved(b))
        #expect(try p.store!.read().isEmpty)
        #expect(p.perform(.bookmarks(.restore(b))) == .bookmarkRestored(b))
        #expect(try p.store!.read().map(\.id) == ["id-1"])
        // A note for a bookmark that another program removed fails, naming the file.
        guard case .failed(let n)? = p.perform(.bookmarks(.setNote(id: "gone", note: nil))) else { Issue.record("no failure"); return }
        #expect(n.text.contains("bookmarks.json"))
    }

    /// Two readers (two performers on threads, as two sessions would be) and two CLI loops
    /// change one bookmark file at once: every bookmark written is there, each once, with the
    /// notes the readers set.
    @Test func twoReadersAndTheCommandLineWritingAtOnceLoseNothing() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("bookmarks.json").path
        let texts = TestSupport.repoRoot.appendingPathComponent("Texts").path
        let binary = DubenProcess.binary.path
        var workers: [Process] = []
        for _ in 0..<2 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "for i in $(seq 25); do '\(binary)' bookmarks add --doc 2 --block $i '\(texts)' >/dev/null || exit 1; done"]
            var env = ProcessInfo.processInfo.environment
            env["DUBEN_BOOKMARKS"] = path
            p.environment = env
            try p.run()
            workers.append(p)
        }
        let doc = TestSupport.bundled.documents[1]
        let draft = try #require(Bookmark.make(in: doc, quotation: 3, note: nil, id: "", now: ""))
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { reader in
            var n = 0
            var p = EffectPerformer(store: BookmarkStore(path: path), positions: nil, now: { "2026-12-01T00:00:00Z" },
                                    newID: { n += 1; return "reader\(reader)-\(n)" })
            for _ in 0..<25 {
                guard case .bookmarkAdded(let b)? = p.perform(.bookmarks(.add(draft))) else {
                    failures.withLock { $0.append("reader \(reader): an add failed") }
                    continue
                }
                if case .noteSet? = p.perform(.bookmarks(.setNote(id: b.id, note: "note of \(b.id)"))) {} else {
                    failures.withLock { $0.append("reader \(reader): a note failed") }
                }
            }
        }
        for p in workers { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let all = try BookmarkStore(path: path).read()
        #expect(all.count == 100)
        #expect(Set(all.map(\.id)).count == 100)
        let fromReaders = all.filter { $0.id.hasPrefix("reader") }
        #expect(fromReaders.count == 50 && fromReaders.allSatisfy { $0.note == "note of \($0.id)" })
    }

    @Test func exportsNeverOverwrite() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        var p = Self.performer(dir)
        let path = dir.appendingPathComponent("out.md").path
        let b = try #require(Bookmark.make(in: TestSupport.bundled.documents[1], quotation: 0, id: "a", now: "t"))
        #expect(p.perform(.export([b], format: .markdown, path: path)) == .exported(count: 1, path: path))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains(b.quote.exact.prefix(10)))
        #expect(p.perform(.export([], format: .csv, path: path)) == .failed(.error("\(path) exists; not overwritten")))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
        guard case .failed(let n)? = p.perform(.export([b], format: .csv, path: dir.path + "/no/such/dir/x.csv")) else {
            Issue.record("no failure"); return
        }
        #expect(n.text.contains("no/such/dir/x.csv: cannot write"))
    }

    @Test func positionsAreSavedAndReadBack() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        var p = Self.performer(dir)
        let saved = ["abc": ReadingPosition(block: 3, offset: 7)]
        #expect(p.perform(.savePositions(saved)) == .positionsSaved)
        #expect(try p.loadPositions() == saved)
    }

    @Test func aStoreThatCannotBeWrittenFailsWithTheFileNamed() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        // The bookmark file's directory would have to be inside a regular file.
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let store = BookmarkStore(path: blocker.appendingPathComponent("bookmarks.json").path)
        var p = EffectPerformer(store: store, positions: PositionStore(path: store.statePath))
        let draft = try #require(Bookmark.make(in: TestSupport.bundled.documents[1], quotation: 0, id: "", now: ""))
        guard case .failed(let n)? = p.perform(.bookmarks(.add(draft))) else { Issue.record("no failure"); return }
        #expect(n.severity == .error)
        #expect(n.text.contains(blocker.path))
        guard case .failed? = p.perform(.savePositions(["a": ReadingPosition(block: 0, offset: 0)])) else { Issue.record("no failure"); return }
    }

    @Test func anUnreadableFileMakesBookmarksReadOnlyAndIsLeftAlone() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("bookmarks.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        var p = EffectPerformer(store: BookmarkStore(path: path), positions: nil)
        let state = p.loadBookmarks()
        #expect(state.readOnlyReason?.contains("not valid JSON") == true)
        // The whole session: m does nothing, q saves nothing; the file is untouched.
        var reader = Reader(corpus: TestSupport.bundled, columns: 80, rows: 24, bookmarks: state)
        let terminal = InMemoryTerminal(columns: 80, rows: 24, script: [.key(.char("m")), .key(.enter), .key(.char("q"))])
        let outcome = ReaderSession.run(&reader, terminal: terminal, performer: &p)
        #expect(outcome.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not json")
    }

    @Test func aWholeSessionOnRealFiles() throws {
        let dir = TestSupport.temporaryDirectory("duben-performer")
        defer { TestSupport.remove(dir) }
        var p = Self.performer(dir)
        var reader = Reader(corpus: TestSupport.bundled, columns: 80, rows: 24, bookmarks: p.loadBookmarks())
        // Bookmark the tenth quotation with a note, list, delete, undo, quit.
        let script: [InMemoryTerminal.Step] = [.key(.tab)] + Array(repeating: .key(.char("]")), count: 9)
            + [.key(.char("m")), .key(.char("笔")), .key(.char("记")), .key(.enter), .key(.char("B")), .key(.char("x"))]
            + [.key(.char("u")), .key(.escape), .key(.char("q"))]
        let outcome = ReaderSession.run(&reader, terminal: InMemoryTerminal(columns: 80, rows: 24, script: script), performer: &p)
        #expect(outcome.failures.isEmpty)
        let stored = try p.store!.read()
        #expect(stored.count == 1)
        #expect(stored.first?.note == "笔记")
        #expect(stored.first?.citation?.occasion == "同美国总统特朗普通电话")
        let positions = try p.loadPositions()
        #expect(positions[TestSupport.bundled.documents[1].id] == ReadingPosition(block: reader.top.block, offset: reader.topOffset))
    }
}
