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

    /// The first file in reading order is found without sorting the listing: it is always
    /// the sorted list's first, whatever the names and however many paths are given.
    @Test func theListingsFirstFileIsTheSortedFirstAndOnlyTextFilesAreListed() throws {
        let dir = TestSupport.temporaryDirectory("duben-listing")
        defer { TestSupport.remove(dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.path + "/sub", withIntermediateDirectories: true)
        let names = ["甲.txt", "Zeta.txt", "alpha.Txt", "e\u{301}.txt", "é.txt", "sub/0.txt", ".txt",
                     "txt", "a.txtx", "b.text", "c.tx", "UPPER.TXT", "10.txt", "9.txt"]
        for name in names {
            try "标题\n\n正文。\n".write(toFile: dir.path + "/" + name, atomically: true, encoding: .utf8)
        }
        let loader = CorpusLoader()
        let listing = try loader.listing(paths: [dir.path])
        let files = try loader.files(paths: [dir.path])
        #expect(listing.count == 10)
        #expect(listing.first == files.first)
        #expect(files == files.sorted())
        let listed = Set(files.map { String($0.dropFirst(dir.path.count + 1)) })
        #expect(listed == ["甲.txt", "Zeta.txt", "alpha.Txt", "e\u{301}.txt", "é.txt", "sub/0.txt", ".txt", "UPPER.TXT", "10.txt", "9.txt"])
        // Several paths: each path's files in turn; the first is the first path's first.
        let single = dir.path + "/Zeta.txt"
        let both = try loader.listing(paths: [single, dir.path])
        #expect(both.first == single)
        #expect(both.sorted() == [single] + files)
        #expect(try loader.listing(paths: [dir.path + "/sub", single]).first == dir.path + "/sub/0.txt")
    }

    /// When the first file in reading order is skipped (empty), the reader opens on the next
    /// one in order: the listing is sorted whole then.
    @Test func whenTheFirstFileIsSkippedTheNextInOrderOpensTheReader() throws {
        let dir = TestSupport.temporaryDirectory("duben-first-skipped")
        defer { TestSupport.remove(dir) }
        try "\n\n\n".write(toFile: dir.path + "/00-empty.txt", atomically: true, encoding: .utf8)
        for (k, title) in ["第二个", "第一个", "第三个"].enumerated() {
            try "\(title)\n\n正文。\n".write(toFile: dir.path + "/0\(3 - k).txt", atomically: true, encoding: .utf8)
        }
        let indexer = try LibraryIndexer(paths: [dir.path])
        #expect(indexer.initial.documents.map(\.title) == ["第三个"])
        #expect(indexer.initial.warnings.contains { $0.contains("00-empty.txt") && $0.contains("skipped") })
        #expect(indexer.hasMore)
        let (_, last, _) = try Self.indexed([dir.path], interval: 0)
        #expect(last.documents.map(\.title) == ["第三个", "第一个", "第二个"])
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
    /// One document larger than the quick chunk (a book, a gigabyte in one piece): its
    /// start stands in for it on the first screen, and the thread gives the whole of it.
    @Test func aSingleHugeDocumentShowsItsStartFirstThenTheWholeDocument() throws {
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

        // A session that ends on the start shown first resumes it from the mapping, without
        // checking (or reading) the rest of the file: its place says the bytes were checked.
        let place = try #require(provisional.place)
        #expect(place.plain && place.range.upperBound <= LibraryIndexer.quickChunk)
        let resumed = try LibraryIndexer(paths: [path], resume: place)
        #expect(resumed.resumesAhead)
        #expect(resumed.initial.files[0].bytes.isMapped)
        #expect(Self.fingerprint(resumed.initial.documents[0]) == Self.fingerprint(provisional))
    }
}

extension LibraryIndexerTests {
    /// A library of three files: the bundled text, the same 30 times (over the mapping
    /// threshold: mapped), and a small one of its own; and its one-shot load.
    static func resumeLibrary(_ dir: URL) throws -> Corpus {
        let one = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        try one.write(toFile: dir.path + "/a.txt", atomically: true, encoding: .utf8)
        try Array(repeating: one, count: 30).joined(separator: "\n\n\n\n").write(toFile: dir.path + "/b.txt", atomically: true, encoding: .utf8)
        try "小文件里的一篇\n\n　　只有一段。\n\n\n\n又一篇\n\n　　（2020年3月27日同美国总统特朗普通电话）\n"
            .write(toFile: dir.path + "/c.txt", atomically: true, encoding: .utf8)
        // Old enough to be mapped (a file modified in the last two seconds is read instead).
        let old = Date().addingTimeInterval(-60)
        for name in ["a.txt", "b.txt", "c.txt"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir.path + "/" + name)
        }
        return try CorpusLoader().load(paths: [dir.path])
    }

    /// Every snapshot until the last, which is done.
    static func allSnapshots(_ indexer: LibraryIndexer) -> [LibraryIndexer.Snapshot] {
        indexer.start()
        var out: [LibraryIndexer.Snapshot] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let s = indexer.take() {
                out.append(s)
                if s.done { return out }
            }
            usleep(200)
        }
        Issue.record("the indexer did not finish")
        return out
    }

    @Test(arguments: ["b.txt", "c.txt"])
    func theResumedDocumentIsParsedAloneFirstAndTheLibraryWaitsForIt(file: String) throws {
        let dir = TestSupport.temporaryDirectory("duben-resume")
        defer { TestSupport.remove(dir) }
        let oneShot = try Self.resumeLibrary(dir)
        let inFile = (0..<oneShot.documents.count).filter { oneShot.documents[$0].source.path.hasSuffix("/" + file) }
        let k = inFile[inFile.count * 2 / 3]
        let target = oneShot.documents[k]
        let place = try #require(target.place)
        #expect(place.plain == (file == "b.txt"), "the large file was mapped, the small one read")
        let indexer = try LibraryIndexer(paths: [dir.path], publishInterval: 0, resume: place)
        #expect(indexer.initial.documents.count == 1)
        #expect(Self.fingerprint(indexer.initial.documents[0]) == Self.fingerprint(target), "the same document, parsed alone")
        let snapshots = Self.allSnapshots(indexer)
        let last = try #require(snapshots.last)
        Self.expectSame(last.corpus, oneShot)
        // Before the thread came to it, the snapshots carried the document shown and the
        // progress only; from then on, the library with it.
        let waiting = snapshots.dropLast().filter { $0.corpus.documents.count == 1 }
        #expect(!waiting.isEmpty, "the library was not shown before it held the document")
        for s in snapshots where s.corpus.documents.count > 1 {
            #expect(s.corpus.documents.count > k && s.corpus.documents.id(at: k) == target.id)
        }
        #expect(waiting.map(\.progress) == waiting.map(\.progress).sorted())
    }

    /// With a document reopened, the paths are listed on the thread: when they can no longer
    /// be (the directory moved away after the start), that document stays, alone, with a warning.
    @Test func aResumedDocumentStaysAloneWhenThePathsCannotBeListedAnyMore() throws {
        let dir = TestSupport.temporaryDirectory("duben-resume-moved")
        defer { TestSupport.remove(dir) }
        let moved = URL(fileURLWithPath: dir.path + "-moved")
        defer { TestSupport.remove(moved) }
        let oneShot = try Self.resumeLibrary(dir)
        let target = oneShot.documents[oneShot.documents.count / 2]
        let indexer = try LibraryIndexer(paths: [dir.path], publishInterval: 0, resume: target.place)
        #expect(indexer.hasMore)
        try FileManager.default.moveItem(at: dir, to: moved)
        let last = try #require(Self.allSnapshots(indexer).last)
        #expect(last.done)
        #expect(last.corpus.documents.count == 1)
        #expect(Self.fingerprint(last.corpus.documents[0]) == Self.fingerprint(target))
        #expect(last.corpus.warnings.contains { $0.contains(dir.path) }, "\(last.corpus.warnings)")
    }

    @Test(arguments: ["changed", "another title", "past the end", "gone", "bad id"])
    func aResumePlaceThatNoLongerHoldsTheDocumentIsIgnored(how: String) throws {
        let dir = TestSupport.temporaryDirectory("duben-resume-stale")
        defer { TestSupport.remove(dir) }
        let oneShot = try Self.resumeLibrary(dir)
        let k = oneShot.documents.count / 2
        var place = try #require(oneShot.documents[k].place)
        switch how {
        case "changed":
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: place.path)
        case "another title":
            let other = (0..<oneShot.documents.count).first { oneShot.documents[$0].title != oneShot.documents[k].title && oneShot.documents[$0].source.path == place.path }
            place.range = oneShot.documents[try #require(other)].range
        case "past the end":
            place.range = place.range.lowerBound..<(Int(place.identity.size) + 10)
        case "gone":
            place.path = dir.path + "/nowhere.txt"
        default:
            place.id = "not-an-id"
        }
        let indexer = try LibraryIndexer(paths: [dir.path], resume: place)
        #expect(Self.fingerprint(indexer.initial.documents[0]) == Self.fingerprint(oneShot.documents[0]), "the library's first document instead")
        Self.expectSame(Self.allSnapshots(indexer).last?.corpus ?? indexer.initial, try CorpusLoader().load(paths: [dir.path]))
    }
}
