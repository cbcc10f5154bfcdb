import ArgumentParser
import DubenLayout
import DubenModel
import DubenStore
import DubenTerminal
import DubenUI
import Foundation

/// The reader's options as plain values, and the reader run with them.
///
/// `ReadCommand` parses them; `duben [PATH…]` with at most the reader's plain flags makes them
/// without swift-argument-parser (`plain(_:)`), as it is opened many times a day. Making the
/// parsed command costs even without the parse: each of its generic property wrappers
/// (`Option<Int?>`, `OptionGroup<CorpusOptions>`, …) is instantiated at run time with a
/// protocol-conformance lookup over the whole binary, 0.75 ms in all before the first screen.
struct ReaderLaunch: Equatable {
    var doc: String?
    var layout = LayoutChoice()
    var configFile: String?
    var theme: Theme?
    var statusLine: StatusLinePosition?
    var noColor = false
    var noResume = false
    var osc52 = false
    var noCache = false
    var bookmarkFile: String?
    var style: String?
    var template: String?
    var corpusOptions = CorpusChoice()

    /// The options a parsed command holds.
    init(_ command: ReadCommand) {
        doc = command.doc
        layout = command.layout.choice
        configFile = command.configOption.config
        theme = command.theme
        statusLine = command.statusLine
        noColor = command.noColor
        noResume = command.noResume
        osc52 = command.osc52
        noCache = command.noCache
        bookmarkFile = command.bookmarkFile.bookmarks
        style = command.citation.style
        template = command.citation.template
        corpusOptions = command.corpusOptions.choice
    }

    private init() {}

    /// The reader's flags that take no value, as `plain(_:)` sets them.
    static let plainFlags = ["--no-cache", "--no-resume", "--no-color", "--osc52"]

    /// The options of a plain command line (`ReadCommand.isPlain`): its paths and flags, every
    /// other option at its default, as the parse would give them (`ReadCommandPlainTests`).
    static func plain(_ arguments: [String]) -> ReaderLaunch {
        var launch = ReaderLaunch()
        launch.noColor = arguments.contains("--no-color")
        launch.noResume = arguments.contains("--no-resume")
        launch.osc52 = arguments.contains("--osc52")
        launch.noCache = arguments.contains("--no-cache")
        launch.corpusOptions.paths = arguments.filter { $0 == "-" || !$0.hasPrefix("-") }
        return launch
    }

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

    /// Opens the reader on the chosen paths (when standard output is not a terminal, prints
    /// what `duben render` prints instead); a failure is one line and status 2.
    func run() throws {
        // The configuration file first (its problems on standard error, before the terminal
        // is taken); options given on the command line win over it.
        let (config, configProblems) = ConfigOption.load(file: configFile)
        let layout = layout.applying(config)
        let citationStyle = CitationStyleOptions.citationStyle(style: style, template: template, or: config)
        let store = BookmarkFileOption.store(override: bookmarkFile)
        let positions = PositionStore(path: store.statePath)
        let (startKeys, paths) = Self.startCommands(corpusOptions.paths)
        var corpusOptions = corpusOptions
        corpusOptions.paths = paths
        if paths.isEmpty, Self.standardInputHoldsText { corpusOptions.paths = ["-"] }
        // state.json, read once: the last document, the search history, the positions.
        let state = Result { () throws(StoreError) -> PositionStore.Contents in try positions.readContents() }
        // What the last session read: with no path, its files again (when they are all still
        // there); with the same files, its document.
        let last = noResume ? nil : try? state.get().last
        var chosen = try corpusOptions.chosenPaths()
        if corpusOptions.paths.isEmpty, isatty(STDOUT_FILENO) == 1, let files = last?.files, !files.isEmpty,
           files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            chosen = files
        }
        let sessionFiles = CorpusChoice.sessionFiles(chosen)
        guard isatty(STDOUT_FILENO) == 1 else {
            let corpus = try corpusOptions.load(paths: chosen)
            let only = try CorpusChoice.resolve(doc, in: corpus)
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
                throw CorpusChoice.failure(error)
            }
            for warning in corpus.warnings { Terminal.warn(warning) }
        } else {
            corpus = try corpusOptions.load(paths: chosen)
        }
        let only = try CorpusChoice.resolve(doc, in: corpus)
        switch DisplayWidth.localeStatus {
        case 0: Terminal.warn("the locale is not UTF-8; using C.UTF-8")
        case -1: throw CommandFailure("no UTF-8 locale is available (tried the environment's and C.UTF-8)")
        default: break
        }
        let theme = Theme.choose(theme ?? config.theme, noColorFlag: noColor, environment: ProcessEnvironment.current)
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
