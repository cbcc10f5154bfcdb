import DubenTestSupport
import Foundation
import Testing
@testable import DubenModel

/// Background indexing gives the library a one-shot load gives, piece by piece.
@Suite struct LibraryIndexerTests {
    /// Everything the parser decides about a document, comparable.
    static func fingerprint(_ d: Document) -> String {
        "\(d.id)|\(d.title)|\(d.author ?? "")|\(d.kind)|\(d.range)|\(d.blocks)|\(d.toc)|\(d.quotations)|\(String(describing: d.dateline))|"
            + "\(d.datedPassages)|\(String(describing: d.metadata))|\(String(describing: d.citation))"
    }

    /// The same documents, compared one by one (the first difference is reported).
    static func expectSame(_ a: Corpus, _ b: Corpus, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.documents.count == b.documents.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.documents, b.documents) where fingerprint(x) != fingerprint(y) {
            Issue.record("first difference: \(x.id) vs \(y.id)", sourceLocation: sourceLocation)
            return
        }
    }

    /// Runs the indexer to the end (publishing after every slice when `interval` is 0).
    static func indexed(_ paths: [String], interval: Double) throws -> (first: Corpus, last: Corpus, snapshots: Int) {
        let indexer = try LibraryIndexer(paths: paths, publishInterval: interval)
        let first = indexer.initial
        indexer.start()
        var snapshots = 0
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let s = indexer.take() {
                snapshots += 1
                if s.done { return (first, s.corpus, snapshots) }
            }
            usleep(1000)
        }
        Issue.record("the indexer did not finish")
        return (first, first, snapshots)
    }

    @Test func theBundledCorpusIndexedInTheBackgroundEqualsAOneShotLoad() throws {
        let oneShot = try CorpusLoader().load(paths: [TestSupport.textsPath])
        let (first, last, _) = try Self.indexed([TestSupport.textsPath], interval: 0)
        #expect(first.documents.count == 1)
        #expect(Self.fingerprint(first.documents[0]) == Self.fingerprint(oneShot.documents[0]))
        Self.expectSame(last, oneShot)
        #expect(last.files.count == oneShot.files.count)
    }

    @Test func manyFilesWithRepeatedTitlesKeepTheirIdsAndAnEmptyFileIsSkipped() throws {
        let dir = TestSupport.temporaryDirectory("duben-indexer")
        defer { TestSupport.remove(dir) }
        var rng = SplitMix(seed: 11)
        let words = ["人民", "发展", "合作", "（2020年3月27日同美国总统特朗普通电话）", "一、总体要求", "。", "，", "\n\n", "\n\n\n\n", "标题"]
        for k in 0..<12 {
            var text = "同一个标题\n\n"
            for _ in 0..<(20 + Int(rng.next() % 200)) { text += words[Int(rng.next() % UInt64(words.count))] }
            try text.write(toFile: dir.path + String(format: "/%02d.txt", k), atomically: true, encoding: .utf8)
        }
        let oneShot = try CorpusLoader().load(paths: [dir.path])
        try "\n\n\n".write(toFile: dir.path + "/05a-empty.txt", atomically: true, encoding: .utf8)
        let (_, last, snapshots) = try Self.indexed([dir.path], interval: 0)
        #expect(snapshots >= 2)
        Self.expectSame(last, oneShot)
        #expect(last.warnings.contains { $0.contains("05a-empty.txt") && $0.contains("skipped") })
    }

    @Test func aDirectoryIsListedRecursivelyInPathOrderWithLinksToFiles() throws {
        let dir = TestSupport.temporaryDirectory("duben-list")
        defer { TestSupport.remove(dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.path + "/b/c", withIntermediateDirectories: true)
        for name in ["b/c/z.txt", "a.TXT", "b/y.txt", "notes.md", "b/c/x.txt"] {
            try "标题\n\n正文。\n".write(toFile: dir.path + "/" + name, atomically: true, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: dir.path + "/link.txt", withDestinationPath: dir.path + "/b/y.txt")
        try fm.createSymbolicLink(atPath: dir.path + "/loop", withDestinationPath: dir.path)
        let files = try CorpusLoader().files(paths: [dir.path]).map { String($0.dropFirst(dir.path.count + 1)) }
        #expect(files == ["a.TXT", "b/c/x.txt", "b/c/z.txt", "b/y.txt", "link.txt"])
    }

    @Test func aLargeFileShowsItsFirstDocumentFromItsStartAloneAndTheIndexIsTheSame() throws {
        let dir = TestSupport.temporaryDirectory("duben-quick")
        defer { TestSupport.remove(dir) }
        let one = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        let path = dir.path + "/large.txt"
        try Array(repeating: one, count: 40).joined(separator: "\n\n\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        let oneShot = try CorpusLoader().load(paths: [path])
        let indexer = try LibraryIndexer(paths: [path])
        #expect(indexer.initial.documents.count == 1)
        #expect(indexer.initial.files[0].bytes.count <= LibraryIndexer.quickChunk, "the file was not read whole")
        #expect(Self.fingerprint(indexer.initial.documents[0]) == Self.fingerprint(oneShot.documents[0]))
        let (_, last, _) = try Self.indexed([path], interval: 0.01)
        Self.expectSame(last, oneShot)
        #expect(last.files[0].bytes.count == oneShot.files[0].bytes.count)
    }
}

extension LibraryIndexerTests {
    @Test(arguments: [3, 17])
    func theRandomTextGeneratorsOutputIndexedInTheBackgroundEqualsAOneShotLoad(seed: Int) throws {
        let dir = TestSupport.temporaryDirectory("duben-random-index")
        defer { TestSupport.remove(dir) }
        var rng = SplitMix(seed: UInt64(seed))
        // One file over the quick first-document chunk (so the first document comes from its
        // start alone), and a few small ones after it.
        var big = ""
        while big.utf8.count < 2 * LibraryIndexer.quickChunk + 4096 { big += RandomText.make(&rng) + "\n\n\n\n" }
        try big.write(toFile: dir.path + "/a-big.txt", atomically: true, encoding: .utf8)
        for k in 0..<4 {
            try (0..<5).map { _ in RandomText.make(&rng) }.joined(separator: "\n\n\n")
                .write(toFile: dir.path + "/b-\(k).txt", atomically: true, encoding: .utf8)
        }
        let oneShot = try CorpusLoader().load(paths: [dir.path])
        let (first, last, snapshots) = try Self.indexed([dir.path], interval: 0)
        #expect(Self.fingerprint(first.documents[0]) == Self.fingerprint(oneShot.documents[0]))
        #expect(snapshots >= 2)
        Self.expectSame(last, oneShot)
        #expect(last.documents.count == oneShot.documents.count && oneShot.documents.count > 50)
    }
}

extension LibraryIndexerTests {
    /// One document larger than the quick chunk (a book, a gigabyte in one piece): its first
    /// megabyte stands in for it on the first screen, and the thread gives the whole of it.
    @Test func aSingleHugeDocumentShowsItsFirstMegabyteFirstThenTheWholeDocument() throws {
        let dir = TestSupport.temporaryDirectory("duben-one-huge")
        defer { TestSupport.remove(dir) }
        let one = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        let body = one.split(separator: "\n").filter { !$0.isEmpty }.joined(separator: "\n")
        let path = dir.path + "/book.txt"
        try ("一部长书\n\n" + Array(repeating: body, count: 40).joined(separator: "\n") + "\n全书终。\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let oneShot = try CorpusLoader().load(paths: [path])
        #expect(oneShot.documents.count == 1)
        let indexer = try LibraryIndexer(paths: [path])
        #expect(indexer.hasMore)
        let provisional = indexer.initial.documents[0]
        #expect(provisional.title == "一部长书" && provisional.id == oneShot.documents[0].id)
        #expect(indexer.initial.files[0].bytes.count <= LibraryIndexer.quickChunk)
        let (_, last, _) = try Self.indexed([path], interval: 0.01)
        Self.expectSame(last, oneShot)
        #expect(last.documents[0].text(of: last.documents[0].blocks.count - 1).contains("全书终"))
    }
}
