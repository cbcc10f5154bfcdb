import DubenModel
import DubenTestSupport
import DubenUI
import Foundation
import Testing

/// Every key, in seeded random order and one by one, on degenerate documents (a title alone, a
/// citation alone, a heading alone, one character) and on the bundled corpus, at ordinary and
/// tiny sizes: nothing may trap. A trap ends the test process, so any regression fails loudly.
@Suite("Reader robustness")
struct ReaderRobustnessTests {
    static let texts: [String] = [
        "标",
        "标题",
        "标题\n（2020年3月27日同美国总统特朗普通电话）",
        "标题\n一、只有标题",
        "标题\n习近平\n第一个问题：只有问题",
        "标题\n\n\n\n第二个文档\n正文。",
        "标题\n4月20日至23日，考察。\n21日上午，来到。",
        "标题\n\u{1B}]52;c;aGk=\u{07}\t\u{1}\u{7F}e\u{301}👨‍👩‍👧",
    ]

    static var keys: [Key] {
        var keys = KeyBindings.reader.flatMap(\.keys)
        keys += [.left, .right, .backspace, .delete, .char("x"), .char("e"), .char("u"), .char("1"), .char("5"), .char("0"),
                 .char("2"), .char("-"), .char("年"), .char("a"), .function(5), .ctrl("c"), .ctrl("g")]
        keys += [.resize(columns: 80, rows: 24), .resize(columns: 20, rows: 6), .resize(columns: 8, rows: 3), .resize(columns: 41, rows: 13)]
        return keys.filter { $0 != .char("q") }
    }

    static func corpus(_ text: String) throws -> Corpus {
        let dir = TestSupport.temporaryDirectory("duben-robust")
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("t.txt")
        try Data(text.utf8).write(to: file)
        return try CorpusLoader().load(paths: [file.path])
    }

    @Test(arguments: texts.indices)
    func everyKeyOnADegenerateDocument(_ index: Int) throws {
        let corpus = try Self.corpus(Self.texts[index])
        let keys = Self.keys
        // Each key alone, from a fresh reader, at two sizes.
        for (columns, rows) in [(80, 24), (20, 6)] {
            for key in keys {
                var reader = Reader(corpus: corpus, columns: columns, rows: rows)
                _ = reader.handle(key)
                _ = ReaderView.draw(reader)
            }
        }
        // Then long random sequences, with the default layout and with a narrow text column,
        // ambiguous characters two cells wide and no indentation.
        var rng = SplitMix(seed: UInt64(index + 1))
        for var reader in [Reader(corpus: corpus, columns: 40, rows: 12),
                           Reader(corpus: corpus, columns: 40, rows: 12, width: 9, ambiguousWidth: 2, indent: .none)] {
            for _ in 0..<2000 {
                _ = reader.handle(keys.randomElement(using: &rng)!)
                _ = ReaderView.draw(reader)
            }
        }
    }

    /// Found by `scripts/fuzz reader`: opening a document without blocks (a title alone, here by
    /// Tab) kept the scalar offset of the document left, so the top of the page was no valid
    /// anchor there.
    @Test func aDocumentWithoutBlocksOpensAtOffsetZero() throws {
        let long = String(repeating: "中国人民", count: 40)
        let corpus = try Self.corpus("标题\n\(long)\n\n\n\n标")
        #expect(corpus.documents.count == 2 && corpus.documents[1].blocks.isEmpty)
        var reader = Reader(corpus: corpus, columns: 40, rows: 12)
        _ = reader.handle(.char("j"))
        #expect(reader.topOffset > 0, "the first document is scrolled into its block")
        _ = reader.handle(.tab)
        #expect(reader.documentIndex == 1)
        #expect(reader.top == RowPosition(block: 0, row: 0) && reader.topOffset == 0)
        _ = reader.handle(.backTab)
        #expect(reader.documentIndex == 0 && reader.topOffset > 0, "the first document is where it was left")
    }

    @Test func randomKeysOnTheBundledCorpus() {
        var rng = SplitMix(seed: 42)
        let keys = Self.keys
        var reader = Reader(corpus: UITestSupport.bundled, columns: 60, rows: 16)
        for _ in 0..<4000 {
            _ = reader.handle(keys.randomElement(using: &rng)!)
            _ = ReaderView.draw(reader)
        }
    }
}

extension ReaderRobustnessTests {
    /// The first screen of a huge first document comes from the start of its file; when the whole
    /// document arrives the reader shows it, from the same place, with nothing made from the
    /// part left behind (layouts, match lists, row estimates).
    @Test func aProvisionalFirstDocumentIsReplacedByTheWholeOne() throws {
        let all = UITestSupport.bundled
        let whole = all.documents[0]
        // The first half of its blocks stands in for the document.
        let n = whole.blocks.count / 2
        #expect(n >= 8)
        var part = whole
        part.blocks = Array(whole.blocks.prefix(n))
        part.range = whole.range.lowerBound..<whole.blocks[n - 1].range.upperBound
        part.quotations = part.quotations.filter { $0.blocks.upperBound <= n }
        part.toc = part.toc.filter { $0.block < n }
        let chunk = SourceFile(path: whole.source.path, bytes: Array(whole.source.bytes[0..<part.range.upperBound]))
        part.source = chunk
        let first = Corpus(documents: [part], files: [chunk], warnings: [])
        var reader = Reader(corpus: first, columns: 60, rows: 6)
        _ = reader.update(corpus: first, progress: 0.1)
        UITestSupport.type(&reader, [.char("G")])
        let shortEnd = reader.linePosition.total
        UITestSupport.type(&reader, [.char("g"), .char(" "), .char(" ")])
        let block = reader.top.block
        _ = reader.update(corpus: all, progress: nil)
        #expect(reader.documentIndex == 0 && reader.document.blocks.count == whole.blocks.count)
        #expect(reader.top.block == block)
        UITestSupport.type(&reader, [.char("G")])
        #expect(reader.linePosition.total > shortEnd)
        #expect(reader.top.block >= n)
    }
}

extension ReaderRobustnessTests {
    /// The document resumed before the library came to it (parsed alone from where it lay)
    /// is the library's document `k` when the library arrives: the reader goes on showing it
    /// where it was, and the saved positions of the documents before it are applied.
    @Test(arguments: [true, false])
    func aDocumentResumedAheadOfTheLibraryIsFoundThereByID(found: Bool) throws {
        let all = UITestSupport.bundled
        let k = all.documents.count - 2
        let target = all.documents[k]
        let alone = Corpus(documents: [target], files: [target.source], warnings: [])
        var reader = Reader(corpus: alone, columns: 60, rows: 8)
        _ = reader.update(corpus: alone, progress: 0)
        reader.aheadOfLibrary = true
        #expect(ReaderView.draw(reader).lines[0].trimmingCharacters(in: .whitespaces).hasSuffix("?/1+"), "its number in the library is not known yet")
        let earlier = ReadingPosition(block: 3, offset: 0)
        reader.restore(positions: [all.documents[0].id: earlier])
        let resumed = reader.resume(document: target.id)
        #expect(resumed)
        UITestSupport.type(&reader, [.char(" "), .char(" "), .char("G"), .char("g"), .char(" ")])
        let block = reader.top.block, offset = reader.topOffset
        #expect(block > 0)
        // A snapshot without it (the thread has not come to it): nothing changes.
        _ = reader.update(corpus: alone, progress: 0.5)
        #expect(reader.document.id == target.id && reader.top.block == block && reader.aheadOfLibrary)
        // The library (or one that no longer holds it: then its first document, at the top).
        var library = all
        if !found { library = Corpus(documents: Array(all.documents.prefix(k)), files: all.files, warnings: []) }
        _ = reader.update(corpus: library, progress: nil)
        #expect(!reader.aheadOfLibrary)
        if found {
            #expect(ReaderView.draw(reader).lines[0].trimmingCharacters(in: .whitespaces).hasSuffix("\(k + 1)/\(all.documents.count)"))
            #expect(reader.documentIndex == k && reader.document.id == target.id)
            #expect(reader.top.block == block && reader.topOffset == offset)
            #expect(reader.page.left[0] == earlier, "the position saved for the first document is applied")
            // The jump list moved with the document: '' goes back to where `g` jumped from.
            UITestSupport.type(&reader, [.char("'"), .char("'")])
            #expect(reader.documentIndex == k)
        } else {
            #expect(reader.documentIndex == 0 && reader.top.block == 0)
        }
        #expect(reader.corpus.documents.count == library.documents.count)
    }
}

extension ReaderRobustnessTests {
    /// A file changed on disk is said once (the notice goes with the next key); the status line
    /// then keeps "changed: R" in place of the help hint on that file's documents, until `R`.
    @Test func aChangedFileStaysMarkedOnTheStatusLineUntilR() throws {
        let all = UITestSupport.bundled
        var reader = Reader(corpus: all, columns: 80, rows: 12)
        func status() -> String { ReaderView.draw(reader).lines.last ?? "" }
        #expect(status().contains("h help"))
        reader.fileChanged(all.documents[0].source.path, gone: false)
        #expect(status().contains("Changed on disk (R reads it again)"))
        UITestSupport.type(&reader, [.char("j")])
        #expect(!status().contains("Changed on disk"), "the notice went with the key")
        #expect(status().contains("changed: R") && !status().contains("h help"), "\(status())")
        _ = reader.reload(corpus: all, progress: nil)
        UITestSupport.type(&reader, [.char("j")])
        #expect(status().contains("h help") && !status().contains("changed: R"), "\(status())")
    }
}
