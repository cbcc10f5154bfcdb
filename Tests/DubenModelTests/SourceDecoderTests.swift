import DubenModel
import DubenTestSupport
import Foundation
import Testing

@Suite("Decoding and loading")
struct SourceDecoderTests {
    @Test func utf8WithBOM() throws {
        let d = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("标题\n".utf8))
        #expect(d.encoding == .utf8BOM)
        #expect(d.bytes == Array("标题\n".utf8))
    }

    @Test func utf16BothOrders() throws {
        let text = "标题\r\n正文。"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try SourceDecoder.decode(le).bytes == Array("标题\n正文。".utf8))
        #expect(try SourceDecoder.decode(be).encoding == .utf16BE)
    }

    @Test func invalidBytesAreReplacedAndCounted() throws {
        let d = try SourceDecoder.decode(Array("中文".utf8) + [0xFF, 0xC0] + Array("正文内容，足够长的有效文字。".utf8))
        #expect(d.encoding == .utf8)
        #expect(d.replacements == 2)
        #expect(String(decoding: d.bytes, as: UTF8.self) == "中文\u{FFFD}\u{FFFD}正文内容，足够长的有效文字。")
    }

    /// The word-at-a-time validator against the standard library's decoder, on mostly valid
    /// text with invalid fragments at random places (overlongs, surrogates, truncations, stray
    /// continuation bytes, values above U+10FFFF).
    @Test func validationAgreesWithTheStandardLibrary() throws {
        let valid: [[UInt8]] = [Array("中".utf8), Array("，".utf8), Array("a".utf8), Array("abcdefgh".utf8),
                                Array("é".utf8), Array("😀".utf8), Array("\u{E000}".utf8), Array("\u{FFFD}".utf8),
                                Array("\u{D7FF}".utf8), Array("\u{800}".utf8), Array("\n".utf8)]
        let invalid: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
                                  [0xE4, 0xB8], [0x80], [0xBF], [0xF0, 0x9F, 0x98], [0xFF], [0xC2], [0xF5, 0x80]]
        var rng = SplitMix(seed: 2020)
        for round in 0..<400 {
            var bytes: [UInt8] = Array("开头".utf8)
            for _ in 0..<Int.random(in: 1...120, using: &rng) {
                if Int.random(in: 0..<40, using: &rng) == 0 && round > 0 {
                    bytes += invalid.randomElement(using: &rng)!
                } else {
                    bytes += valid.randomElement(using: &rng)!
                }
            }
            let d = try SourceDecoder.decode(bytes)
            let expected = Array(String(decoding: bytes, as: UTF8.self).utf8)
            if d.encoding == .utf8 {
                #expect(d.bytes == expected, "bytes \(bytes)")
                #expect((d.replacements == 0) == (String(validating: bytes, as: UTF8.self) != nil))
            }
        }
    }

    @Test func nulMeansBinary() {
        #expect(throws: SourceDecoder.Failure.binary) { try SourceDecoder.decode([0x41, 0x00, 0x42]) }
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(throws: SourceDecoder.Failure.empty) { try SourceDecoder.decode([]) }
        #expect(throws: SourceDecoder.Failure.empty) { try SourceDecoder.decode(Array(" \n\r\n".utf8)) }
    }

    @Test func loaderErrorsNameTheFile() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let missing = dir.appendingPathComponent("missing.txt").path
        #expect(throws: LoadError.notFound(path: missing)) { try CorpusLoader().load(paths: [missing]) }
        #expect(throws: LoadError.noTexts(directory: dir.path)) { try CorpusLoader().load(paths: [dir.path]) }
        let binary = dir.appendingPathComponent("b.txt")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: binary)
        #expect(throws: LoadError.binary(path: binary.path)) { try CorpusLoader().load(paths: [binary.path]) }
        let empty = dir.appendingPathComponent("e.txt")
        try Data().write(to: empty)
        #expect(throws: LoadError.empty(path: empty.path)) { try CorpusLoader().load(paths: [empty.path]) }
        #expect(LoadError.empty(path: "e.txt").description == "e.txt: the file is empty (no text to read)")
        // Form feeds and ideographic spaces only: no document, so empty too.
        let blank = dir.appendingPathComponent("f.txt")
        try Data("\u{0C}\u{0C}\n\u{3000}\u{3000}\n\u{0C}".utf8).write(to: blank)
        #expect(throws: LoadError.empty(path: blank.path)) { try CorpusLoader().load(paths: [blank.path]) }
    }

    @Test func directoriesRecursiveSortedAndWarnings() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("乙\n正文。\n".utf8).write(to: dir.appendingPathComponent("b.txt"))
        try Data("甲\n正文。\n".utf8).write(to: dir.appendingPathComponent("sub/a.txt"))
        try Data("丙\n正文\u{FFFD}".utf8.map { $0 } + [0xFF] + Array("。很长很长的正文文字内容。".utf8)).write(to: dir.appendingPathComponent("c.txt"))
        try Data("忽略".utf8).write(to: dir.appendingPathComponent("notes.md"))
        let corpus = try CorpusLoader().load(paths: [dir.path])
        #expect(corpus.documents.map(\.title) == ["乙", "丙", "甲"])
        #expect(corpus.warnings.count == 1)
        #expect(corpus.warnings.first?.contains("c.txt: 1 invalid byte sequence") == true)
    }
}

/// Legacy Chinese encodings told apart: GB18030 (simplified) and Big5 (traditional), made with
/// iconv from known text, read back exactly.
@Suite("Big5 and GB18030")
struct LegacyEncodingTests {
    static func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        try TestSupport.iconv(text, to: encoding)
    }

    static let traditional = """
        團結合作是國際社會戰勝疫情最有力武器

        　　病毒沒有國界，疫情不分種族。在應對這場全球公共衛生危機的過程中，構建人類命運共同體的迫切性和重要性更加凸顯。唯有團結協作、攜手應對，國際社會才能戰勝疫情，維護人類共同家園。
        （2020年3月24日同哈薩克斯坦總統托卡耶夫通電話）

        """

    static let simplified = """
        团结合作是国际社会战胜疫情最有力武器

        　　病毒没有国界，疫情不分种族。在应对这场全球公共卫生危机的过程中，构建人类命运共同体的迫切性和重要性更加凸显。唯有团结协作、携手应对，国际社会才能战胜疫情，维护人类共同家园。
        （2020年3月24日同哈萨克斯坦总统托卡耶夫通电话）

        """

    @Test func aBig5FileOfTraditionalChineseReadsBackTheOriginal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { return }
        let decoded = try SourceDecoder.decode(try Self.iconv(Self.traditional, to: "BIG5"))
        #expect(decoded.encoding == .big5)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.traditional)
        #expect(decoded.replacements == 0)
    }

    @Test func aGB18030FileOfSimplifiedChineseStaysGB18030() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { return }
        let decoded = try SourceDecoder.decode(try Self.iconv(Self.simplified, to: "GB18030"))
        #expect(decoded.encoding == .gb18030)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.simplified)
    }

    @Test func aBig5FileLoadsAsADocumentWithItsCitation() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { return }
        let dir = TestSupport.temporaryDirectory("duben-big5")
        defer { TestSupport.remove(dir) }
        try Data(try Self.iconv(Self.traditional, to: "BIG5")).write(to: dir.appendingPathComponent("t.txt"))
        let corpus = try CorpusLoader().load(paths: [dir.path])
        #expect(corpus.documents.first?.title == "團結合作是國際社會戰勝疫情最有力武器")
        #expect(corpus.documents.first?.quotations.first?.citation.date.description == "2020-03-24")
    }
}
