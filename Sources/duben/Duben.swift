import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `duben` command: a terminal reader for Chinese speeches, reports and quotation
/// collections, with query commands over the parsed texts.
@main
struct Duben: ParsableCommand {
    /// The version `--version` prints.
    static let version = "0.4.0"

    static let configuration = CommandConfiguration(
        commandName: "duben",
        abstract: "读本 — read Chinese speeches, news reports and quotation collections in the terminal.",
        discussion: """
            With no path, every command reads the bundled corpus (see `duben list`). Paths are \
            text files or directories (their *.txt files, recursively); `-` reads standard input.
            Documentation: Docs/ in the source tree: KEYS.md (the reader's keys), FORMAT.md (the \
            texts it reads), COMMANDS.md, SEARCH.md (patterns and `duben search`), BOOKMARKS.md, CONFIG.md (the configuration file), LAYOUT.md, TUTORIAL.md.
            """,
        version: Duben.version,
        subcommands: [ReadCommand.self, ListCommand.self, TOCCommand.self, QuotesCommand.self, SearchCommand.self, TimelineCommand.self, BookmarksCommand.self, CiteCommand.self, CacheCommand.self, ConfigCommand.self, DumpCommand.self, RenderCommand.self, ManualSectionsCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// Parses and runs the command; a `CommandFailure` prints one line and exits with status 2.
    static func main() {
        // Past a file size limit (`ulimit -f`), a write fails with EFBIG instead of the
        // process being killed, so that the store can say which file it could not write.
        signal(SIGXFSZ, SIG_IGN)
        do {
            // `duben [PATH…]`, the reader with paths and flags alone, as it is opened many
            // times a day: without the parse, nor the command (see `ReaderLaunch`).
            let arguments = Array(CommandLine.arguments.dropFirst())
            if ReadCommand.isPlain(arguments) {
                try ReaderLaunch.plain(arguments).run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.fail(failure.description)
        } catch {
            exit(withError: error)
        }
    }
}
