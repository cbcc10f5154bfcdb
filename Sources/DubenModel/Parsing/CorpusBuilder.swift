/// Builds a `Corpus` from files already read and decoded (`LoadedSource`): pure, no I/O.
///
/// For each file in order: split it into documents' lines (`DocumentSplitter`), parse each
/// (`DocumentParser`), give it its id — unique in the corpus, "-2", "-3" for repeated titles
/// in reading order — and only then its metadata, so that a `duben.toml` entry may name a
/// de-duplicated id; last, date a report's passages (the metadata may give their year).
///
/// The builder also works a document at a time (`add(_:skipping:while:)`), for the reader's
/// background indexing: documents come out in the same order with the same ids as from
/// `build`, whatever the pieces.
public struct CorpusBuilder {
    /// The documents built so far, in reading order.
    public private(set) var documents = DocumentList()
    /// The files documents came from so far.
    public private(set) var files: [SourceFile] = []
    public private(set) var warnings: [String] = []
    private var ids = UniqueDocumentIDs()

    public init() {}

    /// - Throws: `LoadError.empty` for a file that holds no document (only blank lines, form
    ///   feeds and the like).
    public func build(_ sources: [LoadedSource]) throws(LoadError) -> Corpus {
        var builder = CorpusBuilder()
        for source in sources {
            if builder.add(source).documents == 0 { throw .empty(path: source.file.path) }
        }
        return builder.corpus
    }

    /// What is built so far.
    public var corpus: Corpus { Corpus(documents: documents, files: files, warnings: warnings) }

    /// What is built so far, to hand to another thread while building goes on: the documents'
    /// last run is sealed first, so that adding more does not copy what was handed out.
    public mutating func snapshot() -> Corpus {
        documents.seal()
        return corpus
    }

    /// Parses the documents of `source` from byte `from` (0, or where an earlier call
    /// stopped), while `more()` says so (asked before each). Returns how many documents were
    /// added and, when it stopped before the end, where to go on from.
    @discardableResult
    public mutating func add(_ source: LoadedSource, from: Int = 0, while more: () -> Bool = { true }) -> (documents: Int, resumeAt: Int?) {
        let parser = DocumentParser(source: source.file)
        if files.last !== source.file {
            files.append(source.file)
            warnings += source.warnings
        }
        var added = 0
        var resumeAt: Int? = nil
        DocumentSplitter.eachDocument(source.file.bytes, from: from, while: { lines in
            guard more() else {
                resumeAt = lines.first?.range.lowerBound
                return false
            }
            var parsed = parser.structure(lines)
            parsed.document.id = ids.next(title: parsed.document.title)
            parsed.document.metadata = source.metadata.lookup(id: parsed.document.id, title: parsed.document.title)
            parser.date(&parsed)
            documents.append(parsed.document)
            added += 1
            return true
        })
        return (added, resumeAt)
    }

    /// Adds the documents of `source` as an index cache entry holds them (decoded when first
    /// used), when they are what a parse here would give: the same ids in this corpus (a
    /// repeated title takes "-2" from the files before it). Their metadata is then the parse's
    /// too: the entry is only opened for the `duben.toml` it was made with, and metadata is
    /// looked up by id and title. False, and nothing added, when they are not (parse the file).
    public mutating func add(archived: ArchivedDocuments, of source: LoadedSource) -> Bool {
        guard archived.source === source.file else { return false }
        var ids = self.ids
        for k in 0..<archived.count {
            let (base, occurrence) = archived.idParts(k)
            guard ids.next(base: base) == occurrence else { return false }
        }
        self.ids = ids
        if files.last !== source.file {
            files.append(source.file)
            warnings += source.warnings
        }
        documents.append(archived: archived)
        return true
    }

    /// The document whose lines lie in `extent` (from its first line; it may run on to the next
    /// document's first line) of `file`, parsed as `add` parses it, with the id it has in its
    /// corpus: the same document, metadata and dates.
    public static func parseDocument(in extent: Range<Int>, of file: SourceFile, metadata: MetadataFile, id: String) -> Document {
        let parser = DocumentParser(source: file)
        var lines: [SourceLine] = []
        DocumentSplitter.forEachDocument(file.bytes, in: extent) { if lines.isEmpty { lines = $0 } }
        var parsed = parser.structure(lines)
        parsed.document.id = id
        parsed.document.metadata = metadata.lookup(id: id, title: parsed.document.title)
        parser.date(&parsed)
        return parsed.document
    }

    /// Adds a warning (a file skipped in the background).
    public mutating func warn(_ line: String) {
        warnings.append(line)
    }
}
