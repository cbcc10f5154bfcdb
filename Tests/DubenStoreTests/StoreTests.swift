import CSV
import DubenModel
import DubenStore
import DubenTestSupport
import Foundation
import Ink
import Testing

enum StoreSupport {
    static var repoRoot: URL { TestSupport.repoRoot }
    static let texts = repoRoot.appendingPathComponent("Texts").path
    static let corpus = try! CorpusLoader().load(paths: [texts])
    static var binary: String { DubenProcess.binary.path }

    static func temporaryDirectory() -> URL { TestSupport.temporaryDirectory("duben-store") }

    /// Runs the built duben with `DUBEN_BOOKMARKS` set; returns status, stdout, stderr.
    static func run(_ arguments: [String], bookmarks: String) throws -> (Int32, String, String) {
        let r = try DubenProcess.run(arguments, environment: ["DUBEN_BOOKMARKS": bookmarks])
        return (r.status, r.stdout, r.stderr)
    }

    static let hostileNote = "注意 <script>alert('x')</script> | a * b \"quoted\"\n第二行 **bold** [link](http://x)"
}

@Suite("Bookmark store")
struct StoreTests {
    typealias S = StoreSupport

    func sample(_ note: String? = S.hostileNote) -> [Bookmark] {
        let collection = S.corpus.documents[1], speech = S.corpus.documents[2]
        return [
            Bookmark.make(in: collection, block: 17, note: note, id: UUID().uuidString, now: ISOTime.now())!,
            Bookmark.make(in: speech, block: 5, offset: 0, length: 16, note: nil, id: UUID().uuidString, now: ISOTime.now())!,
        ]
    }

    @Test func bookmarkInAQuotationCarriesItsCitation() throws {
        let b = sample()[0]
        #expect(b.citation?.date == "2020-03-27")
        #expect(b.citation?.occasion == "同美国总统特朗普通电话")
        #expect(b.quote.exact.hasPrefix("流行性疾病不分国界"))
        #expect(sample()[1].citation == nil)
    }

    @Test func roundTripThroughTheFile() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let store = BookmarkStore(path: dir.appendingPathComponent("sub/bookmarks.json").path)
        #expect(try store.read().isEmpty)
        let items = sample()
        try store.update { $0.append(contentsOf: items) }
        #expect(try store.read() == items)
    }

    @Test func exportsParseWithRealParsersAndStayInert() throws {
        let items = sample()
        // JSON: a JSON decoder, and the W3C shape.
        let json = try BookmarkExporter.export(items, as: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(root["type"] as? String == "AnnotationCollection")
        let annotations = try #require((root["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(annotations.count == 2)
        #expect((annotations[0]["body"] as? [String: Any])?["value"] as? String == S.hostileNote)
        #expect((annotations[0]["duben:citation"] as? [String: Any])?["occasion"] as? String == "同美国总统特朗普通电话")
        #expect(try BookmarkImporter.bookmarks(fromAnnotations: json).map(\.id) == items.map(\.id))
        // CSV: CSV.swift's reader gives back the fields.
        let csv = try BookmarkExporter.export(items, as: .csv, bom: true)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let reader = try CSVReader(string: String(decoding: csv.dropFirst(3), as: UTF8.self), hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(reader.headerRow == BookmarkExporter.csvHeader)
        #expect(rows.count == 2)
        let column = Dictionary(uniqueKeysWithValues: BookmarkExporter.csvHeader.enumerated().map { ($1, $0) })
        #expect(rows[0][column["note"]!] == S.hostileNote)
        #expect(rows[0][column["date"]!] == "2020-03-27" && rows[0][column["occasion"]!] == "同美国总统特朗普通电话")
        #expect(rows[0][column["author"]!] == "习近平" && rows[0][column["kind"]!] == "quotations")
        #expect(rows[1][column["title"]!] == "在打好精准脱贫攻坚战座谈会上的讲话" && rows[1][column["document_date"]!] == "2018-02-12")
        #expect(rows[1][column["citation"]!] == "习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）")
        // Markdown: a CommonMark parser (Ink) renders the note as text, not as HTML or emphasis.
        let md = String(decoding: try BookmarkExporter.export(items, as: .markdown), as: UTF8.self)
        let html = MarkdownParser().html(from: md)
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("流行性疾病不分国界"))
        #expect(html.contains("（2020年3月27日同美国总统特朗普通电话）"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<strong>") && !html.contains("<em>") && !html.contains("<a href"))
        // HTML: Python's html.parser sees no script element and gets the text back.
        let page = try BookmarkExporter.export(items, as: .html)
        let text = try pythonHTMLText(page)
        #expect(!text.tags.contains("script"))
        #expect(text.data.contains("<script>alert('x')</script>"))
        #expect(text.data.contains("（2020年3月27日同美国总统特朗普通电话）"))
    }

    /// Tags and text data of an HTML page through Python's html.parser.
    func pythonHTMLText(_ page: Data) throws -> (tags: [String], data: String) {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("page.html")
        try page.write(to: file)
        let script = """
            import html.parser, json, sys
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = []; self.data = []
                def handle_starttag(self, tag, attrs): self.tags.append(tag)
                def handle_data(self, d): self.data.append(d)
            p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
            print(json.dumps({"tags": p.tags, "data": "".join(p.data)}))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (obj["tags"] as? [String] ?? [], obj["data"] as? String ?? "")
    }

    @Test func corruptNewerAndUnwritableFilesAreLeftUnchanged() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        for (name, contents) in [("corrupt.json", "{\"version\": 1, \"bookmarks\": [ {oops"), ("newer.json", "{\"version\": 7, \"bookmarks\": []}")] {
            let path = dir.appendingPathComponent(name).path
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            let (status, _, err) = try S.run(["bookmarks", "add", "--doc", "2", "--block", "1", S.texts], bookmarks: path)
            #expect(status == 2)
            #expect(err.hasPrefix("duben: \(path): "))
            #expect(err.split(separator: "\n").count == 1)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == contents, "bytes unchanged")
            let (checkStatus, checkOut, _) = try S.run(["bookmarks", "check"], bookmarks: path)
            #expect(checkStatus == 2)
            #expect(checkOut.contains("To recover"))
        }
        // A directory we cannot write into (when not running as root, permissions apply; as
        // root, a path under a regular file fails the same way).
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let (status, _, err) = try S.run(["bookmarks", "add", "--doc", "2", "--block", "1", S.texts], bookmarks: blocker.path + "/sub/b.json")
        #expect(status == 2)
        #expect(err.hasPrefix("duben: "))
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "x")
    }

    @Test func eightProcessesAddingFiftyEachLoseNothing() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("b.json").path
        // Each worker is a shell loop of 50 CLI adds; the eight run at once.
        let loop = "for i in $(seq 50); do \(S.binary) bookmarks add --doc 2 --block $((i % 100)) \(S.texts) >/dev/null || exit 1; done"
        var workers: [Process] = []
        for _ in 0..<8 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", loop]
            var env = ProcessInfo.processInfo.environment
            env["DUBEN_BOOKMARKS"] = path
            p.environment = env
            try p.run()
            workers.append(p)
        }
        for p in workers { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let all = try BookmarkStore(path: path).read()
        #expect(all.count == 400)
        #expect(Set(all.map(\.id)).count == 400)
    }

    @Test func killedWritersNeverLeaveABrokenFile() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("b.json").path
        var saved: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: S.binary)
            p.arguments = ["bookmarks", "add", "--doc", "2", "--block", "\(round % 100)", S.texts]
            var env = ProcessInfo.processInfo.environment
            env["DUBEN_BOOKMARKS"] = path
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(p.processIdentifier, SIGKILL)
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            // The id is printed after the save returned.
            let id = printed.trimmingCharacters(in: .whitespacesAndNewlines)
            if !id.isEmpty { saved.insert(id) }
            let ids = Set(try BookmarkStore(path: path).read().map(\.id))
            #expect(saved.isSubset(of: ids), "round \(round): a returned save is missing")
        }
    }

    @Test func importTakesBackItsOwnExportAndSkipsDuplicates() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        let export = dir.appendingPathComponent("export.json").path
        #expect(try S.run(["bookmarks", "add", "--doc", "2", "--block", "17", "--note", S.hostileNote, S.texts], bookmarks: a).0 == 0)
        #expect(try S.run(["bookmarks", "export", "--format", "json", "--output", export], bookmarks: a).0 == 0)
        let (again, _, err) = try S.run(["bookmarks", "export", "--format", "json", "--output", export], bookmarks: a)
        #expect(again == 2 && err.contains("already exists"))
        let (status, out, _) = try S.run(["bookmarks", "import", export], bookmarks: b)
        #expect(status == 0 && out.hasPrefix("1 imported"))
        #expect(try S.run(["bookmarks", "import", export], bookmarks: b).1.hasPrefix("0 imported, 1 already there"))
        #expect(try BookmarkStore(path: b).read() == BookmarkStore(path: a).read())
    }

    /// Found by `scripts/fuzz bookmarks`: an annotation id "urn:Uuid:…" was kept whole as the
    /// bookmark's id, exported as "urn:uuid:urn:uuid:…" and imported back as another id.
    @Test func importedIdsSurviveExportAndImport() throws {
        for (raw, id) in [("urn:Uuid:1bbf3627-b6b9", "1BBF3627-B6B9"), ("URN:UUID:ab", "AB"), ("plain", "PLAIN"),
                          ("x-urn:uuid:y", "X-URN:UUID:Y"), ("urn:uuid:urn:uuid:z", "URN:UUID:Z")] {
            let json = """
            {"items": [{"id": "\(raw)", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "甲"},
             {"type": "TextPositionSelector", "start": 0, "end": 1}]}, "duben:document": {"id": "d", "title": "t", "block": 0}}]}
            """
            let first = try BookmarkImporter.bookmarks(fromAnnotations: Data(json.utf8))
            #expect(first.map(\.id) == [id])
            let again = try BookmarkImporter.bookmarks(fromAnnotations: BookmarkExporter.annotationCollection(first))
            #expect(again == first, "\(raw)")
        }
    }

    @Test func reanchoringAfterEditsAndOrphans() throws {
        let original = """
            标题
            第一段。
            第二段，这里有要收藏的一句话。后面还有文字。
            第三段。
            """
        func doc(_ text: String) -> Document {
            let source = SourceFile(path: "t.txt", bytes: Array(text.utf8))
            return DocumentParser(source: source).parse(lines: DocumentSplitter.split(source.bytes)[0])
        }
        let before = doc(original)
        var bookmarks = [Bookmark.make(in: before, block: 1, offset: 4, length: 10, id: "A", now: ISOTime.now())!]
        #expect(bookmarks[0].quote.exact == "这里有要收藏的一句话")
        let edited = doc("标题\n新加的段落。\n又一段。\n第一段。\n第二段，这里有要收藏的一句话。后面还有文字。\n第三段。\n")
        #expect(Reanchoring.refresh(&bookmarks, in: edited))
        #expect(bookmarks[0].block == 3 && bookmarks[0].offset == 4 && !bookmarks[0].orphaned)
        let trimmed = doc("标题\n第二段，这里有要收藏的一句话。后面还有文字。\n")
        _ = Reanchoring.refresh(&bookmarks, in: trimmed)
        #expect(bookmarks[0].block == 0)
        let gone = doc("标题\n第一段。\n第三段。\n")
        _ = Reanchoring.refresh(&bookmarks, in: gone)
        #expect(bookmarks.count == 1)
        #expect(bookmarks[0].orphaned)
    }

    @Test func aWholeQuotationIsOnePassageOverItsParagraphs() throws {
        let text = """
            摘编
            一、第一部分
            前一条。
            （2020年1月1日某讲话）
            第一段话。
            第二段话。
            第三段话。
            （2020年3月26日《携手抗疫共克时艰》）
            """
        func doc(_ text: String) -> Document {
            let source = SourceFile(path: "t.txt", bytes: Array(text.utf8))
            return DocumentParser(source: source).parse(lines: DocumentSplitter.split(source.bytes)[0])
        }
        let before = doc(text)
        let q = try #require(before.quotations.last)
        #expect(q.blocks.count == 3)
        var bookmarks = [try #require(Bookmark.make(in: before, quotation: q.index, id: "Q", now: ISOTime.now()))]
        let b = bookmarks[0]
        #expect(b.quote.exact == "第一段话。\n第二段话。\n第三段话。")
        #expect(b.block == q.blocks.lowerBound && b.offset == 0 && b.length == b.quote.exact.unicodeScalars.count)
        #expect(b.quote.prefix.hasSuffix("某讲话）") && b.quote.suffix.hasPrefix("（2020年3月26日"))
        #expect(b.citation?.date == "2020-03-26")
        #expect(b.blockRanges.map(\.block) == Array(q.blocks))
        #expect(b.blockRanges.map(\.range) == [0..<5, 0..<5, 0..<5])

        // Exports keep the paragraphs apart.
        let markdown = BookmarkExporter.markdown(bookmarks)
        #expect(markdown.contains("> 第一段话。\n>\n> 第二段话。\n>\n> 第三段话。\n"))
        let html = String(decoding: try BookmarkExporter.export(bookmarks, as: .html), as: UTF8.self)
        #expect(html.contains("<blockquote><p>第一段话。</p><p>第二段话。</p><p>第三段话。</p></blockquote>"))

        // Found again after paragraphs are added before it.
        let moved = doc(text.replacingOccurrences(of: "前一条。", with: "前一条。\n新的一段。\n又一段。"))
        #expect(Reanchoring.refresh(&bookmarks, in: moved))
        #expect(bookmarks[0].block == q.blocks.lowerBound + 2 && !bookmarks[0].orphaned)
        // Twice in the text: the place whose context matches wins.
        let twice = doc(text.replacingOccurrences(of: "前一条。\n（2020年1月1日某讲话）",
                                                  with: "第一段话。\n第二段话。\n第三段话。\n（2019年1月1日另一讲话）\n前一条。\n（2020年1月1日某讲话）"))
        _ = Reanchoring.refresh(&bookmarks, in: twice)
        #expect(bookmarks[0].block == twice.quotations.last!.blocks.lowerBound && !bookmarks[0].orphaned)
        // A paragraph of it edited: orphaned, kept.
        let edited = doc(text.replacingOccurrences(of: "第二段话。", with: "第二段改了。"))
        _ = Reanchoring.refresh(&bookmarks, in: edited)
        #expect(bookmarks.count == 1 && bookmarks[0].orphaned)
    }

    @Test func aRelativePathIsTakenFromTheCurrentDirectory() {
        let store = BookmarkStore(path: "bm.json")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(store.path == cwd + "/bm.json")
        #expect(store.statePath == cwd + "/state.json")
        #expect(BookmarkStore(path: "/tmp/x/b.json").statePath == "/tmp/x/state.json")
    }
}

@Suite("Last document read")
struct LastReadTests {
    @Test func savedWithThePositionsAndReadBack() throws {
        let dir = TestSupport.temporaryDirectory("duben-last")
        defer { TestSupport.remove(dir) }
        let store = PositionStore(path: dir.appendingPathComponent("state.json").path)
        #expect(try store.readContents().last == nil)
        try store.save(["a": (3, 4)], last: PositionStore.LastRead(document: "a", files: ["/x/Texts"]))
        #expect(try store.readContents().last == PositionStore.LastRead(document: "a", files: ["/x/Texts"]))
        #expect(try store.read()["a"]?.block == 3)
        // A save without a document keeps the last one.
        try store.save(["b": (1, 0)])
        #expect(try store.readContents().last?.document == "a")
        try store.save(searchHistory: ["x"])
        #expect(try store.readContents().last?.document == "a")
    }
}

