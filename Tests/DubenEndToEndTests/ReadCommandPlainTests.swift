@testable import duben
import Testing

/// `duben [PATH…]` is run without swift-argument-parser's parse, nor its command
/// (`ReaderLaunch.plain`): its options must be exactly those of the command the parse gives,
/// and it is taken only when there is no option.
@Suite("The reader's plain command line")
struct ReadCommandPlainTests {
    @Test("the plain options are the parsed command's, option for option",
          arguments: [[], ["a.txt"], ["-"], ["+12", "texts/", "b.txt"], ["+/命运共同体", "c.txt"], ["", "x y.txt"],
                      ["--no-cache", "a.txt"], ["a.txt", "--no-resume", "b.txt", "--osc52"], ["--no-color", "-", "--no-cache", "--no-resume", "--osc52"]])
    func sameAsParsed(arguments: [String]) throws {
        #expect(ReadCommand.isPlain(arguments))
        let parsed = try #require(try Duben.parseAsRoot(arguments) as? ReadCommand)
        let expected = ReaderLaunch(parsed)
        #expect(ReaderLaunch.plain(arguments) == expected)
        // The comparison can fail: each option the parse sets is compared.
        var other = ReaderLaunch.plain(arguments)
        other.layout.width = 40
        #expect(other != expected)
    }

    @Test("every option of the command reaches the launch")
    func everyOption() throws {
        let arguments = ["--doc", "3", "--width", "40", "--ambiguous-width", "2", "--indent", "none", "--config", "c.toml",
                         "--theme", "light", "--status-line", "top", "--no-color", "--no-resume", "--osc52", "--no-cache",
                         "--bookmarks", "b.json", "--style", "gbt7714", "--encoding", "gbk", "a.txt"]
        let parsed = try #require(try Duben.parseAsRoot(arguments) as? ReadCommand)
        let launch = ReaderLaunch(parsed)
        #expect(launch.doc == "3" && launch.layout == LayoutChoice(width: 40, ambiguousWidth: 2, indent: "none"))
        #expect(launch.configFile == "c.toml" && launch.theme == .light && launch.statusLine == .top)
        #expect(launch.noColor && launch.noResume && launch.osc52 && launch.noCache)
        #expect(launch.bookmarkFile == "b.json" && launch.style == "gbt7714" && launch.template == nil)
        #expect(launch.corpusOptions == CorpusChoice(paths: ["a.txt"], encoding: "gbk"))
    }

    @Test("any other option, a repeated flag, a subcommand's name or help goes to the parse",
          arguments: [["--no-cache", "--no-cache", "a.txt"], ["a.txt", "--width", "40"], ["--width=40"], ["--encoding", "gbk", "a.txt"], ["-h"], ["--version"], ["list"], ["help"],
                      ["search", "x"], ["cache", "clear"], ["a.txt", "--"], ["manual-sections"]])
    func notPlain(arguments: [String]) {
        #expect(!ReadCommand.isPlain(arguments))
    }

    @Test("a path that is a subcommand's name only after the first is still a path")
    func laterNames() {
        #expect(ReadCommand.isPlain(["a.txt", "list"]))
    }
}
