/// Where a document lies: its id, its file as it was (path and identity) and its byte range
/// there. Saved with the last document read, so that the next session can parse that
/// document alone, before the library (`LibraryIndexer`'s `resume`), when the file is as it was.
public struct DocumentPlace: Hashable, Sendable {
    public var id: String
    /// Absolute (`IndexCache.absolute`), so that it is found again from any directory.
    public var path: String
    /// The document's bytes in the file's text (the decoded text, for a file that is not
    /// plain UTF-8: decoding it again gives the same bytes).
    public var range: Range<Int>
    public var identity: FileIdentity
    /// Whether the file was mapped as plain UTF-8 (`SourceDecoder.isPlain`) — the whole file,
    /// or (the start of a large file shown first) at least its bytes up to the document's
    /// end: with the same identity it is mapped again without its bytes being checked, as
    /// for the index cache, and only the document's range is parsed.
    public var plain: Bool

    public init(id: String, path: String, range: Range<Int>, identity: FileIdentity, plain: Bool) {
        self.id = id
        self.path = path
        self.range = range
        self.identity = identity
        self.plain = plain
    }
}

extension Document {
    /// Where this document lies, for resuming it first; nil for standard input (no file to
    /// read again).
    public var place: DocumentPlace? {
        guard source.path != "-", let identity = source.identity else { return nil }
        return DocumentPlace(id: id, path: IndexCache.absolute(source.path), range: range, identity: identity, plain: source.bytes.isMapped)
    }
}
