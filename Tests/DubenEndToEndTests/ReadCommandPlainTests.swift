@testable import duben
import Testing

/// `duben [PATH…]` is made without swift-argument-parser's parse (`ReadCommand.plain`): it
/// must be exactly the command the parse gives, and taken only when there is no option.
@Suite("The reader's plain command line")
struct ReadCommandPlainTests {
    /// Every property of a command, wrappers included ("definition" for one neither parsed
    /// nor set), as `dump` writes them.
    static func described(_ command: ReadCommand) -> String {
        var out = ""
        dump(command, to: &out)
        return out
    }

    @Test("the plain command is the parsed one, option for option",
          arguments: [[], ["a.txt"], ["-"], ["+12", "texts/", "b.txt"], ["+/命运共同体", "c.txt"], ["", "x y.txt"],
                      ["--no-cache", "a.txt"], ["a.txt", "--no-resume", "b.txt", "--osc52"], ["--no-color", "-", "--no-cache", "--no-resume", "--osc52"]])
    func sameAsParsed(arguments: [String]) throws {
        #expect(ReadCommand.isPlain(arguments))
        let parsed = try #require(try Duben.parseAsRoot(arguments) as? ReadCommand)
        let plain = ReadCommand.plain(arguments)
        let expected = Self.described(parsed)
        #expect(Self.described(plain) == expected)
        // The check can fail: a property left unset is told apart from a parsed default.
        #expect(!expected.contains("definition"))
        var unset = ReadCommand.plain(arguments)
        unset.layout = LayoutArguments()
        #expect(Self.described(unset) != expected)
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
