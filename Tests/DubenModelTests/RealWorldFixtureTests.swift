import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Texts in the shapes people bring (web copy of compilations, reports, speeches, news, books;
/// written for these tests, in the forms of ../shared/FORMS.md), each `NAME.txt` in `RealWorld/`
/// with its expected structure in `NAME.json` beside it:
///
/// ```
/// {"documents": [{"kind": "report", "title": "…", "author": null, "date": "2024-03-05",
///   "dateEnd": null, "dateline": "2024-03-05", "datedPassages": 2,
///   "headings": [[1, "一、总体要求"], [2, "（一）工作目标"]], "runIns": ["第一，", "一是"],
///   "quotations": [{"date": "2020-03-27", "dateEnd": null, "occasion": "…", "starts": "…"}],
///   "ownBlocks": ["新华社记者 某某 摄"], "notes": ["（完）"]}]}
/// ```
///
/// Only the keys present are compared (null: expected absent). `headings` lists every heading
/// (not run-in) of the contents, level and label, in order; `runIns` the run-in points by the
/// start of their labels; `quotations` every quotation (count exact), each by the fields given;
/// `ownBlocks` lines that must each be a block of their own, whole (never glued to a
/// neighbour); `notes` every block of kind `.note` (bylines, credits, editor and source lines), in
/// order. Every fixture is also checked for lost text: every non-space character of the
/// file appears, in order, in the documents' titles, authors and blocks (web page furniture
/// before a title: its first `notesBeforeTitle` blocks, then the title).
@Suite("Real-world text fixtures")
struct RealWorldFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RealWorld")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func thereAreFixtures() {
        #expect(Self.names.count >= 1)
    }

    @Test(arguments: names)
    func fixture(_ name: String) throws {
        let text = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".txt"))
        let json = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let corpus = try CorpusBuilder().build([LoadedSource(file: SourceFile(path: name + ".txt", bytes: Array(text)))])
        let docs = try #require(expected["documents"] as? [[String: Any]])
        #expect(corpus.documents.count == docs.count, "\(name): \(corpus.documents.count) documents")
        for (i, e) in docs.enumerated() where i < corpus.documents.count {
            Self.check(corpus.documents[i], against: e, in: "\(name) #\(i + 1)")
        }
        Self.checkNothingLost(corpus, text: String(decoding: text, as: UTF8.self), name: name)
    }

    static func check(_ d: Document, against e: [String: Any], in context: String) {
        func value(_ key: String) -> Any? { e[key] is NSNull ? nil : e[key] }
        if e["kind"] != nil { #expect(d.kind.rawValue == value("kind") as? String, "\(context) kind") }
        if e["title"] != nil { #expect(d.title == value("title") as? String, "\(context) title") }
        if e["author"] != nil { #expect(d.author == value("author") as? String, "\(context) author") }
        if e["date"] != nil { #expect(d.date?.start.iso == value("date") as? String, "\(context) date") }
        if e["dateEnd"] != nil { #expect(d.date?.end?.iso == value("dateEnd") as? String, "\(context) dateEnd") }
        if e["dateline"] != nil { #expect(d.dateline?.date.start.iso == value("dateline") as? String, "\(context) dateline") }
        if let n = e["datedPassages"] as? Int { #expect(d.datedPassages.count == n, "\(context) dated passages") }
        if let headings = e["headings"] as? [[Any]] {
            let actual = d.toc.filter { !$0.isRunIn }.map { "\($0.level) \($0.label)" }
            let wanted = headings.map { "\($0[0]) \($0[1])" }
            #expect(actual == wanted, "\(context) headings")
        }
        if let runIns = e["runIns"] as? [String] {
            let actual = d.toc.filter(\.isRunIn).map(\.label)
            #expect(actual.count == runIns.count && zip(actual, runIns).allSatisfy { $0.hasPrefix($1) },
                    "\(context) run-in points: \(actual)")
        }
        if let quotations = e["quotations"] as? [[String: Any]] {
            #expect(d.quotations.count == quotations.count, "\(context) quotations: \(d.quotations.map { $0.citation.text })")
            for (q, w) in zip(d.quotations, quotations) {
                if w["date"] != nil { #expect(q.citation.date.start.iso == w["date"] as? String, "\(context) quotation \(q.index) date") }
                if w["dateEnd"] != nil { #expect(q.citation.date.end?.iso == w["dateEnd"] as? String, "\(context) quotation \(q.index) end") }
                if let o = w["occasion"] as? String { #expect(q.citation.occasion == o, "\(context) quotation \(q.index) occasion") }
                if let s = w["starts"] as? String { #expect(d.quotationText(q).hasPrefix(s), "\(context) quotation \(q.index) text") }
            }
        }
        if let own = e["ownBlocks"] as? [String] {
            let blocks = Set(d.blocks.indices.map { d.text(of: $0) })
            for line in own { #expect(blocks.contains(line), "\(context): not a block of its own: \(line)") }
        }
        if let notes = e["notes"] as? [String] {
            let actual = d.blocks.indices.filter { d.blocks[$0].kind == .note }.map { d.text(of: $0) }
            #expect(actual == notes, "\(context) notes")
        }
    }

    /// Every non-space scalar of the file, in order, in titles, authors and blocks (the notes
    /// before the title, `notesBeforeTitle`, come first).
    static func checkNothingLost(_ corpus: Corpus, text: String, name: String) {
        func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace || u == "\u{FEFF}" || u == "\u{0C}" }
        var shown: [Unicode.Scalar] = []
        for d in corpus.documents {
            let before = min(d.notesBeforeTitle, d.blocks.count)
            for b in 0..<before { shown += d.text(of: b).unicodeScalars.filter { !isSpace($0) } }
            shown += d.title.unicodeScalars.filter { !isSpace($0) }
            shown += (d.author ?? "").unicodeScalars.filter { !isSpace($0) }
            for b in before..<d.blocks.count { shown += d.text(of: b).unicodeScalars.filter { !isSpace($0) } }
        }
        let source = Array(text.unicodeScalars.filter { !isSpace($0) })
        var k = 0
        for u in shown where k < source.count && u == source[k] { k += 1 }
        #expect(k == source.count && shown.count == source.count,
                "\(name): text lost or added after \(String(String.UnicodeScalarView(source[max(0, k - 20)..<min(source.count, k + 10)])))")
    }
}
