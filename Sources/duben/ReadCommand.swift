import ArgumentParser
import DubenLayout
import DubenModel
import DubenStore
import DubenTerminal
import DubenUI
import Foundation

/// `duben [paths…]`: the reader. When standard output is not a terminal it prints what
/// `render` prints, like `less` acting as `cat`.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).",
        discussion: """
            Keys: h or F1 in the reader, or Docs/KEYS.md. The terminal is opened on /dev/tty, so \
            `duben - < file` and `cat file | duben -` work. NO_COLOR turns colours off. The first \
            document is drawn at once and the rest of the library is read in the background \
            ("indexing 43%" on the status line). Reading positions are saved on the way out (q, \
            SIGINT, SIGTERM, SIGHUP), with the document being read and the files: `duben` with no \
            path reopens those files at that document, and so does `duben` with the same paths \
            ("resumed" on the status line; not with --no-resume). A bookmark, note, export or \
            position that cannot be written is shown on the status line and printed on standard \
            error after the reader exits. v selects sentences; m bookmarks and y copies the \
            selection (or the quotation at the top, or the first sentence on screen) with its \
            citation in --style; y uses wl-copy, xclip, xsel, pbcopy or tmux's buffer, and OSC 52 \
            only with --osc52.
            """)

    @OptionGroup var layout: LayoutArguments
    @Flag(help: "Do not use colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Start every document at the top instead of where it was left, and do not reopen the last document.") var noResume = false
    @Flag(help: "Let y copy through the terminal (OSC 52) when no clipboard tool works.") var osc52 = false
    @OptionGroup var bookmarkFile: BookmarkFileOption
    @OptionGroup var citation: CitationStyleOptions
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let store = bookmarkFile.store
        let positions = PositionStore(path: store.statePath)
        // What the last session read: with no path, its files again (when they are all still
        // there); with the same files, its document.
        let last = noResume ? nil : try? positions.readLastRead()
        var chosen = try corpusOptions.chosenPaths()
        if corpusOptions.paths.isEmpty, isatty(STDOUT_FILENO) == 1, let files = last?.files, !files.isEmpty,
           files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            chosen = files
        }
        let sessionFiles = CorpusOptions.sessionFiles(chosen)
        guard isatty(STDOUT_FILENO) == 1 else {
            RenderCommand.write(try corpusOptions.load(paths: chosen), only: nil, options: layout.options(terminalColumns: nil))
            return
        }
        // First screen first: the first document now, the rest of the library on a thread.
        let indexer: LibraryIndexer
        do {
            indexer = try LibraryIndexer(paths: chosen)
        } catch {
            throw CommandFailure(error.description)
        }
        let corpus = indexer.initial
        for warning in corpus.warnings { Terminal.warn(warning) }
        switch DisplayWidth.localeStatus {
        case 0: Terminal.warn("the locale is not UTF-8; using C.UTF-8")
        case -1: throw CommandFailure("no UTF-8 locale is available (tried the environment's and C.UTF-8)")
        default: break
        }
        let color = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var performer = EffectPerformer(store: store, positions: positions, clipboard: Clipboard(allowOSC52: osc52))
        performer.sessionFiles = sessionFiles
        var reader = Reader(corpus: corpus, columns: 80, rows: 24, width: layout.width,
                            ambiguousWidth: layout.ambiguousWidth, indent: layout.indentMode,
                            bookmarks: performer.loadBookmarks(), citationStyle: citation.citationStyle)
        if indexer.hasMore {
            _ = reader.update(corpus: corpus, progress: 0)
            indexer.start()
        }
        var notices: [Notice] = []
        do {
            reader.restore(searchHistory: try performer.loadSearchHistory())
        } catch {
            notices.append(.error("\(error.description); search history not restored"))
        }
        if !noResume {
            do {
                reader.restore(positions: try performer.loadPositions())
                if let last, last.files == sessionFiles { reader.resume(document: last.document) }
            } catch {
                notices.append(.error("\(error.description); reading positions not restored"))
            }
        }
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.open(useColor: color)
        } catch {
            throw CommandFailure(error.description)
        }
        // The session saves reading positions on every way out; what failed is told once the
        // terminal is restored.
        let outcome = ReaderSession.run(&reader, terminal: screen, performer: &performer, notices: notices,
                                        indexer: indexer.hasMore ? indexer : nil,
                                        reload: chosen.contains("-") ? nil : { try LibraryIndexer(paths: chosen) })
        screen.close()
        // Files skipped while the library was read in the background.
        for warning in reader.corpus.warnings.dropFirst(corpus.warnings.count) { Terminal.warn(warning) }
        for failure in outcome.failures { Terminal.report(failure.text) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
