import ArgumentParser
import DubenLayout
import DubenModel
import DubenStore
import DubenTerminal
import DubenUI
import Foundation

extension Theme: ExpressibleByArgument {}
extension StatusLinePosition: ExpressibleByArgument {}

/// `duben [paths…]`: the reader. When standard output is not a terminal it prints what
/// `render` prints, like `less` acting as `cat`.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).",
        discussion: """
            Keys: h or F1 in the reader, or Docs/KEYS.md. The terminal is opened on /dev/tty, so \
            `duben - < file` and `cat file | duben -` work. --theme chooses the colours; NO_COLOR \
            (set, not empty) gives monochrome. The configuration file (duben config, \
            Docs/CONFIG.md) sets the layout, theme, status line position, citation style, \
            export format, OSC 52 and the keys; options win over it. The first \
            document is drawn at once and the rest of the library is read in the background \
            ("indexing 43%" on the status line). Reading positions are saved on the way out (q, \
            SIGINT, SIGTERM, SIGHUP), with the document being read and the files: `duben` with no \
            path reopens those files at that document, and so does `duben` with the same paths \
            ("resumed" on the status line; not with --no-resume). A bookmark, note, export or \
            position that cannot be written is shown on the status line and printed on standard \
            error after the reader exits. v selects sentences; m bookmarks and y copies the \
            selection (or the quotation at the top, or the first sentence on screen) with its \
            citation in --style; y uses wl-copy, xclip, xsel, pbcopy or tmux's buffer, and OSC 52 \
            only with --osc52. \
            Like less: with no path and standard input a pipe or a file, the text is read from \
            standard input (`cat speech.txt | duben`; /dev/null is no input, so `duben < \
            /dev/null` is `duben`); +N opens at line N of the document, \
            +/PATTERN at the first match in the library (a regular expression, as /), and --doc \
            ID that document. When standard output is not a terminal, every document (or the \
            --doc one) is printed with its title and author lines, as `duben render` prints it. \
            Each file's parse is kept in the index cache ($XDG_CACHE_HOME/duben/index, at most \
            1 GiB), so an unchanged library opens with its library list, timeline and counts \
            ready; --no-cache neither reads nor writes it, and `duben cache clear` empties it.
            """)

    @Option(help: "Open this document (id, number, or part of the title).") var doc: String?
    @OptionGroup var layout: LayoutArguments
    @OptionGroup var configOption: ConfigOption
    @Option(help: ArgumentHelp("Colours: default, light (for a light background), dark (for a dark one) or monochrome.", valueName: "name"))
    var theme: Theme?
    @Option(help: ArgumentHelp("Where the status line goes: bottom (the default) or top, under the title line.", valueName: "bottom|top"))
    var statusLine: StatusLinePosition?
    @Flag(help: "Do not use colours: the monochrome theme (also when NO_COLOR is set and not empty).") var noColor = false
    @Flag(help: "Start every document at the top instead of where it was left, and do not reopen the last document.") var noResume = false
    @Flag(help: "Let y copy through the terminal (OSC 52) when no clipboard tool works.") var osc52 = false
    @Flag(help: "Neither use nor write the index cache (see `duben cache`).") var noCache = false
    @OptionGroup var bookmarkFile: BookmarkFileOption
    @OptionGroup var citation: CitationStyleOptions
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        try ReaderLaunch(self).run()
    }
}

extension ReadCommand {
    /// Whether the command line asks for the reader with paths and flags alone: every
    /// argument a path (`-` is standard input), a `+N` / `+/PATTERN`, or one of
    /// `ReaderLaunch.plainFlags` given once, and the first not the name of a subcommand (nor
    /// `help`). Then `ReaderLaunch.plain(_:)` stands for swift-argument-parser's parse, which
    /// would give the same options; the parse reflects over every option of the command and
    /// its groups (Mirror and protocol-conformance lookups): 3–5 ms, spent on options nobody
    /// gave.
    static func isPlain(_ arguments: [String]) -> Bool {
        let flags = arguments.filter { $0.hasPrefix("-") && $0 != "-" }
        guard flags.allSatisfy(ReaderLaunch.plainFlags.contains), Set(flags).count == flags.count else { return false }
        guard let first = arguments.first else { return true }
        let names = Duben.configuration.subcommands.map { $0._commandName } + ["help"]
        return !names.contains(first)
    }
}
