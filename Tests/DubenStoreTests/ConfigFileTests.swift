import DubenTestSupport
import DubenModel
import DubenStore
import Foundation
import Testing

/// The configuration file as TOML: values, the line of every key (found by scanning the
/// text, as TOMLKit gives none), syntax errors with their line, and where the file is.
@Suite("Configuration file")
struct ConfigFileTests {
    static func entry(_ file: ConfigFile, _ path: String) -> ConfigFile.Entry? {
        file.entries.first { $0.keyPath.joined(separator: ".") == path }
    }

    @Test func everyKeyIsFoundOnItsLine() throws {
        let text = """
            # a comment with width = 3 in it
            top = "x"

            [layout]
            width = 60   # cells
              indent = "none"
            "ambiguous-width" = 2
            [keys.reader]
            line-down = [
              "j",
              "=",   # a key named "=", not a new setting
              "Down",
            ]
            page-down = "Space"
            [display]
            theme = { name = "dark" }
            status-line = 'top'
            multi = \"\"\"
            fake = 1
            \"\"\"
            after = true
            dotted.inner = 5
            """
        let (file, problems) = ConfigFile.parse(text, path: "c.toml")
        #expect(problems.isEmpty)
        let lines = [("top", 2), ("layout.width", 5), ("layout.indent", 6), ("layout.ambiguous-width", 7),
                     ("keys.reader.line-down", 9), ("keys.reader.page-down", 14), ("display.theme.name", 16),
                     ("display.status-line", 17), ("display.multi", 18), ("display.after", 21), ("display.dotted.inner", 22)]
        for (path, line) in lines {
            #expect(Self.entry(file, path)?.line == line, "\(path)")
        }
        #expect(Self.entry(file, "display.fake") == nil)
        #expect(Self.entry(file, "layout.width")?.value == .integer(60))
        #expect(Self.entry(file, "keys.reader.line-down")?.value == .array([.string("j"), .string("="), .string("Down")]))
        #expect(Self.entry(file, "display.status-line")?.value == .string("top"))
        #expect(Self.entry(file, "display.after")?.value == .boolean(true))
        #expect(file.tables.first { $0.keyPath == ["keys", "reader"] }?.line == 8)
        // In the order of the lines.
        #expect(file.entries.map { $0.line ?? 0 } == file.entries.map { $0.line ?? 0 }.sorted())
    }

    @Test func aSyntaxErrorIsOneProblemOnItsLineAndNoSettings() {
        let (file, problems) = ConfigFile.parse("[layout]\nwidth = 60\nindent = \"keep\n", path: "/x/config.toml")
        #expect(file.entries.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.description.hasPrefix("/x/config.toml:3: not valid TOML: ") == true)
        #expect(problems.first?.description.hasSuffix("; using the defaults") == true)
    }

    @Test func quotedStringsReadBackAsWritten() {
        for s in ["j", "\"", "\\", "'", "习近平：《{title}》", "tab\there", "ctl\u{1}"] {
            let (file, problems) = ConfigFile.parse("k = \(ConfigFile.quoted(s))", path: "q")
            #expect(problems.isEmpty)
            #expect(file.entries.first?.value == .string(s), "\(s)")
        }
    }

    @Test func theFileIsFoundAsXDGSays() {
        #expect(ConfigFile.location(environment: ["HOME": "/h"]) == ("/h/.config/duben/config.toml", false))
        #expect(ConfigFile.location(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"]) == ("/x/duben/config.toml", false))
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        #expect(ConfigFile.location(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "rel"]) == ("/h/.config/duben/config.toml", false))
        #expect(ConfigFile.location(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x", "DUBEN_CONFIG": "/c.toml"]) == ("/c.toml", true))
    }

    @Test func aMissingFileIsAProblemOnlyWhenNamed() {
        let missing = "/nonexistent-\(UUID().uuidString)/config.toml"
        #expect(ConfigFile.read(path: missing, mustExist: false).problems.isEmpty)
        #expect(ConfigFile.read(path: missing, mustExist: true).problems.map(\.description) == ["\(missing): no such file"])
    }
}

/// Fuzzing found that TOMLKit's parser (toml++) aborts the process on a non-ASCII character
/// where a key may stand; such text is refused with its line before TOMLKit sees it.
@Suite struct ConfigNonASCIIKeyTests {
    @Test func aNonASCIIKeyIsAProblemWithItsLineNotACrash() {
        for text in ["[中layout]\nwidth = 60\n", "[layout]\n宽 = 60\n", "[\u{FFFD}]\n", "[layout]\nwidth = 60\n\"ok\" = 1\n键 = 2\n"] {
            let (file, problems) = ConfigFile.parse(text, path: "/c.toml")
            #expect(file.entries.isEmpty && problems.count == 1, "\(text)")
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains { !$0.isASCII } }.map { $0 + 1 }
            #expect(problems.first?.line == line, "\(text)")
        }
        // Non-ASCII in strings and comments is TOML, and passes to TOMLKit.
        let fine = "# 注释\n[citation]\ntemplate = \"{author}：《{title}》\" # 模板\n[layout]\n\"宽\" = 1\n"
        let (_, problems) = ConfigFile.parse(fine, path: "/c.toml")
        #expect(!problems.contains { $0.description.contains("must be ASCII") }, "\(problems)")
    }

    @Test func theScannerSkipsStringsOfEveryKindAndComments() {
        #expect(TOMLText.unquotedBadCharacterLine("a = \"中\\\"文\"\nb = '中'\nc = \"\"\"\n中\n\"\"\"\nd = '''\n中'''\n# 中\n") == nil)
        #expect(TOMLText.unquotedBadCharacterLine("a = \"\"\"x\"\"\"\"\n中 = 1\n") == 2)
        #expect(TOMLText.unquotedBadCharacterLine("a = 1\nb = 2\n[表]\n") == 3)
        // Controls too (fuzz: "[\u{1}\0…]" made toml++ abort the same way); tab and CRLF are fine.
        #expect(TOMLText.unquotedBadCharacterLine("[layout]\r\nwidth\t= 60\r\n[\u{1}\u{0}]\n") == 3)
        #expect(TOMLText.unquotedBadCharacterLine("[layout]\r\nwidth\t= 60\r\n") == nil)
        let (_, problems) = ConfigFile.parse("[layout]\nwidth = 60\n[\u{1}\u{0}]\n", path: "/c.toml")
        #expect(problems.map(\.line) == [3])
    }
}

extension ConfigNonASCIIKeyTests {
    /// Every place a key stands: each of these made toml++ abort (fuzz, third run: "[" alone
    /// on its line) or would; each valid form beside them still reaches TOMLKit.
    @Test func everyKeyPositionIsChecked() {
        for bad in ["a =\n", "a = # c\n", "a = ,\n", "a = [1,,2]\n", "a = [,]\n", "x = { a = }\n", "[\ntolwuawidth t\n", "[]\n", "[a.]\n", "[[a]\n", "x = { , }\n", "x = { a = 1, = 2 }\n", "a. = 1\n", "= 1\n", "[a] junk\n"] {
            #expect(TOMLText.unquotedBadCharacterLine(bad) != nil, "\(bad.debugDescription)")
        }
        for good in ["[a]\n[b.c]\n[[d]]\n[ \"e f\" . 'g' ]  # header\n", "x = { a = 1, b = [1, {c = 2}] }\n", "a.b.c = 1\n\"q\".r = 2\n",
                     "k = [\n  [1, 2],\n  [3],\n]\n", "e = []\nf = [ # c\n  1, # d\n  2,\n]\n", "s = \"\"\"\n[not a header\n\"\"\"\n", "t = '''\n{'''\n", "", "\n\n# only\n"] {
            #expect(TOMLText.unquotedBadCharacterLine(good) == nil, "\(good.debugDescription)")
        }
        // The default file (`duben config --print-default`, kept as a fuzz seed) passes.
        let defaults = try? String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/Fuzz/Corpus/config/default.toml"), encoding: .utf8)
        #expect(defaults.map { TOMLText.unquotedBadCharacterLine($0) == nil } == true)
    }
}

extension ConfigNonASCIIKeyTests {
    /// Every place a value stands holds a string, an array, an inline table or a well-formed
    /// bare value. Each "aborts" input made toml++ 3.4.0 fail an assertion when TOMLKit was
    /// given it (read from toml++'s parser before the sixth fuzz run, each confirmed against
    /// toml++ itself): a `}` where an array's element stands (`parse_value` on a terminator), a
    /// date, a space and one digit ending there (read on as a time, then `scan` on a
    /// terminator), a date with underscores read ahead past toml++'s 127-character history
    /// (`step_back`). Here they must come back refused, and through `ConfigFile.parse` as one
    /// problem on their line — had one reached TOMLKit, this test would abort.
    @Test func everyValuePositionIsChecked() {
        let aborts = ["a = [}]\n", "a = [1, }]\n", "a = [\n  1,\n  }]\n", "a = 1979-05-27 1]\n", "a = 1979-05-27 1\n",
                      "a = [1979-05-27 1]\n", "x = { a = 1979-05-27 1 }\n", "a = 1979-05-27 1#\n",
                      "a = 1" + String(repeating: "_", count: 117) + "979-05-27 12\n",
                      "a = 1" + String(repeating: "_", count: 116) + "979-05-27 12\n"]
        for text in aborts {
            // The line of the place refused: the last line of the value here.
            let line = 1 + text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(TOMLText.unquotedBadCharacterLine("[layout]\n" + text) == line, "\(text.debugDescription)")
            let (file, problems) = ConfigFile.parse("[layout]\n" + text, path: "/c.toml")
            #expect(file.entries.isEmpty && problems.map(\.line) == [line], "\(text.debugDescription)")
        }
        // Malformed bare values, never TOML: refused before toml++ guesses at them.
        let malformed = ["n", "True", "nan1", "1__0", "_1", "1_", "01", "0x", "0xg", "+0x10", "0X10", "1.", ".5", "1.e5", "1e", "1e_5",
                         "07:32", "7:32:00", "07:32:00.", "1979-05-27T07:32", "1979-5-27", "1979-05-27T07:32:00+7", "1979-05-27T07:32:00Zz",
                         "1979-05-27 07:32", "1979-05-27 1x", "--1", "+", "-"]
        for value in malformed {
            #expect(TOMLText.unquotedBadCharacterLine("a = \(value)\n") == 1, "\(value)")
            #expect(TOMLText.unquotedBadCharacterLine("a = [1, \(value)]\n") == 1, "\(value)")
        }
        // Every form TOML 1.0 gives a bare value passes, alone, in arrays and in inline tables.
        let wellFormed = ["true", "false", "inf", "+inf", "-inf", "nan", "+nan", "-nan", "0", "+0", "-0", "17", "+99", "-17", "1_000",
                          "5_349_221", "0xDEADBEEF", "0xdead_beef", "0o755", "0o01234567", "0b11010110", "0b1_0", "3.1415", "-0.01", "+1.0",
                          "5e+22", "1e06", "-2E-2", "6.626e-34", "224_617.445_991_228", "0.0", "0e0", "1979-05-27T07:32:00Z",
                          "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999+07:00", "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z",
                          "1979-05-27T07:32:00", "1979-05-27 00:32:00.999999", "1979-05-27", "07:32:00", "00:32:00.999999"]
        for value in wellFormed {
            for text in ["a = \(value)\n", "a = \(value)", "a = [\(value),\(value) , \(value)]\n", "a = [\n  \(value), # c\n  \(value)\n]\n",
                         "x = { a = \(value), b = [\(value)] }\n", "a = \(value) # c\n", "a=\(value)\r\n"] {
                #expect(TOMLText.unquotedBadCharacterLine(text) == nil, "\(text.debugDescription)")
            }
        }
        // Every finding kept as a fuzz seed (Tests/Fuzz/Corpus/config/found-*) is refused before TOMLKit.
        let seeds = TestSupport.repoRoot.appendingPathComponent("Tests/Fuzz/Corpus/config")
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).filter { $0.hasPrefix("found-") }.sorted()
        #expect(found.count >= 8)
        for name in found {
            let text = String(decoding: (try? Data(contentsOf: seeds.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
            #expect(TOMLText.unquotedBadCharacterLine(text) != nil, "\(name)")
        }
        // A date, a space and no digit is a date and then the rest of the line; a byte order mark first is TOML too.
        #expect(TOMLText.unquotedBadCharacterLine("a = 1979-05-27 # when\nb = [1979-05-27 ]\n") == nil)
        #expect(TOMLText.unquotedBadCharacterLine("\u{FEFF}a = 1\n") == nil)
        let (file, problems) = ConfigFile.parse("\u{FEFF}[layout]\nwidth = 60\n", path: "/c.toml")
        #expect(problems.isEmpty && file.entries.count == 1, "\(problems)")
    }
}

extension ConfigNonASCIIKeyTests {
    /// A TOMLKit error quoted the text it saw, line feed included (fuzz, fourth run: "expected
    /// 'nan', saw 'n⏎'"): the problem is still one line. (That input's `width = n` is now
    /// refused before TOMLKit, as a malformed value; every message is still made one line.)
    @Test func aProblemQuotingALineEndIsStillOneLine() throws {
        let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fuzz/Corpus/config/found-newline-in-message.toml")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let (_, problems) = ConfigFile.parse(text, path: "/c.toml")
        #expect(!problems.isEmpty)
        for p in problems { #expect(!p.description.contains("\n"), "\(p.description.debugDescription)") }
        #expect(TOMLText.oneLine("saw 'n\n'\t\u{1}") == "saw 'n\\n'\\t\\u{1}")
    }
}
