import DubenTestSupport
import Foundation
import Testing

/// `duben quotes` through the built binary (no terminal needed).
@Suite("duben quotes")
struct QuotesCommandTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duben")
    }

    /// Runs `duben quotes ARGUMENTS PATH` (default: the bundled texts) and returns its status
    /// and standard output.
    static func quotes(_ arguments: [String], path: String = TestSupport.textsPath) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["quotes"] + arguments + [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Full-width digits match the digits of the text: `--match ２０２０` finds what
    /// `--match 2020` finds.
    @Test func matchFoldsFullWidthDigits() throws {
        let half = try Self.quotes(["--match", "2020", "--json"])
        let full = try Self.quotes(["--match", "２０２０", "--json"])
        #expect(half.status == 0 && full.status == 0)
        #expect(half.stdout.contains("\"citation\""))
        #expect(full.stdout == half.stdout)
    }

    /// `--occasion` folds the same way (the bundled occasions are all Chinese: a file of its own).
    @Test func occasionFoldsWidthAndCase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duben-quotes-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("""
            讲话摘编

            　　要坚持人民至上。（2020年5月22日在参加内蒙古代表团审议时的讲话）

            　　要坚持科学防治。（2020年6月2日同WHO总干事通电话）

            　　要坚持生命至上。（2020年5月24日在参加湖北代表团审议时的讲话）
            """.utf8).write(to: URL(fileURLWithPath: path))
        let ascii = try Self.quotes(["--occasion", "WHO", "--json"], path: path)
        #expect(ascii.status == 0)
        #expect(ascii.stdout.contains("同WHO总干事通电话"))
        #expect(!ascii.stdout.contains("内蒙古"))
        for other in ["who", "ＷＨＯ", "ｗｈｏ"] {
            #expect(try Self.quotes(["--occasion", other, "--json"], path: path).stdout == ascii.stdout, "\(other)")
        }
    }
}
