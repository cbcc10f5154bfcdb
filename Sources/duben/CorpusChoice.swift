import DubenModel
import Foundation

/// The paths and `--encoding` every command takes, as plain values, and loading them with
/// one-line errors. `CorpusOptions` parses them; the reader's plain command line makes them
/// without swift-argument-parser (`ReaderLaunch.plain`).
struct CorpusChoice: Equatable, Sendable {
    var paths: [String] = []
    var encoding: String?

    /// The loader for `--encoding`: one line and status 2 for a name duben does not read.
    func loader() throws -> CorpusLoader {
        guard let encoding else { return CorpusLoader() }
        guard let forced = SourceEncoding(name: encoding) else {
            throw CommandFailure("--encoding \(encoding): unknown encoding; use one of \(SourceEncoding.forcedNames)")
        }
        return CorpusLoader(encoding: forced)
    }

    /// The paths given, or the bundled corpus when none are.
    func chosenPaths() throws -> [String] {
        guard paths.isEmpty else { return paths }
        guard let bundled = BundledTexts.locate() else {
            throw CommandFailure("cannot find the bundled texts; set DUBEN_TEXTS to the Texts/ directory or give a path")
        }
        return [bundled]
    }

    /// Reads and decodes the files without parsing them (`CorpusLoader.readSources`),
    /// printing their warnings and the files skipped; on failure one line naming the file,
    /// status 2.
    func readSources() throws -> [LoadedSource] {
        let chosen = try chosenPaths()
        let loader = try loader()
        do {
            var skipped: [String] = []
            let sources = try loader.readSources(paths: chosen, skipped: &skipped)
            for warning in skipped { Terminal.warn(warning) }
            for source in sources { for warning in source.warnings { Terminal.warn(warning) } }
            return sources
        } catch {
            throw Self.failure(error)
        }
    }

    /// The one line a load error prints; when every file was skipped, each is first named
    /// on a warning line of its own.
    static func failure(_ error: LoadError) -> CommandFailure {
        if case .allSkipped(let reasons) = error {
            for reason in reasons { Terminal.warn(reason) }
        }
        return CommandFailure(error.description)
    }

    /// Loads the corpus, printing warnings; on failure prints one line and exits with status 2.
    func load() throws -> Corpus {
        try load(paths: try chosenPaths())
    }

    /// The files a session reads, as the reader remembers them: absolute, standardised and
    /// sorted; nil when standard input is among them (it cannot be read again).
    static func sessionFiles(_ chosen: [String]) -> [String]? {
        guard !chosen.contains("-") else { return nil }
        let cwd = FileManager.default.currentDirectoryPath
        return chosen.map { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: cwd).appendingPathComponent(path)
            return url.standardizedFileURL.path
        }.sorted()
    }

    /// Loads these paths, printing warnings; on failure prints one line and exits with status 2.
    func load(paths chosen: [String]) throws -> Corpus {
        let loader = try loader()
        do {
            let corpus = try loader.load(paths: chosen)
            for warning in corpus.warnings { Terminal.warn(warning) }
            return corpus
        } catch {
            throw Self.failure(error)
        }
    }

    /// Resolves `--doc` to a document id, or fails naming what did not match.
    static func resolve(_ key: String?, in corpus: Corpus) throws -> String? {
        guard let key else { return nil }
        guard let doc = corpus.document(matching: key) else {
            throw CommandFailure("--doc \(key): no document with that id, number or title (see `duben list`)")
        }
        return doc.id
    }
}
