import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// `--encoding NAME` through the binary: the reader (printing, as its output is not a
/// terminal here), `render`, `list` and `search --count`; an unknown name is one line, status 2.
@Suite("--encoding")
struct EncodingOptionTests {
    @Test func anUnknownNameIsOneLineAndStatus2() throws {
        for command in [["list"], ["render"], [], ["search", "-c", "x"]] {
            let r = try DubenProcess.run(command + ["--encoding", "klingon", TestSupport.textsPath])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr == "duben: --encoding klingon: unknown encoding; use one of \(SourceEncoding.forcedNames)\n")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func namedEncodingsReadFilesDetectionCannot() throws {
        guard TestSupport.hasIconv else { return }
        let dir = TestSupport.temporaryDirectory("duben-encoding")
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("t.txt")
        try Data(try TestSupport.iconv(LegacyEncodingFixture.traditional, to: "UTF-16BE")).write(to: file)
        let detected = try DubenProcess.run(["list", file.path])
        #expect(detected.status == 2)
        let list = try DubenProcess.run(["list", "--encoding", "utf-16be", file.path], environment: ["COLUMNS": "200"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("團結合作是國際社會戰勝疫情最有力武器"))
        let reader = try DubenProcess.run(["--encoding", "UTF-16BE", file.path])
        #expect(reader.status == 0)
        #expect(reader.stdout.contains("唯有團結協作"))
        let count = try DubenProcess.run(["search", "-c", "--encoding", "utf-16be", "國際", file.path])
        #expect(count.stdout == "2\n")
        // Big5 named is Big5 read; GB18030 named reads other characters: the text is not found.
        let big5 = dir.appendingPathComponent("big5.txt")
        try Data(try TestSupport.iconv(LegacyEncodingFixture.traditional, to: "BIG5")).write(to: big5)
        let right = try DubenProcess.run(["search", "-c", "--encoding", "big5", "國際", big5.path])
        #expect(right.stdout == "2\n")
        let wrong = try DubenProcess.run(["search", "-c", "--encoding", "gb18030", "國際", big5.path])
        #expect(wrong.stdout == "0\n")
        #expect(wrong.status == 1)
    }
}

/// The traditional-Chinese passage the encoding tests convert.
enum LegacyEncodingFixture {
    static let traditional = """
        團結合作是國際社會戰勝疫情最有力武器

        　　病毒沒有國界，疫情不分種族。在應對這場全球公共衛生危機的過程中，構建人類命運共同體的迫切性和重要性更加凸顯。唯有團結協作、攜手應對，國際社會才能戰勝疫情，維護人類共同家園。
        （2020年3月24日同哈薩克斯坦總統托卡耶夫通電話）

        """
}
