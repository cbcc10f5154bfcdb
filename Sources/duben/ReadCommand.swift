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

    /// What `+N` and `+/PATTERN` among the paths ask for (as less takes them), and the paths
    /// without them.
    static func startCommands(_ paths: [String]) -> (keys: [Key], paths: [String]) {
        var keys: [Key] = []
        var rest: [String] = []
        for path in paths {
            if path.hasPrefix("+/"), path.count > 2 {
                keys = [.char("/")] + path.dropFirst(2).map { Key.char($0) } + [.enter]
            } else if path.hasPrefix("+"), path.count > 1, path.dropFirst().allSatisfy(\.isASCII), let n = Int(path.dropFirst()), n >= 0 {
                keys = String(n).map { Key.char($0) } + [.char("G")]
            } else {
                rest.append(path)
            }
        }
        return (keys, rest)
    }

    /// Whether standard input is a pipe, a file or a socket (not a terminal, nor /dev/null):
    /// then, with no path, the text comes from there, as less reads it.
    static var standardInputHoldsText: Bool {
        guard isatty(STDIN_FILENO) == 0 else { return false }
        var st = stat()
        guard fstat(STDIN_FILENO, &st) == 0 else { return false }
        let type = st.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
    }

    func run() throws {
        // The configuration file first (its problems on standard error, before the terminal
        // is taken); options given on the command line win over it.
        let (config, configProblems) = configOption.load()
        let layout = layout.applying(config)
        let citationStyle = citation.style != nil || citation.template != nil ? citation.citationStyle : config.citationStyle
        let store = bookmarkFile.store
        let positions = PositionStore(path: store.statePath)
        let (startKeys, paths) = Self.startCommands(corpusOptions.paths)
        var corpusOptions = corpusOptions
        corpusOptions.paths = paths
        if paths.isEmpty, Self.standardInputHoldsText { corpusOptions.paths = ["-"] }
        // What the last session read: with no path, its files again (when they are all still
        // there); with the same files, its document.
        // state.json, read once: the last document, the search history, the positions.
        let state = Result { () throws(StoreError) -> PositionStore.Contents in try positions.readContents() }
        let last = noResume ? nil : try? state.get().last
        var chosen = try corpusOptions.chosenPaths()
        if corpusOptions.paths.isEmpty, isatty(STDOUT_FILENO) == 1, let files = last?.files, !files.isEmpty,
           files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            chosen = files
        }
        let sessionFiles = CorpusOptions.sessionFiles(chosen)
        guard isatty(STDOUT_FILENO) == 1 else {
            let corpus = try corpusOptions.load(paths: chosen)
            let only = try corpusOptions.resolve(doc, in: corpus)
            RenderCommand.write(corpus, only: only, options: layout.options(terminalColumns: nil))
            return
        }
        // First screen first: the first document now, the rest of the library on a thread —
        // unless a document, a line or a pattern is asked for: then the whole library first.
        var indexer: LibraryIndexer? = nil
        let loader = try corpusOptions.loader()
        // The cache's entries are keyed by the files, not by a forced encoding: not used with one.
        let cache = noCache || loader.encoding != nil ? nil : IndexCache.defaultDirectory().map { IndexCache(directory: $0) }
        let corpus: Corpus
        if doc == nil && startKeys.isEmpty {
            do {
                // The document to reopen is parsed first, alone, from where it lay.
                let place = last.flatMap { $0.files == sessionFiles ? $0.place?.documentPlace(id: $0.document) : nil }
                let first = try LibraryIndexer(paths: chosen, loader: loader, cache: cache, resume: place)
                indexer = first.hasMore ? first : nil
                corpus = first.initial
            } catch {
                throw CorpusOptions.failure(error)
            }
            for warning in corpus.warnings { Terminal.warn(warning) }
        } else {
            corpus = try corpusOptions.load(paths: chosen)
        }
        let only = try corpusOptions.resolve(doc, in: corpus)
        switch DisplayWidth.localeStatus {
        case 0: Terminal.warn("the locale is not UTF-8; using C.UTF-8")
        case -1: throw CommandFailure("no UTF-8 locale is available (tried the environment's and C.UTF-8)")
        default: break
        }
        let theme = Theme.choose(self.theme ?? config.theme, noColorFlag: noColor, environment: ProcessEnvironment.current)
        var performer = EffectPerformer(store: store, positions: positions, clipboard: Clipboard(allowOSC52: osc52 || config.osc52))
        performer.sessionFiles = sessionFiles
        var reader = Reader(corpus: corpus, columns: 80, rows: 24, width: layout.width,
                            ambiguousWidth: layout.ambiguousCells, indent: layout.indentMode,
                            bookmarks: performer.loadBookmarks(), citationStyle: citationStyle)
        reader.keyMap = config.keyMap
        reader.statusLine = statusLine ?? config.statusLine
        reader.exportFormat = config.exportFormat
        // The session starts the indexer once the first frame is drawn.
        if let indexer {
            _ = reader.update(corpus: corpus, progress: 0)
            reader.aheadOfLibrary = indexer.resumesAhead
        }
        var notices: [Notice] = []
        if var first = configProblems.first {
            // The status line is narrow: the home directory as ~ (stderr has the full path).
            if let home = ProcessEnvironment.current["HOME"], home.count > 1, first.path.hasPrefix(home + "/") {
                first.path = "~" + first.path.dropFirst(home.count)
            }
            let more = configProblems.count > 1 ? " (and \(configProblems.count - 1) more: duben config --check)" : ""
            notices.append(.error(first.description + more))
        }
        do {
            reader.restore(searchHistory: try state.get().searchHistory)
        } catch {
            notices.append(.error("\(error.description); search history not restored"))
        }
        if !noResume {
            do {
                reader.restore(positions: EffectPerformer.readingPositions(try state.get().positions))
                if let last, last.files == sessionFiles, only == nil { reader.resume(document: last.document) }
            } catch {
                notices.append(.error("\(error.description); reading positions not restored"))
            }
        }
        if let only, let index = corpus.documents.firstIndex(where: { $0.id == only }) {
            reader.jump(toDocument: index)
        }
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.open(theme: theme)
        } catch {
            throw CommandFailure(error.description)
        }
        // The session saves reading positions on every way out; what failed is told once the
        // terminal is restored.
        let outcome = ReaderSession.run(&reader, terminal: screen, performer: &performer, notices: notices,
                                        indexer: indexer,
                                        reload: chosen.contains("-") ? nil : { try LibraryIndexer(paths: chosen, loader: loader, cache: cache) },
                                        startKeys: startKeys)
        screen.close()
        // Files skipped while the library was read in the background.
        for warning in reader.corpus.warnings.dropFirst(corpus.warnings.count) { Terminal.warn(warning) }
        for failure in outcome.failures { Terminal.report(failure.text) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

extension ReadCommand {
    /// The reader's flags that take no value, as `plain(_:)` sets them.
    static let plainFlags = ["--no-cache", "--no-resume", "--no-color", "--osc52"]

    /// Whether the command line asks for the reader with paths and flags alone: every
    /// argument a path (`-` is standard input), a `+N` / `+/PATTERN`, or one of `plainFlags`
    /// given once, and the first not the name of a subcommand (nor `help`). Then `plain(_:)`
    /// stands for swift-argument-parser's parse, which would give the same command.
    static func isPlain(_ arguments: [String]) -> Bool {
        let flags = arguments.filter { $0.hasPrefix("-") && $0 != "-" }
        guard flags.allSatisfy(plainFlags.contains), Set(flags).count == flags.count else { return false }
        guard let first = arguments.first else { return true }
        let names = Duben.configuration.subcommands.map { $0._commandName } + ["help"]
        return !names.contains(first)
    }

    /// The reader for a plain command line (`isPlain`): its paths and flags, every other
    /// option at its default, made without swift-argument-parser's parse. That parse reflects
    /// over every option of the command and its groups (Mirror and protocol-conformance
    /// lookups): 3–5 ms, a fifth of the time to the first screen, spent on options nobody
    /// gave. Each property is set, since reading one that was neither parsed nor set stops
    /// the program; `ReadCommandPlainTests` checks that the result is the parsed command's,
    /// option for option.
    static func plain(_ arguments: [String]) -> ReadCommand {
        var command = ReadCommand()
        command.doc = nil
        var layout = LayoutArguments()
        layout.width = nil
        layout.ambiguousWidth = nil
        layout.indent = nil
        command.layout = layout
        var configOption = ConfigOption()
        configOption.config = nil
        command.configOption = configOption
        command.theme = nil
        command.statusLine = nil
        command.noColor = arguments.contains("--no-color")
        command.noResume = arguments.contains("--no-resume")
        command.osc52 = arguments.contains("--osc52")
        command.noCache = arguments.contains("--no-cache")
        var bookmarkFile = BookmarkFileOption()
        bookmarkFile.bookmarks = nil
        command.bookmarkFile = bookmarkFile
        var citation = CitationStyleOptions()
        citation.style = nil
        citation.template = nil
        command.citation = citation
        var corpusOptions = CorpusOptions()
        corpusOptions.paths = arguments.filter { $0 == "-" || !$0.hasPrefix("-") }
        corpusOptions.encoding = nil
        command.corpusOptions = corpusOptions
        return command
    }
}
