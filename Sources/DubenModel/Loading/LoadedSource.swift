/// A file as the loader read it, ready for `CorpusBuilder`: the decoded text, the metadata
/// file of its directory, and what decoding had to say about it.
public struct LoadedSource: Sendable {
    public var file: SourceFile
    /// The directory's `duben.toml` (empty when there is none).
    public var metadata: MetadataFile
    /// Warnings about the file, one line each, naming it (invalid bytes replaced).
    public var warnings: [String]

    public init(file: SourceFile, metadata: MetadataFile = MetadataFile(), warnings: [String] = []) {
        self.file = file
        self.metadata = metadata
        self.warnings = warnings
    }
}
