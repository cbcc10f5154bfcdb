import DubenTestSupport
import Foundation
import Testing
@testable import DubenModel

/// Large plain UTF-8 files are mapped and parsed in place; everything else is read and decoded.
@Suite struct SourceBytesTests {
    /// The bundled text repeated to at least `minimum` bytes, written to `dir/name` and dated an
    /// hour ago (a file modified in the last two seconds is read, not mapped).
    static func write(_ dir: URL, _ name: String, minimum: Int, transform: (Data) -> Data = { $0 }) throws -> String {
        let one = try Data(contentsOf: URL(fileURLWithPath: TestSupport.textsPath + "/corpus-2020.txt"))
        var data = Data()
        while data.count < minimum { data.append(one); data.append(Data("\n\n\n\n".utf8)) }
        let path = dir.appendingPathComponent(name).path
        try transform(data).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        return path
    }

    @Test func aLargePlainFileIsMappedAndParsesAsTheSameTextRead() throws {
        let dir = TestSupport.temporaryDirectory("duben-map")
        defer { TestSupport.remove(dir) }
        let path = try Self.write(dir, "big.txt", minimum: 2 << 20)
        let mapped = try CorpusLoader().read(path)
        #expect(mapped.bytes.isMapped)
        let (raw, _) = try CorpusLoader.readBytes(path)
        #expect(mapped.bytes.elementsEqual(raw))
        let inMemory = SourceFile(path: path, bytes: raw)
        #expect(!inMemory.bytes.isMapped)
        var a = CorpusBuilder(), b = CorpusBuilder()
        a.add(LoadedSource(file: mapped))
        b.add(LoadedSource(file: inMemory))
        LibraryIndexerTests.expectSame(a.corpus, b.corpus)
        #expect(a.corpus.documents.count > 20)
    }

    @Test func smallRecentCRAndBOMFilesAreReadAndDecodedNotMapped() throws {
        let dir = TestSupport.temporaryDirectory("duben-map")
        defer { TestSupport.remove(dir) }
        let small = try Self.write(dir, "small.txt", minimum: 10_000)
        #expect(try !CorpusLoader().read(small).bytes.isMapped)
        let crlf = try Self.write(dir, "crlf.txt", minimum: 2 << 20) { data in
            Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        let decoded = try CorpusLoader().read(crlf)
        #expect(!decoded.bytes.isMapped && !decoded.bytes.contains(0x0D))
        let bom = try Self.write(dir, "bom.txt", minimum: 2 << 20) { Data([0xEF, 0xBB, 0xBF]) + $0 }
        #expect(try CorpusLoader().read(bom).encoding == .utf8BOM)
        let recent = try Self.write(dir, "recent.txt", minimum: 2 << 20)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: recent)
        #expect(try !CorpusLoader().read(recent).bytes.isMapped)
    }

    @Test func readingPastTheEndOfAMappedFileCutShortGivesZerosNotSIGBUS() throws {
        let dir = TestSupport.temporaryDirectory("duben-map")
        defer { TestSupport.remove(dir) }
        let path = try Self.write(dir, "big.txt", minimum: 4 << 20)
        let file = try CorpusLoader().read(path)
        #expect(file.bytes.isMapped)
        let faults = SourceBytes.mappingFaults
        #expect(truncate(path, 8192) == 0)
        // The last byte (a line feed before) now lies past the end of the file.
        let last = file.bytes[file.bytes.count - 1]
        #expect(last == 0)
        #expect(file.bytes[0] == (try Data(contentsOf: URL(fileURLWithPath: path)))[0])
        #expect(SourceBytes.mappingFaults > faults)
    }

    @Test func anArrayIsKeptNotCopiedAndComparesByContent() {
        let bytes = SourceBytes(Array("读本".utf8))
        #expect(bytes == SourceBytes(Array("读本".utf8)) && bytes != SourceBytes([0x41]))
        #expect(String(decoding: bytes[0..<3], as: UTF8.self) == "读")
        #expect(SourceBytes([]).isEmpty)
    }
}

extension SourceBytesTests {
    @Test func aFileOf4GiBOrMoreIsRefusedWithOneLineBeforeItIsRead() throws {
        let dir = TestSupport.temporaryDirectory("duben-huge")
        defer { TestSupport.remove(dir) }
        // Sparse: no disk is used.
        let path = dir.path + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("标题\n\n正文。\n".utf8)))
        #expect(truncate(path, off_t(SourceFile.maximumSize) + 1) == 0)
        #expect(throws: LoadError.tooLarge(path: path)) { try CorpusLoader().read(path) }
        #expect(LoadError.tooLarge(path: path).description == "\(path): too large (duben reads texts of less than 4 GiB)")
    }
}
