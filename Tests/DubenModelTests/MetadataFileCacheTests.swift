import DubenTestSupport
import Foundation
import Testing
@testable import DubenModel

/// A directory's `duben.toml` is parsed once for each version of it (TOMLKit keeps every
/// table it parses, so `R` used to grow the heap), and a changed file is read again.
@Suite struct MetadataFileCacheTests {
    static func write(_ text: String, to path: String, modified: Date) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
    }

    @Test func anUnchangedFileIsParsedOnceAndAChangedOneAgain() throws {
        let cache = MetadataFileCache()
        let dir = TestSupport.temporaryDirectory("duben-meta-cache")
        defer { TestSupport.remove(dir) }
        let path = dir.path + "/duben.toml"
        try Self.write("[[document]]\ntitle = \"一\"\ndate = \"2020-01-02\"\n", to: path, modified: Date(timeIntervalSince1970: 1_600_000_000))
        var parses = 0
        func read() throws -> MetadataFile {
            try cache.metadata(at: path, identity: try #require(FileIdentity.of(path: path))) { () throws(LoadError) -> MetadataFile in
                parses += 1
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                return try MetadataFile(toml: text, path: path)
            }
        }
        let a = try read()
        _ = try read()
        #expect(parses == 1)
        #expect(a.lookup(id: "x", title: "一")?.date?.start == PartialDate(query: "2020-01-02"))
        try Self.write("[[document]]\ntitle = \"一\"\ndate = \"2021-05-06\"\n", to: path, modified: Date(timeIntervalSince1970: 1_600_000_100))
        let b = try read()
        #expect(parses == 2)
        #expect(b.lookup(id: "x", title: "一")?.date?.start == PartialDate(query: "2021-05-06"))
        // A bad file: the same error each time, parsed once.
        try Self.write("[[document]]\ntitle = \n", to: path, modified: Date(timeIntervalSince1970: 1_600_000_200))
        #expect(throws: LoadError.self) { try read() }
        #expect(throws: LoadError.self) { try read() }
        #expect(parses == 3)
        #expect(cache.count == 1)
    }

    @Test func theLoaderReadsAChangedMetadataFileAgain() throws {
        let dir = TestSupport.temporaryDirectory("duben-meta-loader")
        defer { TestSupport.remove(dir) }
        try "一篇\n\n　　正文。\n".write(toFile: dir.path + "/a.txt", atomically: true, encoding: .utf8)
        let meta = dir.path + "/duben.toml"
        try Self.write("[[document]]\ntitle = \"一篇\"\ndate = \"2020-01-02\"\n", to: meta, modified: Date(timeIntervalSince1970: 1_600_000_000))
        let first = try CorpusLoader().load(paths: [dir.path])
        #expect(first.documents[0].date?.start == PartialDate(query: "2020-01-02"))
        try Self.write("[[document]]\ntitle = \"一篇\"\ndate = \"2022-03-04\"\n", to: meta, modified: Date(timeIntervalSince1970: 1_600_000_100))
        let again = try CorpusLoader().load(paths: [dir.path])
        #expect(again.documents[0].date?.start == PartialDate(query: "2022-03-04"))
    }
}
