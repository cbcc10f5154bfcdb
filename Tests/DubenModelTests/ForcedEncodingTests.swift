import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// `--encoding`: a file read in the encoding the user names, whatever detection would say.
/// Fixtures are made with iconv from known text.
@Suite("Forced encodings")
struct ForcedEncodingTests {
    static let simplified = LegacyEncodingTests.simplified
    static let traditional = LegacyEncodingTests.traditional

    @Test func namesAsUsersWriteThem() {
        #expect(SourceEncoding(name: "UTF-8") == .utf8)
        #expect(SourceEncoding(name: "utf8") == .utf8)
        #expect(SourceEncoding(name: "utf-16le") == .utf16LE)
        #expect(SourceEncoding(name: "UTF_16BE") == .utf16BE)
        #expect(SourceEncoding(name: "GBK") == .gb18030)
        #expect(SourceEncoding(name: "gb2312") == .gb18030)
        #expect(SourceEncoding(name: "gb18030") == .gb18030)
        #expect(SourceEncoding(name: "Big5") == .big5)
        #expect(SourceEncoding(name: "latin1") == nil)
        #expect(SourceEncoding(name: "") == nil)
    }

    @Test func utf16WithoutAByteOrderMarkIsReadWhenNamed() throws {
        guard TestSupport.hasIconv else { return }
        for (name, encoding) in [("UTF-16LE", SourceEncoding.utf16LE), ("UTF-16BE", .utf16BE)] {
            let raw = try TestSupport.iconv(Self.simplified, to: name)
            #expect(!raw.starts(with: [0xFF, 0xFE]) && !raw.starts(with: [0xFE, 0xFF]), "iconv wrote a byte-order mark")
            // Detected, NUL bytes make it binary; named, it is the text.
            #expect(throws: SourceDecoder.Failure.binary) { try SourceDecoder.decode(raw) }
            let decoded = try SourceDecoder.decode(raw, forcing: encoding)
            #expect(decoded.encoding == encoding)
            #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.simplified)
            #expect(decoded.replacements == 0)
        }
    }

    @Test func theNamedLegacyEncodingWinsOverDetection() throws {
        guard TestSupport.hasIconv else { return }
        let big5 = try TestSupport.iconv(Self.traditional, to: "BIG5")
        let asBig5 = try SourceDecoder.decode(big5, forcing: .big5)
        #expect(asBig5.encoding == .big5)
        #expect(String(decoding: asBig5.bytes, as: UTF8.self) == Self.traditional)
        // Read as GB18030 because the user said so: other characters, no guess, no doubt.
        let asGB = try SourceDecoder.decode(big5, forcing: .gb18030)
        #expect(asGB.encoding == .gb18030)
        #expect(asGB.doubt == nil)
        #expect(String(decoding: asGB.bytes, as: UTF8.self) != Self.traditional)
        let gb = try TestSupport.iconv(Self.simplified, to: "GBK")
        #expect(String(decoding: try SourceDecoder.decode(gb, forcing: .gb18030).bytes, as: UTF8.self) == Self.simplified)
    }

    @Test func utf8NamedForAGB18030FileReplacesWhatIsInvalid() throws {
        guard TestSupport.hasIconv else { return }
        let gb = try TestSupport.iconv(Self.simplified, to: "GB18030")
        #expect(try SourceDecoder.decode(gb).encoding == .gb18030)
        let forced = try SourceDecoder.decode(gb, forcing: .utf8)
        #expect(forced.encoding == .utf8)
        #expect(forced.replacements > 0)
        // A byte-order mark of the named encoding is dropped, as detection drops it.
        let bom = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("标题\n".utf8), forcing: .utf8)
        #expect(bom.bytes == Array("标题\n".utf8))
    }

    @Test func theLoaderReadsEveryFileOfADirectoryInTheNamedEncoding() throws {
        guard TestSupport.hasIconv else { return }
        let dir = TestSupport.temporaryDirectory("duben-forced")
        defer { TestSupport.remove(dir) }
        try Data(try TestSupport.iconv(Self.traditional, to: "UTF-16LE")).write(to: dir.appendingPathComponent("a.txt"))
        try Data(try TestSupport.iconv(Self.simplified, to: "UTF-16LE")).write(to: dir.appendingPathComponent("b.txt"))
        let corpus = try CorpusLoader(encoding: .utf16LE).load(paths: [dir.path])
        #expect(corpus.documents.map(\.title) == ["團結合作是國際社會戰勝疫情最有力武器", "团结合作是国际社会战胜疫情最有力武器"])
        #expect(corpus.warnings.isEmpty)
        // Detected, both are binary and skipped.
        #expect(throws: LoadError.self) { try CorpusLoader().load(paths: [dir.path]) }
    }
}
