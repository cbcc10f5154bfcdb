/// All documents loaded from the paths given, in reading order.
public struct Corpus: Sendable {
    public var documents: DocumentList
    public var files: [SourceFile]
    /// Problems worth telling the user that did not stop loading (one line each, file named).
    public var warnings: [String]

    public init(documents: DocumentList, files: [SourceFile], warnings: [String] = []) {
        self.documents = documents
        self.files = files
        self.warnings = warnings
    }

    public init(documents: [Document], files: [SourceFile], warnings: [String] = []) {
        self.init(documents: DocumentList(documents), files: files, warnings: warnings)
    }

    /// Finds a document by id, unique id prefix, 1-based number, or unique title substring.
    public func document(matching key: String) -> Document? {
        if let d = documents.firstIndex(ofID: key) { return documents[d] }
        let byPrefix = documents.filter { $0.id.hasPrefix(key) }
        if byPrefix.count == 1 { return byPrefix[0] }
        if let n = Int(key), n >= 1, n <= documents.count { return documents[n - 1] }
        let byTitle = documents.filter { $0.title.contains(key) }
        return byTitle.count == 1 ? byTitle[0] : nil
    }

    /// The index of a document by id.
    public func index(of id: String) -> Int? { documents.firstIndex(ofID: id) }
}
