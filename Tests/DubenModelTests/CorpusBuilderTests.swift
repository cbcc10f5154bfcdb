import DubenModel
import Foundation
import Testing

/// Building a corpus from loaded files (`CorpusBuilder`, fed files made in memory) and the
/// loader that reads them first.
@Suite("Building a corpus")
struct CorpusBuilderTests {
    static func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: path, bytes: Array(text.utf8))
    }

    static func metadata(_ toml: String) throws -> MetadataFile {
        try MetadataFile(toml: toml, path: "duben.toml")
    }

    @Test func documentsOfEveryFileInOrder() throws {
        let a = Self.file("a.txt", "甲\n正文。\n\n\n\n乙\n正文。\n")
        let b = Self.file("b.txt", "丙\n正文。\n")
        let corpus = try CorpusBuilder().build([LoadedSource(file: a), LoadedSource(file: b, warnings: ["b.txt: note"])])
        #expect(corpus.documents.map(\.title) == ["甲", "乙", "丙"])
        #expect(corpus.documents.map(\.source.path) == ["a.txt", "a.txt", "b.txt"])
        #expect(corpus.files.map(\.path) == ["a.txt", "b.txt"])
        #expect(corpus.warnings == ["b.txt: note"])
    }

    @Test func repeatedTitlesGetSuffixesAcrossFiles() throws {
        let base = DocumentID.make(title: "同题")
        let corpus = try CorpusBuilder().build([
            LoadedSource(file: Self.file("a.txt", "同题\n一。\n\n\n\n同题\n二。\n")),
            LoadedSource(file: Self.file("b.txt", "同题\n三。\n\n\n\n别题\n四。\n")),
        ])
        #expect(corpus.documents.map(\.id) == [base, "\(base)-2", "\(base)-3", DocumentID.make(title: "别题")])
    }

    /// A `duben.toml` entry naming a de-duplicated id applies to that document only: ids are
    /// made unique before metadata is looked up. (It used to be looked up by the bare id.)
    @Test func metadataNamesADeduplicatedID() throws {
        let base = DocumentID.make(title: "同题")
        let meta = try Self.metadata("[[document]]\nid = \"\(base)-2\"\nplace = \"第二处\"\n")
        let corpus = try CorpusBuilder().build([LoadedSource(file: Self.file("a.txt", "同题\n一。\n\n\n\n同题\n二。\n"), metadata: meta)])
        #expect(corpus.documents.map(\.id) == [base, "\(base)-2"])
        #expect(corpus.documents[0].metadata == nil)
        #expect(corpus.documents[1].metadata?.place == "第二处")
    }

    @Test func metadataByTitleAppliesToEveryCopy() throws {
        let meta = try Self.metadata("[[document]]\ntitle = \"同题\"\nsource = \"某报\"\n")
        let corpus = try CorpusBuilder().build([LoadedSource(file: Self.file("a.txt", "同题\n一。\n\n\n\n同题\n二。\n"), metadata: meta)])
        #expect(corpus.documents.map(\.metadata?.source) == ["某报", "某报"])
    }

    /// Each file is looked up in its own directory's metadata.
    @Test func metadataIsPerFile() throws {
        let meta = try Self.metadata("[[document]]\ntitle = \"甲\"\nplace = \"此处\"\n")
        let corpus = try CorpusBuilder().build([
            LoadedSource(file: Self.file("x/a.txt", "甲\n正文。\n"), metadata: meta),
            LoadedSource(file: Self.file("y/a.txt", "甲\n正文。\n")),
        ])
        #expect(corpus.documents.map(\.metadata?.place) == ["此处", nil])
    }

    /// The metadata's year dates a report's passages: dates come after metadata, also for a
    /// de-duplicated id.
    @Test func metadataYearDatesAReportWithADeduplicatedID() throws {
        let report = "考察报道\n　　近日。4月20日至23日，某人考察。\n　　21日上午，某人来到某地。\n"
        let base = DocumentID.make(title: "考察报道")
        let meta = try Self.metadata("[[document]]\nid = \"\(base)-2\"\ndate = \"2021-04-20\"\n")
        let corpus = try CorpusBuilder().build([LoadedSource(file: Self.file("a.txt", report + "\n\n\n" + report), metadata: meta)])
        #expect(corpus.documents.map(\.kind) == [.report, .report])
        #expect(corpus.documents.map { $0.datedPassages.map(\.date.start.iso) } == [["--04-21"], ["2021-04-21"]])
        #expect(corpus.documents[1].dateline?.date.start.iso == "2021-04-20")
    }

    @Test func aFileWithoutADocumentIsEmpty() {
        let blank = Self.file("blank.txt", "\u{0C}\n\u{3000}\u{3000}\n\u{0C}")
        #expect(throws: LoadError.empty(path: "blank.txt")) {
            try CorpusBuilder().build([LoadedSource(file: Self.file("a.txt", "甲\n正文。\n")), LoadedSource(file: blank)])
        }
    }

    /// The builder and `DocumentParser.parse` agree on a document that stands alone.
    @Test func builderAgreesWithTheParser() throws {
        let text = "团结合作\n习近平\n一、第一部分\n　　第一，要团结。（2020年3月26日在某会议上的讲话）\n"
        let corpus = try CorpusBuilder().build([LoadedSource(file: Self.file("a.txt", text))])
        let parsed = Fixtures.documents(text)[0]
        let built = corpus.documents[0]
        #expect(built.id == parsed.id)
        #expect(built.kind == parsed.kind)
        #expect(built.blocks == parsed.blocks)
        #expect(built.toc.map(\.label) == parsed.toc.map(\.label))
        #expect(built.quotations.map(\.citation.text) == parsed.quotations.map(\.citation.text))
    }

    /// Through the loader, from disk: the same de-duplicated id in a directory's `duben.toml`.
    @Test func loaderAppliesADeduplicatedIDFromDisk() throws {
        let dir = Fixtures.temporaryDirectory()
        defer {
            do { try FileManager.default.removeItem(at: dir) } catch { Issue.record("cannot remove \(dir.path): \(error)") }
        }
        let base = DocumentID.make(title: "同题")
        try Data("同题\n正文一。\n\n\n\n同题\n正文二。\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("[[document]]\nid = \"\(base)-2\"\nplace = \"第二处\"\n".utf8).write(to: dir.appendingPathComponent("duben.toml"))
        let sources = try CorpusLoader().readSources(paths: [dir.path])
        #expect(sources.map(\.file.path) == [dir.appendingPathComponent("a.txt").path])
        #expect(!sources[0].metadata.isEmpty)
        let corpus = try CorpusLoader().load(paths: [dir.path])
        #expect(corpus.documents.map(\.id) == [base, "\(base)-2"])
        #expect(corpus.documents[0].metadata == nil)
        #expect(corpus.documents[1].metadata?.place == "第二处")
    }
}

extension CorpusBuilderTests {
    /// A duben.toml with a non-ASCII key is one error naming the file and line (TOMLKit would
    /// abort the process on it; found by fuzzing the configuration file, which shares TOMLKit).
    @Test func aMetadataFileWithANonASCIIKeyIsAnErrorNotACrash() {
        #expect(throws: LoadError.badMetadata(path: "/d/duben.toml", reason: "line 2: a key, a value or a table header is malformed (keys are ASCII letters, digits, - and _, or quoted)")) {
            try MetadataFile(toml: "[[document]]\n标题 = \"讲话\"\n", path: "/d/duben.toml")
        }
    }
}
