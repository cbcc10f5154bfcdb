import DubenTestSupport
import Foundation
import Testing

/// Searching the library in a real terminal (tmux).
@Suite("Search in tmux", .serialized)
struct SearchEndToEndTests {
    /// `grep -o PATTERN FILE | wc -l`, run here.
    static func grepCount(_ pattern: String, _ file: String) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "grep -o -e \"$0\" \"$1\" | wc -l", pattern, file]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func aPhraseInTheLastDocumentIsFoundFromTheFirst() throws {
        let dir = TestSupport.temporaryDirectory("duben-search")
        defer { TestSupport.remove(dir) }
        try FileManager.default.copyItem(atPath: TestSupport.textsPath + "/corpus-2020.txt", toPath: dir.path + "/a.txt")
        try "最后一篇\n\n　　这里是全书的终章标记，别处没有。\n".write(toFile: dir.path + "/z.txt", atomically: true, encoding: .utf8)
        let pane = try TmuxPane("\(TmuxPane.binary) \(dir.path)")
        try pane.waitForReady()
        try pane.send("/")
        try pane.send("终章标记", literal: true)
        try pane.send("Enter")
        let s = try pane.waitFor(text: "match 1/1")
        #expect(s[0].hasSuffix("4/4"), "the last document is open: \(s[0])")
        #expect(s.joined().contains("document 4/4"))
    }

    @Test func nWalksEveryMatchAcrossTheLibraryAndWrapsOnce() throws {
        let pane = try TmuxPane.reader(columns: 120, rows: 24)
        try pane.send("/")
        try pane.send("特朗普", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "match 1/5 · 5 in library")
        for k in 2...5 {
            try pane.send("n")
            try pane.waitFor(text: "match \(k)/5")
        }
        try pane.send("n")
        try pane.waitFor(text: "search wrapped to the first document")
        try pane.waitFor(text: "match 1/5")
        try pane.send("N")
        try pane.waitFor(text: "search wrapped to the last document")
        try pane.waitFor(text: "match 5/5")
    }

    @Test func theLibraryCountAgreesWithGrep() throws {
        let file = TestSupport.textsPath + "/corpus-2020.txt"
        for pattern in ["人类命运共同体", "疫情"] {
            let expected = try Self.grepCount(pattern, file)
            let pane = try TmuxPane.reader(columns: 120, rows: 24)
            try pane.send("/")
            try pane.send(pattern, literal: true)
            try pane.send("Enter")
            try pane.waitFor(text: "· \(expected) in library")
        }
    }

    @Test func ctrlRSearchesLiterallyAndAnInvalidRegexKeepsItsText() throws {
        let dir = TestSupport.temporaryDirectory("duben-search")
        defer { TestSupport.remove(dir) }
        try "标题\n\n　　甲axb乙。\n\n　　丙a.b丁。\n".write(toFile: dir.path + "/t.txt", atomically: true, encoding: .utf8)
        let pane = try TmuxPane("\(TmuxPane.binary) \(dir.path)/t.txt")
        try pane.waitForReady()
        try pane.send("/")
        try pane.send("a.b", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "match 1/2")
        try pane.send("/", "C-r")
        try pane.waitFor(text: "literal /")
        try pane.send("a.b", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "match 1/1")
        try pane.send("/")
        try pane.send("(", literal: true)
        try pane.send("Enter")
        let s = try pane.waitFor(text: "unmatched ( at character 1")
        #expect(s.last?.hasPrefix(" /(") == true, "the prompt stays open with its text: \(s.last ?? "")")
    }

    @Test func theHistorySurvivesARestart() throws {
        let dir = TestSupport.temporaryDirectory("duben-search")
        defer { TestSupport.remove(dir) }
        let command = "DUBEN_BOOKMARKS=\(dir.path)/bookmarks.json \(TmuxPane.binary) \(TmuxPane.texts)"
        do {
            let pane = try TmuxPane("\(command); echo duben-exited=$?")
            try pane.waitForReady()
            try pane.send("/")
            try pane.send("合作共赢", literal: true)
            try pane.send("Enter")
            try pane.waitFor(text: "in library")
            try pane.send("q")
            try pane.waitFor(text: "duben-exited=0")
        }
        let pane = try TmuxPane(command)
        // It reopens the document of the match it left ("resumed").
        try pane.waitFor(text: "resumed")
        try pane.send("/", "Up")
        try pane.waitFor(text: "/合作共赢")
    }

    @Test func theOccurrencesListOpensTheThirdMatch() throws {
        let pane = try TmuxPane.reader(columns: 120, rows: 30)
        try pane.send("&")
        try pane.send("特朗普", literal: true)
        try pane.send("Enter")
        let s = try pane.waitFor(text: "Matches of 特朗普 · 5 in 1 document")
        #expect(s.filter { $0.contains("特朗普") }.count >= 6, "title and five rows")
        try pane.send("j", "j", "Enter")
        try pane.waitFor(text: "match 3/5")
    }
}
