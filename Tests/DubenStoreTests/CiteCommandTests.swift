import CSV
import DubenModel
import DubenStore
import DubenTestSupport
import Foundation
import Testing

/// `duben cite`, the exports' styles and formats, the version-1 fixture through the binary, and
/// pandoc over a `--citations pandoc` export.
@Suite("Cite and export")
struct CiteCommandTests {
    typealias S = StoreSupport

    static var speech: Document { S.corpus.documents[2] }

    /// A fresh copy of the version-1 fixture in a temporary directory.
    func fixtureCopy(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("bookmarks.json").path
        try Data(contentsOf: CitationTests.fixture).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The rows of a CSV export as dictionaries by column name.
    func csvRows(_ text: String) throws -> [[String: String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })) }
        return rows
    }

    @Test func aVersionOneFileExportsWithTheTextsFactsAndIsUpgradedByTheNextWrite() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = try fixtureCopy(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let (status, md, err) = try S.run(["bookmarks", "export", "--format", "markdown"], bookmarks: path)
        #expect(status == 0 && err.isEmpty)
        #expect(md.contains("习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）"))
        #expect(md.contains("习近平 · 2018年2月12日 · 四川省成都市"))
        #expect(md.contains("习近平（2020年3月27日同美国总统特朗普通电话）"))
        #expect(md.contains("新华社：《习近平在陕西考察时强调"))
        let (_, csv, _) = try S.run(["bookmarks", "export", "--format", "csv"], bookmarks: path)
        let rows = try csvRows(csv)
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { !($0["kind"] ?? "").isEmpty && !($0["document_date"] ?? "").isEmpty && !($0["title"] ?? "").isEmpty })
        #expect(rows.filter { $0["author"] == "习近平" }.count == 4)
        let (_, list, _) = try S.run(["bookmarks", "list"], bookmarks: path)
        #expect(list.contains("2018-02-12") && list.contains("2020-04-20/23") && !list.contains("—  "))
        // Reading and exporting never write.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // The next write: version 2, every bookmark kept and filled.
        #expect(try S.run(["bookmarks", "add", "--doc", "3", "--block", "5", S.texts], bookmarks: path).0 == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(root["version"] as? Int == 2)
        let all = try BookmarkStore(path: path).read()
        let old = try BookmarkStore(path: CitationTests.fixture.path).read()
        #expect(all.count == 6)
        #expect(Set(old.map(\.id)).isSubset(of: Set(all.map(\.id))))
        for b in old {
            let now = try #require(all.first { $0.id == b.id })
            #expect(now.quote == b.quote && now.note == b.note && now.label == b.label && now.created == b.created)
            #expect(now.kind != nil && now.documentDate != nil)
        }
    }

    /// The 一诺千金 passage: the sentence that holds it and the next, numbered from 1.
    func yiNuoQianJinSentences() throws -> (block: Int, first: Int, range: Range<Int>) {
        let (block, range) = try CitationTests.yiNuoQianJin()
        let first = try #require(Self.speech.sentences(of: block).firstIndex { $0.lowerBound == range.lowerBound })
        return (block, first + 1, range)
    }

    @Test func citePrintsWhatTheExportPrints() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("b.json").path
        let (block, first, range) = try yiNuoQianJinSentences()
        let doc = Self.speech.id
        let (added, idLine, _) = try S.run(["bookmarks", "add", "--doc", doc, "--block", "\(block)", "--offset", "\(range.lowerBound)",
                                            "--length", "\(range.count)", S.texts], bookmarks: path)
        #expect(added == 0)
        let id = idLine.trimmingCharacters(in: .whitespacesAndNewlines)
        let styles: [[String]] = [[], ["--style", "source"], ["--style", "gbt7714"], ["--template", "{author}：《{title}》（{date}）{section}"]]
        for style in styles {
            let (status, cited, err) = try S.run(["cite", "--doc", doc, "--block", "\(block)", "--sentences", "\(first)-\(first + 1)"] + style + [S.texts],
                                                 bookmarks: path)
            #expect(status == 0 && err.isEmpty, "\(style): \(err)")
            let lines = cited.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count == 3 && lines[2].isEmpty)
            #expect(lines[0] == "一诺千金。党的十八大以来，各省区市党政一把手向中央签军令状的，只有脱贫攻坚这一项工作。")
            let (_, csv, _) = try S.run(["bookmarks", "export", "--format", "csv"] + style, bookmarks: path)
            let row = try #require(try csvRows(csv).first)
            #expect(row["passage"] == lines[0])
            #expect(row["citation"] == lines[1], "\(style)")
            // The bookmark itself, cited.
            #expect(try S.run(["cite", "--bookmark", String(id.prefix(8))] + style, bookmarks: path).1 == cited)
            // Markdown (escaped) and html hold the same line.
            let (_, md, _) = try S.run(["bookmarks", "export", "--format", "markdown"] + style, bookmarks: path)
            #expect(md.replacingOccurrences(of: "\\", with: "").contains("\n" + lines[1] + "\n"))
        }
        let (_, source, _) = try S.run(["cite", "--doc", doc, "--block", "\(block)", "--sentences", "\(first)-\(first + 1)"], bookmarks: path)
        #expect(source.hasSuffix("\n习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）\n"))
        // A whole block, and one sentence.
        let (_, whole, _) = try S.run(["cite", "--doc", doc, "--block", "\(block)"], bookmarks: path)
        #expect(whole.hasPrefix(Self.speech.text(of: block) + "\n"))
        let (_, one, _) = try S.run(["cite", "--doc", doc, "--block", "\(block)", "--sentences", "\(first)"], bookmarks: path)
        #expect(one.hasPrefix("一诺千金。\n"))
    }

    @Test func citeSaysWhatIsWrongInOneLine() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("b.json").path
        let cases: [([String], String)] = [
            (["cite", "--doc", "nosuch", "--block", "1"], "--doc nosuch"),
            (["cite", "--doc", "3", "--block", "999"], "--block 999: 187a0f61 has blocks 0–"),
            (["cite", "--doc", "3", "--block", "32", "--sentences", "7-99"], "--sentences 7-99: block 32 of 187a0f61 has sentences 1–"),
            (["cite", "--doc", "3", "--block", "32", "--sentences", "x"], "--sentences x:"),
            (["cite", "--doc", "3", "--block", "32", "--sentences", "4-2"], "--sentences 4-2:"),
            (["cite", "--bookmark", "ffff"], "--bookmark ffff: no bookmark"),
        ]
        for (arguments, message) in cases {
            let (status, out, err) = try S.run(arguments, bookmarks: path)
            #expect(status != 0, "\(arguments)")
            #expect(out.isEmpty)
            #expect(err.split(separator: "\n").count == 1, "\(arguments): \(err)")
            #expect(err.contains(message), "\(arguments): \(err)")
        }
        let (status, _, err) = try S.run(["cite", "--doc", "3", "--block", "1", "--template", "{autor}"], bookmarks: path)
        #expect(status == 64 && err.contains("unknown field {autor}"))
        let (badStyle, _, styleErr) = try S.run(["bookmarks", "export", "--format", "csv", "--style", "apa"], bookmarks: path)
        #expect(badStyle == 64 && styleErr.contains("unknown citation style \"apa\""))
    }

    @Test func cslJSONItems() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = try fixtureCopy(dir)
        let (status, out, _) = try S.run(["bookmarks", "export", "--format", "csl-json"], bookmarks: path)
        #expect(status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        // The speech (two bookmarks, one item), two quotations, the report.
        #expect(items.count == 4)
        #expect(Set(items.compactMap { $0["id"] as? String }).count == 4)
        let allowed: Set<String> = ["id", "type", "title", "author", "issued", "event-title", "event", "event-place", "container-title",
                                    "publisher", "genre", "language", "custom"]
        for item in items { #expect(Set(item.keys).isSubset(of: allowed), "\(item.keys)") }
        func item(_ type: String, _ title: String) throws -> [String: Any] {
            try #require(items.first { $0["type"] as? String == type && ($0["title"] as? String)?.hasPrefix(title) == true })
        }
        let speech = try item("speech", "在打好精准脱贫攻坚战座谈会上的讲话")
        #expect((speech["author"] as? [[String: String]]) == [["literal": "习近平"]])
        #expect((speech["issued"] as? [String: [[Int]]])?["date-parts"] == [[2018, 2, 12]])
        #expect(speech["event-title"] as? String == "打好精准脱贫攻坚战座谈会" && speech["event-place"] as? String == "四川省成都市")
        #expect(speech["language"] as? String == "zh-CN")
        let call = try item("personal_communication", "同美国总统特朗普通电话")
        #expect((call["issued"] as? [String: [[Int]]])?["date-parts"] == [[2020, 3, 27]] && call["genre"] as? String == "通电话")
        let telegram = try item("personal_communication", "就意大利")
        #expect((telegram["issued"] as? [String: [[Int]]])?["date-parts"] == [[2020, 3]])
        let report = try item("article-newspaper", "习近平在陕西考察时强调")
        #expect((report["issued"] as? [String: [[Int]]])?["date-parts"] == [[2020, 4, 20], [2020, 4, 23]])
        #expect((report["author"] as? [[String: String]]) == [["literal": "新华社"]])
        // The keys are stable: the same file exports the same items.
        #expect(try S.run(["bookmarks", "export", "--format", "csl-json"], bookmarks: path).1 == out)
    }

    @Test func theJSONExportStillPassesTheAnnotationChecker() throws {
        let checker = "/work/shared/conformance/check_annotations.py"
        guard FileManager.default.fileExists(atPath: checker) else { return }
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = try fixtureCopy(dir)
        let export = dir.appendingPathComponent("export.json").path
        #expect(try S.run(["bookmarks", "export", "--format", "json", "--output", export], bookmarks: path).0 == 0)
        let (status, out, _) = try Self.shell(["python3", checker, export])
        #expect(status == 0 && out.contains("5 annotations") && out.contains(" 0 failed"), "\(out)")
        // The json export takes the new facts back.
        let imported = try BookmarkImporter.bookmarks(fromAnnotations: Data(contentsOf: URL(fileURLWithPath: export)))
        #expect(imported.allSatisfy { $0.kind != nil && $0.documentDate != nil })
    }

    /// Runs a program found on PATH (through env): status, standard output, standard error.
    static func shell(_ arguments: [String], in directory: URL? = nil) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    static var hasPandoc: Bool { (try? shell(["sh", "-c", "command -v pandoc"]).0) == 0 }

    @Test(.enabled(if: CiteCommandTests.hasPandoc, "pandoc is not installed"))
    func pandocRendersTheExportWithAReferenceList() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = try fixtureCopy(dir)
        let md = dir.appendingPathComponent("notes.md").path, refs = dir.appendingPathComponent("refs.json").path
        let (status, _, err) = try S.run(["bookmarks", "export", "--format", "markdown", "--citations", "pandoc", "--bibliography", refs,
                                          "--output", md], bookmarks: path)
        #expect(status == 0 && err.isEmpty)
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: refs))) as? [[String: Any]])
        for key in items.compactMap({ $0["id"] as? String }) { #expect(markdown.contains("[@\(key)]")) }
        let (rendered, text, warnings) = try Self.shell(["pandoc", "--citeproc", "--bibliography", refs, "-t", "plain", "--wrap=none", md])
        #expect(rendered == 0)
        #expect(!warnings.contains("[WARNING]") && !warnings.contains("not found"), "\(warnings)")
        #expect(!text.contains("???") && !text.contains("duben-"))
        // The reference list: after the last passage, with the author and the titles.
        let references = try #require(text.range(of: "习近平. 2018.")).lowerBound
        let list = text[references...]
        #expect(list.contains("在打好精准脱贫攻坚战座谈会上的讲话"))
        #expect(list.contains("同美国总统特朗普通电话"))
        #expect(list.contains("就意大利发生新冠肺炎疫情致意大利总统马塔雷拉的慰问电"))
        #expect(list.contains("新华社. 2020."))
        #expect(text.contains("(习近平 2018)"))
    }
}
