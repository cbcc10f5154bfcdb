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
