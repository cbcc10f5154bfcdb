/// Builds a `Corpus` from files already read and decoded (`LoadedSource`): pure, no I/O.
///
/// For each file in order: split it into documents' lines (`DocumentSplitter`), parse each
/// (`DocumentParser`), give it its id — unique in the corpus, "-2", "-3" for repeated titles
/// in reading order — and only then its metadata, so that a `duben.toml` entry may name a
/// de-duplicated id; last, date a report's passages (the metadata may give their year).
public struct CorpusBuilder {
    public init() {}

    /// - Throws: `LoadError.empty` for a file that holds no document (only blank lines, form
    ///   feeds and the like).
    public func build(_ sources: [LoadedSource]) throws(LoadError) -> Corpus {
        var documents: [Document] = []
        var ids = UniqueDocumentIDs()
        for source in sources {
            let parser = DocumentParser(source: source.file)
            let before = documents.count
            DocumentSplitter.forEachDocument(source.file.bytes) { lines in
                var parsed = parser.structure(lines)
                parsed.document.id = ids.next(title: parsed.document.title)
                parsed.document.metadata = source.metadata.lookup(id: parsed.document.id, title: parsed.document.title)
                parser.date(&parsed)
                documents.append(parsed.document)
            }
            if documents.count == before { throw .empty(path: source.file.path) }
        }
        return Corpus(documents: documents, files: sources.map(\.file), warnings: sources.flatMap(\.warnings))
    }
}
