import DubenLayout
import DubenTestSupport
import Foundation
import Testing

/// `duben search` through the built binary: counts against grep, the JSON's citations, exit
/// status, errors, the width of the listing.
@Suite("duben search")
struct SearchCommandTests {
    static let corpusFile = TestSupport.textsPath + "/corpus-2020.txt"

    /// `grep -o [-F|-E] PATTERN FILE | wc -l`, in a UTF-8 locale.
    static func grepCount(_ pattern: String, literal: Bool, file: String = corpusFile) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "grep -o \(literal ? "-F" : "-E") -e \"$1\" \"$2\" | wc -l", "sh", pattern, file]
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `duben search --count ARGUMENTS` as a number, with its status.
    static func count(_ arguments: [String]) throws -> (Int?, Int32) {
        let r = try DubenProcess.run(["search", "--count"] + arguments)
        return (Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), r.status)
    }

    /// Writes a text into a new temporary directory; the caller removes the directory.
    static func temporaryText(_ text: String) throws -> (URL, String) {
        let dir = TestSupport.temporaryDirectory("duben-search")
        let path = dir.appendingPathComponent("t.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (dir, path)
    }

    /// Ten patterns, literal and regex: `--count` is grep's `-o | wc -l` on the same file.
    @Test(arguments: [
        ("特朗普", true), ("命运共同体", true), ("疫情防控", true), ("新冠肺炎", true), ("（2020年", true),
        ("命运.*共同体", false), ("特朗普|马克龙", false), ("[0-9]+月[0-9]+日", false), ("同.{1,6}通电话", false),
        ("人民(群众)?", false),
    ])
    func countAgreesWithGrep(pattern: String, literal: Bool) throws {
        let expected = try Self.grepCount(pattern, literal: literal)
        #expect(expected > 0)
        let (n, status) = try Self.count((literal ? ["-F"] : []) + [pattern, Self.corpusFile])
        #expect(n == expected, "\(pattern)")
        #expect(status == 0)
        // Through the listing (documents parsed) as well: one line per match.
        let listed = try DubenProcess.run(["search"] + (literal ? ["-F"] : []) + [pattern, Self.corpusFile])
        #expect(listed.stdout.split(separator: "\n").count == expected)
    }

    /// Full-width digits find the ASCII digits too: the count is grep's for both forms together.
    @Test func fullWidthDigitsCountBothForms() throws {
        let expected = try Self.grepCount("2020年", literal: true) + Self.grepCount("２０２０年", literal: true)
        #expect(expected > 0)
        for args in [["-F", "２０２０年"], ["２０２０年"], ["[２2]０20年"]] {
            let (n, _) = try Self.count(args + [Self.corpusFile])
            #expect(n == expected, "\(args)")
        }
    }

    /// A match in a quotation carries its date, occasion and citation; the document, block and
    /// offset find the text again.
    @Test func jsonCarriesTheCitation() throws {
        let r = try DubenProcess.run(["search", "--json", "特朗普", Self.corpusFile])
        #expect(r.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [[String: Any]])
        #expect(hits.count == 5)
        for hit in hits {
            #expect(hit["dated"] as? String == "quotation")
            #expect((hit["citation"] as? String)?.contains("同美国总统特朗普通电话") == true)
            #expect((hit["occasion"] as? String)?.contains("特朗普") == true)
            #expect(hit["match"] as? String == "特朗普")
            #expect((hit["context"] as? String)?.contains("特朗普") == true)
            #expect(hit["quotation"] is Int && hit["block"] is Int && hit["offset"] is Int && hit["byte"] is Int)
            #expect(hit["documentTitle"] is String && hit["document"] is String)
        }
        #expect(hits.compactMap { $0["date"] as? String }.sorted() == ["2020-02-07", "2020-03-27", "2020-03-27", "2020-03-27", "2020-03-27"])
        // The offset is in scalars of the block: the block's text there starts with the match.
        let corpus = TestSupport.bundled
        for hit in hits {
            let doc = try #require(corpus.documents.first { $0.id == hit["document"] as? String })
            let text = Array(doc.text(of: hit["block"] as! Int).unicodeScalars)
            let offset = hit["offset"] as! Int
            #expect(String(String.UnicodeScalarView(text[offset..<(offset + 3)])) == "特朗普")
            // The byte offset is the file's.
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.corpusFile)))
            let byte = hit["byte"] as! Int
            #expect(String(decoding: bytes[byte..<(byte + 9)], as: UTF8.self) == "特朗普")
        }
        // A match outside quotations has no citation.
        let plain = try DubenProcess.run(["search", "--json", "-F", "习近平在陕西考察时强调", Self.corpusFile])
        let first = try #require((try JSONSerialization.jsonObject(with: plain.stdoutData) as? [[String: Any]])?.first)
        #expect(first["citation"] is NSNull && first["quotation"] is NSNull)
    }

    /// Exit status: 0 matched, 1 nothing matched, 2 an error (one line naming the problem).
    @Test func exitStatusAndErrors() throws {
        #expect(try DubenProcess.run(["search", "特朗普", Self.corpusFile]).status == 0)
        let none = try DubenProcess.run(["search", "没有这个词组", Self.corpusFile])
        #expect(none.status == 1 && none.stdout.isEmpty)
        let noneCount = try DubenProcess.run(["search", "-c", "没有这个词组", Self.corpusFile])
        #expect(noneCount.status == 1 && noneCount.stdout == "0\n")
        let noneJSON = try DubenProcess.run(["search", "--json", "没有这个词组", Self.corpusFile])
        #expect(noneJSON.status == 1 && noneJSON.stdout == "[]\n")
        let bad = try DubenProcess.run(["search", "(", Self.corpusFile])
        #expect(bad.status == 2)
        #expect(bad.stderr == "duben: invalid pattern \"(\": unmatched ( at character 1\n")
        let badCount = try DubenProcess.run(["search", "-c", "人类(命运", Self.corpusFile])
        #expect(badCount.status == 2 && badCount.stderr.contains("at character 3"))
        let missing = try DubenProcess.run(["search", "-c", "特朗普", "/nonexistent/x.txt"])
        #expect(missing.status == 2 && missing.stderr == "duben: /nonexistent/x.txt: no such file or directory\n")
        let missingList = try DubenProcess.run(["search", "特朗普", "/nonexistent/x.txt"])
        #expect(missingList.status == 2 && missingList.stderr.contains("/nonexistent/x.txt"))
    }

    /// --from/--to keep dated matches only; --doc one document.
    @Test func datesAndDocument() throws {
        #expect(try Self.count(["--from", "2020-03-27", "--to", "2020-03-27", "特朗普", Self.corpusFile]).0 == 4)
        #expect(try Self.count(["--to", "2020-02", "特朗普", Self.corpusFile]).0 == 1)
        let (none, status) = try Self.count(["--from", "2021", "特朗普", Self.corpusFile])
        #expect(none == 0 && status == 1)
        let list = try DubenProcess.run(["list", "--json", Self.corpusFile])
        let docs = try #require(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        var total = 0
        for doc in docs {
            let (n, _) = try Self.count(["--doc", doc["id"] as! String, "命运.*共同体", Self.corpusFile])
            total += n ?? 0
        }
        #expect(total == 26)
        let unknown = try DubenProcess.run(["search", "--doc", "没有这篇", "特朗普", Self.corpusFile])
        #expect(unknown.status == 2 && unknown.stderr.contains("--doc 没有这篇"))
    }

    /// `--on` keeps the matches in items known to fall on that day; a coarser date is left out
    /// and counted on standard error, and `--overlap` brings it back (as `--from D --to D`).
    @Test func onMeansThatDay() throws {
        let exact = try DubenProcess.run(["search", "--count", "--on", "2020-03-27", "疫情", Self.corpusFile])
        let wide = try Self.count(["--on", "2020-03-27", "--overlap", "疫情", Self.corpusFile]).0
        let range = try Self.count(["--from", "2020-03-27", "--to", "2020-03-27", "疫情", Self.corpusFile]).0
        let n = try #require(Int(exact.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(n > 0 && n < (wide ?? 0))
        #expect(wide == range)
        #expect(exact.stderr.contains("\((wide ?? 0) - n) more matches dated more coarsely than 2020-03-27: --overlap includes them"),
                "\(exact.stderr)")
    }

    /// Literal mode, case and width folding, on a text of its own.
    @Test func literalModeAndCase() throws {
        let (dir, path) = try Self.temporaryText("标题\n\n　　axb 与 a.b，WHO 与 ｗｈｏ 与 who。\n")
        defer { TestSupport.remove(dir) }
        #expect(try Self.count(["a.b", path]).0 == 2)
        #expect(try Self.count(["-F", "a.b", path]).0 == 1)
        #expect(try Self.count(["who", path]).0 == 3)
        #expect(try Self.count(["-i", "who", path]).0 == 3)
        #expect(try Self.count(["-s", "who", path]).0 == 2)
        #expect(try Self.count(["-s", "-F", "WHO", path]).0 == 1)
    }

    /// Each line is `document · date or section · context`, cut to COLUMNS by display width.
    @Test func linesFitTheWidth() throws {
        for columns in [40, 60, 100] {
            let r = try DubenProcess.run(["search", "命运|共同体|疫情", Self.corpusFile], environment: ["COLUMNS": "\(columns)"])
            #expect(r.status == 0)
            let lines = r.stdout.split(separator: "\n")
            #expect(lines.count > 50)
            for line in lines {
                #expect(DisplayWidth().width(of: line) <= columns, "\(line)")
                #expect(line.components(separatedBy: " · ").count >= 3)
            }
        }
        let dated = try DubenProcess.run(["search", "特朗普", Self.corpusFile], environment: ["COLUMNS": "100"])
        #expect(dated.stdout.split(separator: "\n").allSatisfy { $0.contains(" · 2020-0") && $0.contains("特朗普") })
    }
}
