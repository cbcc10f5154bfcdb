import DubenTestSupport
import Foundation
import Testing

/// A large library in a real terminal (tmux): the first page comes before the index is done.
@Suite("Indexing in tmux", .serialized)
struct IndexingEndToEndTests {
    /// A library of the bundled text repeated (about `copies` × 75 KB), made by the test and
    /// removed after it.
    static func largeLibrary(_ dir: URL, copies: Int) throws -> String {
        let one = try Data(contentsOf: URL(fileURLWithPath: TestSupport.textsPath + "/corpus-2020.txt"))
        let path = dir.appendingPathComponent("large.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk = Data()
        for _ in 0..<50 { chunk.append(one); chunk.append(Data("\n\n\n\n".utf8)) }
        for _ in 0..<(copies / 50) { try handle.write(contentsOf: chunk) }
        try handle.close()
        return path
    }

    @Test func theFirstPageComesWhileTheLibraryIsIndexedAndTheLibraryListGrows() throws {
        let dir = TestSupport.temporaryDirectory("duben-large")
        defer { TestSupport.remove(dir) }
        let path = try Self.largeLibrary(dir, copies: 300)
        let pane = try TmuxPane("\(TmuxPane.binary) \(path)", columns: 100, rows: 30)
        let first = try pane.waitFor("the first page") { $0.joined().contains("line 1/") }
        // The library is not indexed yet when the first page is up (or it was very quick).
        let indexing = first.joined().contains("indexing")
        try pane.send("L")
        let listed = try pane.waitFor(text: "Library ·")
        if indexing {
            #expect(listed[0].contains("more to come") || !listed[0].contains("indexing"), "\(listed[0])")
        }
        // The list grows to the whole library.
        try pane.waitFor(text: "Library · 900 documents")
        #expect(try !pane.screen()[0].contains("indexing"))
    }
}

extension IndexingEndToEndTests {
    @Test func aFileTruncatedWhileOpenIsReportedAndReadAgainWithR() throws {
        let dir = TestSupport.temporaryDirectory("duben-changed")
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("texts.txt").path
        try FileManager.default.copyItem(atPath: TestSupport.textsPath + "/corpus-2020.txt", toPath: path)
        let pane = try TmuxPane("\(TmuxPane.binary) \(path); echo duben-exited=$?", columns: 100, rows: 30)
        try pane.waitForReady()
        try pane.waitFor(text: "1/3")
        // Truncated under the reader: one short document is left.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("剩下的一篇\n\n　　只有这一段了。\n".utf8))
        try handle.close()
        try pane.waitFor(text: "Changed on disk (R reads it again)")
        // Still alive and drawing: keys work on the text it has.
        try pane.send("j", "k")
        try pane.send("R")
        let again = try pane.waitFor(text: "只有这一段了")
        #expect(again[0].contains("剩下的一篇") && again[0].hasSuffix("1/1"), "\(again[0])")
        try pane.send("q")
        try pane.waitFor(text: "duben-exited=0")
    }
}

extension IndexingEndToEndTests {
    /// A large file is mapped, not read (`SourceBytes`): cut short under the reader, the pages
    /// past its new end would raise SIGBUS. The reader survives reading them, says the file
    /// changed, and `R` reads what is left.
    @Test func aMappedFileCutShortUnderTheReaderIsReportedNotACrash() throws {
        let dir = TestSupport.temporaryDirectory("duben-mapped")
        defer { TestSupport.remove(dir) }
        let path = try Self.largeLibrary(dir, copies: 100)
        // Files modified in the last two seconds are read, not mapped (they may be being written).
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        let pane = try TmuxPane("\(TmuxPane.binary) \(path); echo duben-exited=$?", columns: 100, rows: 30)
        try pane.waitForReady()
        // Cut to its first 100 KB: the documents after that are now beyond the end of the file.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 100_000)
        try handle.close()
        // The last document of the library reads pages that are gone: said within a second
        // (the check is once a second; a later key's notice may then take the status line).
        try pane.send("L", "G", "Enter")
        try pane.waitFor(text: "Changed on disk (R reads it again)")
        // A search through all of it reads them again: the reader survives it.
        try pane.send("/", "命运共同体", "Enter")
        try pane.waitFor(text: "in library")
        try pane.send("R")
        try pane.waitForReady()
        try pane.send("q")
        try pane.waitFor(text: "duben-exited=0")
    }
}

extension IndexingEndToEndTests {
    /// The index cache in use: a second open takes the library from it; when every entry is
    /// corrupted, they are ignored and the library is still right (and the entries rebuilt).
    @Test func aCorruptIndexCacheIsIgnoredAndTheLibraryIsStillRight() throws {
        let dir = TestSupport.temporaryDirectory("duben-cache-e2e")
        defer { TestSupport.remove(dir) }
        let path = try Self.largeLibrary(dir, copies: 100)
        let cacheHome = dir.appendingPathComponent("cache").path
        let index = cacheHome + "/duben/index"
        func open() throws {
            let pane = try TmuxPane("XDG_CACHE_HOME=\(cacheHome) \(TmuxPane.binary) \(path); echo duben-exited=$?", columns: 100, rows: 30)
            try pane.waitForReady()
            try pane.send("L")
            try pane.waitFor(text: "Library · 300 documents")
            try pane.send("Escape", "q")
            try pane.waitFor(text: "duben-exited=0")
        }
        try open()
        let entries = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasSuffix(".idx") }
        #expect(entries.count == 1)
        for name in entries {
            let url = URL(fileURLWithPath: index + "/" + name)
            var data = try Data(contentsOf: url)
            for k in stride(from: 64, to: data.count, by: 97) { data[k] ^= 0xA5 }
            try data.write(to: url)
        }
        let corrupted = try Data(contentsOf: URL(fileURLWithPath: index + "/" + entries[0]))
        try open()
        // Rebuilt: the entry is a good one again.
        #expect(try Data(contentsOf: URL(fileURLWithPath: index + "/" + entries[0])) != corrupted)
        let info = try DubenProcess.run(["cache"], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(info.status == 0 && info.stdout.contains("entries:   1"), "\(info.stdout)")
        let cleared = try DubenProcess.run(["cache", "clear"], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(cleared.status == 0 && cleared.stdout.contains("removed 1 entry"), "\(cleared.stdout)")
    }
}

extension IndexingEndToEndTests {
    /// The document a session ended in, near the end of a large library, is the first screen of
    /// the next one, with the cache cold: parsed alone from where it lay, before the library.
    @Test func theResumedDocumentIsTheFirstScreenBeforeTheLibraryIsIndexed() throws {
        let dir = TestSupport.temporaryDirectory("duben-resume-first")
        defer { TestSupport.remove(dir) }
        let path = try Self.largeLibrary(dir, copies: 600)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n\n\n\n最后一篇读到的文章\n\n　　这里是全书的终章标记。\n\n　　后面还有一段。\n".utf8))
        try handle.close()
        let data = dir.appendingPathComponent("data").path
        let environment = "DUBEN_BOOKMARKS=\(data)/bookmarks.json XDG_CACHE_HOME=\(dir.path)/cache"
        let first = try TmuxPane("\(environment) \(TmuxPane.binary) --no-cache \(path); echo duben-exited=$?", columns: 100, rows: 30)
        try first.waitForReady()
        try first.send("/")
        try first.send("终章标记", literal: true)
        try first.send("Enter")
        try first.waitFor("the last document") { $0[0].contains("最后一篇读到的文章") }
        try first.send("q")
        try first.waitFor(text: "duben-exited=0")
        let state = try String(contentsOfFile: data + "/state.json", encoding: .utf8)
        #expect(state.contains("\"place\""), "\(state)")

        let second = try TmuxPane("\(environment) \(TmuxPane.binary) --no-cache \(path)", columns: 100, rows: 30)
        let shown = try second.waitFor("the first page") { $0.last?.contains("line") == true }
        #expect(shown[0].contains("最后一篇读到的文章"), "the first screen is the resumed document:\n\(shown.joined(separator: "\n"))")
        // Its number in the library is not known until the library is in.
        #expect(shown[0].hasSuffix("?/1+") || shown[0].hasSuffix("1801/1801"), "\(shown[0])")
        // Still that document, where it was left, once the whole library is in.
        try second.send("L")
        try second.waitFor(text: "Library · 1801 documents")
        try second.send("Escape")
        let after = try second.waitFor("the reader again") { !$0[0].contains("Library") }
        #expect(after[0].contains("最后一篇读到的文章") && after[0].hasSuffix("1801/1801") && after.joined().contains("终章标记"),
                "\(after.joined(separator: "\n"))")
    }
}
