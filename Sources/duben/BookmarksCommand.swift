import ArgumentParser
import DubenModel
import DubenStore
import DubenUI
import Foundation

/// Where the bookmark file is: `--bookmarks FILE`, `DUBEN_BOOKMARKS`, or the XDG data directory.
struct BookmarkFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).", valueName: "file"))
    var bookmarks: String?

    var store: BookmarkStore { Self.store(override: bookmarks) }

    /// The bookmark store for `--bookmarks FILE` given as `file` (nil: not given).
    static func store(override file: String?) -> BookmarkStore { BookmarkStore(path: BookmarkStore.defaultPath(override: file)) }
}

/// `--match TEXT`: the bookmarks that hold a text, matched as everywhere else (`TextMatcher`).
struct BookmarkMatchOption: ParsableArguments {
    @Option(help: "Only bookmarks whose passage, note, label, document title, section or citation contains this text (ASCII case and full-width forms folded, as in `quotes --match`).")
    var match: String?

    func apply(_ bookmarks: [Bookmark]) -> [Bookmark] {
        guard let m = match.flatMap(TextMatcher.init) else { return bookmarks }
        return bookmarks.filter { $0.holds(m) }
    }
}

/// `--style` and `--template`: how citations are written (`CitationStyle`).
struct CitationStyleOptions: ParsableArguments {
    @Option(help: "Citation style: source (the collections' own form: 习近平：《题名》（2018年2月12日）; the default) or gbt7714 (GB/T 7714-2015 references).")
    var style: String?
    @Option(help: ArgumentHelp("A citation template instead of a style, e.g. '{author}：《{title}》（{date}）'. Fields: {author} {title} {date} {occasion} {section} {place} {source} {kind} {citation}; {{ and }} are braces; an unknown field is an error.", valueName: "template"))
    var template: String?

    func validate() throws {
        do { _ = try CitationStyle.parse(name: style, template: template) } catch { throw ValidationError(error.description) }
    }

    /// The chosen style (checked by `validate`).
    var citationStyle: CitationStyle { Self.citationStyle(style: style, template: template) }

    /// The style given on the command line, else the configuration file's.
    func citationStyle(or config: ReaderConfiguration) -> CitationStyle {
        Self.citationStyle(style: style, template: template, or: config)
    }

    /// `--style` and `--template` given as plain values (checked by `validate` when parsed).
    static func citationStyle(style: String?, template: String?) -> CitationStyle {
        (try? CitationStyle.parse(name: style, template: template)) ?? .source
    }

    /// The style given, else the configuration file's.
    static func citationStyle(style: String?, template: String?, or config: ReaderConfiguration) -> CitationStyle {
        style != nil || template != nil ? citationStyle(style: style, template: template) : config.citationStyle
    }
}

/// The bookmarks with the citation metadata a version-1 bookmark lacks filled from the texts
/// (`Bookmark.refreshed(from:)`). Without paths, the bundled texts; when those cannot be found
/// the bookmarks are used as stored.
func refreshedFromTexts(_ bookmarks: [Bookmark], _ corpusOptions: CorpusOptions) throws -> [Bookmark] {
    guard !bookmarks.isEmpty, !corpusOptions.paths.isEmpty || BundledTexts.locate() != nil else { return bookmarks }
    let corpus = try corpusOptions.load()
    return refreshed(bookmarks, from: corpus)
}

/// `Bookmark.refreshed(from:)` for every bookmark whose document is in the corpus.
func refreshed(_ bookmarks: [Bookmark], from corpus: Corpus) -> [Bookmark] {
    let byID = Dictionary(corpus.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return bookmarks.map { b in byID[b.document].map { b.refreshed(from: $0) } ?? b }
}

/// Runs a store operation, turning store errors into one line and status 2.
func withStore<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as StoreError {
        throw CommandFailure(e.description)
    }
}

/// `duben bookmarks …`: list, add, remove, export, import, check.
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: "Keep, list and export bookmarked passages (file format: Docs/BOOKMARKS.md).",
        subcommands: [List.self, Add.self, Remove.self, Export.self, Import.self, Check.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the bookmarks.")
        @OptionGroup var file: BookmarkFileOption
        @Flag(help: "Print JSON (the bookmark objects of the file, missing citation metadata filled from the texts).") var json = false
        @OptionGroup var filter: BookmarkMatchOption
        @OptionGroup var corpusOptions: CorpusOptions

        func run() throws {
            let all = filter.apply(try refreshedFromTexts(try withStore { try file.store.read() }, corpusOptions))
            if json {
                try JSONOutput.write(all)
                return
            }
            var table = TextTable(header: ["ID", "DOCUMENT", "DATE", "PASSAGE", "NOTE"])
            table.maxWidths = [1: 24, 4: 24]
            table.wrapColumn = 3
            for b in all {
                table.rows.append([String(b.id.prefix(8)), b.documentTitle, b.displayDate ?? "—",
                                   (b.orphaned ? "(orphaned) " : "") + b.quote.exact.replacingOccurrences(of: "\n", with: " "), b.note ?? ""])
            }
            print(table.render(), terminator: "")
            print("\(all.count) bookmark\(all.count == 1 ? "" : "s") in \(file.store.path)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Bookmark a passage: a block (and an offset and length in characters), or a whole quotation.")
        @OptionGroup var file: BookmarkFileOption
        @Option(help: "Document (id, number, or part of the title).") var doc: String
        @Option(help: "Block index (see `duben dump` or `duben toc`).") var block: Int?
        @Option(help: "Offset in characters into the block.") var offset: Int = 0
        @Option(help: "Length in characters (default: to the end of the block).") var length: Int?
        @Option(help: "Instead of --block: a whole quotation, all its paragraphs with its citation (its index, from 0, as in `duben quotes --json`).")
        var quotation: Int?
        @Option(help: "A note.") var note: String?
        @Option(help: "A label.") var label: String?
        @OptionGroup var corpusOptions: CorpusOptions

        func validate() throws {
            guard (block == nil) != (quotation == nil) else { throw ValidationError("give either --block or --quotation") }
            if quotation != nil && (offset != 0 || length != nil) { throw ValidationError("--offset and --length go with --block") }
        }

        func run() throws {
            let corpus = try corpusOptions.load()
            guard let id = try corpusOptions.resolve(doc, in: corpus), let d = corpus.documents.first(where: { $0.id == id }) else { return }
            let b: Bookmark
            if let q = quotation {
                guard let made = Bookmark.make(in: d, quotation: q, note: note, label: label, id: UUID().uuidString, now: ISOTime.now()) else {
                    throw CommandFailure(d.quotations.isEmpty ? "--quotation \(q): \(d.id) has no quotations"
                                         : "--quotation \(q): \(d.id) has quotations 0–\(d.quotations.count - 1), each with its paragraphs")
                }
                b = made
            } else {
                let block = block ?? 0
                guard let made = Bookmark.make(in: d, block: block, offset: offset, length: length, note: note, label: label,
                                               id: UUID().uuidString, now: ISOTime.now()) else {
                    throw CommandFailure("--block \(block): \(d.id) has blocks 0–\(d.blocks.count - 1)")
                }
                b = made
            }
            // The file's other bookmarks get the metadata a version-1 bookmark lacks on this write.
            try withStore { try file.store.update { all in all = refreshed(all, from: corpus) + [b] } }
            print(b.id)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a bookmark by id (or a unique prefix of it).")
        @OptionGroup var file: BookmarkFileOption
        @Argument(help: "Bookmark id.") var id: String

        func run() throws {
            let removed: Bool = try withStore {
                try file.store.update { all in
                    let matches = all.indices.filter { all[$0].id.lowercased().hasPrefix(id.lowercased()) }
                    guard matches.count == 1 else { return false }
                    all.remove(at: matches[0])
                    return true
                }
            }
            if !removed { throw CommandFailure("\(id): no single bookmark has this id (see `duben bookmarks list`)") }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export bookmarks with their citations.",
            discussion: "Citation metadata a version-1 bookmark lacks is filled from the texts (the bundled corpus, or the paths given). Formats and styles: Docs/BOOKMARKS.md.")
        @OptionGroup var file: BookmarkFileOption
        @Option(help: "markdown, json (W3C Web Annotation), csv, html, or csl-json (the sources as CSL-JSON items); default: the configuration file's export format, else markdown.") var format: ExportFormatArgument?
        @Option(help: "Write to this file (default: standard output).") var output: String?
        @Flag(help: "Overwrite an existing output file (and bibliography).") var force = false
        @Flag(help: "CSV: begin with a UTF-8 byte-order mark (for spreadsheet programs).") var bom = false
        @Option(help: "Only bookmarks of this document id.") var doc: String?
        @OptionGroup var filter: BookmarkMatchOption
        @OptionGroup var styleOptions: CitationStyleOptions
        @Option(help: ArgumentHelp("Markdown: lines (a citation line in the style under each passage; the default) or pandoc ([@key] after each passage, for pandoc --citeproc).", valueName: "lines|pandoc"))
        var citations: String?
        @Option(help: ArgumentHelp("Markdown: also write the CSL-JSON items the [@key]s cite to this file (implies --citations pandoc).", valueName: "file"))
        var bibliography: String?
        @OptionGroup var configOption: ConfigOption
        @OptionGroup var corpusOptions: CorpusOptions

        func validate() throws {
            if let c = citations, MarkdownCitations(rawValue: c.lowercased()) == nil {
                throw ValidationError("--citations \(c): use lines or pandoc")
            }
            if bibliography != nil && citations?.lowercased() == "lines" {
                throw ValidationError("--bibliography goes with --citations pandoc")
            }
            if let format { try Self.check(format.format, citations: citations, bibliography: bibliography, style: styleOptions) }
        }

        /// What goes with a format: citations and a bibliography with markdown, a style with
        /// markdown, csv and html.
        static func check(_ format: ExportFormat, citations: String?, bibliography: String?, style: CitationStyleOptions) throws {
            if (citations != nil || bibliography != nil) && format != .markdown {
                throw ValidationError("--citations and --bibliography go with --format markdown")
            }
            if style.style != nil || style.template != nil, [.json, .cslJSON].contains(format) {
                throw ValidationError("--style and --template go with markdown, csv and html (\(format.rawValue) carries the citation's fields)")
            }
        }

        func run() throws {
            let config = configOption.load().configuration
            let format = self.format?.format ?? config.exportFormat
            try Self.check(format, citations: citations, bibliography: bibliography, style: styleOptions)
            var all = filter.apply(try withStore { try file.store.read() })
            if let d = doc { all = all.filter { $0.document == d || $0.document.hasPrefix(d) } }
            all = try refreshedFromTexts(all, corpusOptions)
            let mode: MarkdownCitations = bibliography != nil ? .pandoc : citations.flatMap { MarkdownCitations(rawValue: $0.lowercased()) } ?? .lines
            let data = try BookmarkExporter.export(all, as: format, bom: bom, style: styleOptions.citationStyle(or: config), citations: mode)
            if let bibliography {
                try write(try CSLExport.data(all), to: bibliography)
            }
            guard let path = output else {
                FileHandle.standardOutput.write(data)
                return
            }
            try write(data, to: path)
        }

        func write(_ data: Data, to path: String) throws {
            do {
                try ExportFile.write(data, to: path, overwrite: force)
            } catch .exists {
                throw CommandFailure("\(path): already exists; use --force to overwrite")
            } catch {
                throw CommandFailure(error.description)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a JSON export of duben (duplicates are skipped).")
        @OptionGroup var file: BookmarkFileOption
        @Argument(help: "A file written by `duben bookmarks export --format json`.") var path: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot read") }
            let imported: [Bookmark]
            do { imported = try BookmarkImporter.bookmarks(fromAnnotations: data) } catch {
                throw CommandFailure("\(path): not a duben JSON export (\(error))")
            }
            let added: Int = try withStore { try file.store.add(imported: imported) }
            print("\(added) imported, \(imported.count - added) already there")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the bookmark file and explain how to recover it.")
        @OptionGroup var file: BookmarkFileOption

        func run() throws {
            let store = file.store
            do {
                let all = try store.read()
                print("\(store.path): valid, \(all.count) bookmarks, \(all.filter(\.orphaned).count) orphaned")
            } catch {
                print("""
                    \(error.description)
                    To recover: duben never rewrites a file it cannot read. Copy it aside
                    (cp '\(store.path)' '\(store.path).broken'), repair it by hand with Docs/BOOKMARKS.md
                    as the reference, or move it away to start a new file; a JSON export made earlier
                    can be taken back with `duben bookmarks import FILE`.
                    """)
                throw ExitCode(2)
            }
        }
    }
}

/// `--format`.
struct ExportFormatArgument: ExpressibleByArgument {
    var format: ExportFormat
    init?(argument: String) {
        guard let f = ExportFormat(name: argument) else { return nil }
        format = f
    }
    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
}
