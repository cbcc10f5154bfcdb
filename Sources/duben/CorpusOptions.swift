import ArgumentParser
import DubenModel
import Foundation

/// The paths every command takes, and loading them with one-line errors.
struct CorpusOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Text files or directories (default: the bundled corpus).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.", valueName: "name"))
    var encoding: String?

    /// The same paths and encoding as plain values (`CorpusChoice`, which does the work).
    var choice: CorpusChoice { CorpusChoice(paths: paths, encoding: encoding) }

    /// The loader for `--encoding` (`CorpusChoice.loader`).
    func loader() throws -> CorpusLoader { try choice.loader() }

    /// The paths given, or the bundled corpus when none are.
    func chosenPaths() throws -> [String] { try choice.chosenPaths() }

    /// Reads and decodes the files without parsing them (`CorpusChoice.readSources`).
    func readSources() throws -> [LoadedSource] { try choice.readSources() }

    /// The one line a load error prints (`CorpusChoice.failure`).
    static func failure(_ error: LoadError) -> CommandFailure { CorpusChoice.failure(error) }

    /// Loads the corpus, printing warnings; on failure prints one line and exits with status 2.
    func load() throws -> Corpus { try choice.load() }

    /// Loads these paths (`CorpusChoice.load(paths:)`).
    func load(paths chosen: [String]) throws -> Corpus { try choice.load(paths: chosen) }

    /// Resolves `--doc` to a document id (`CorpusChoice.resolve`).
    func resolve(_ key: String?, in corpus: Corpus) throws -> String? { try CorpusChoice.resolve(key, in: corpus) }
}

/// An error printed as one line, exiting with status 2.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Writing to the standard streams.
enum Terminal {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("duben: warning: \(message)\n".utf8))
    }

    /// A problem that did not stop the command (a failed write while reading), one line.
    static func report(_ message: String) {
        FileHandle.standardError.write(Data("duben: \(message)\n".utf8))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("duben: \(message)\n".utf8))
        exit(2)
    }
}
