/// The documents of a corpus in reading order: runs of documents parsed here, and runs an index
/// cache entry holds (`ArchivedDocuments`), each of those decoded when it is first used.
///
/// A gigabyte's library from a warm cache is then ready at once: its forty thousand documents
/// are not decoded before the library list, the timeline or the first page can be shown; the
/// ids (`id(at:)`, `firstIndex(ofID:)`) and the dated items (`Chronology`) come from the
/// entry's tables without decoding any document.
public struct DocumentList: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    /// A run of documents: parsed, or in an index cache entry.
    enum Run: Sendable {
        case parsed([Document])
        case archived(ArchivedDocuments)

        var count: Int {
            switch self {
            case .parsed(let documents): return documents.count
            case .archived(let archive): return archive.count
            }
        }
    }

    private(set) var runs: [Run] = []
    /// The last run takes no more documents (`seal`): the next one starts a run.
    private var sealed = false
    /// The index of each run's first document.
    private var starts: [Int] = []
    public private(set) var count = 0

    public init(_ documents: [Document] = []) {
        if !documents.isEmpty { append(contentsOf: documents) }
    }

    public init(arrayLiteral elements: Document...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The run holding document `index`, and the document's index in it.
    private func locate(_ index: Int) -> (run: Int, offset: Int) {
        precondition(index >= 0 && index < count, "document index \(index) out of 0..<\(count)")
        if runs.count == 1 { return (0, index) }
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return (lo, index - starts[lo])
    }

    /// Document `index` (a copy: unlike an array's subscript, reading one field copies the
    /// document, so a loop over many documents' fields is better done once per document).
    public subscript(index: Int) -> Document {
        let (r, k) = locate(index)
        switch runs[r] {
        case .parsed(let documents): return documents[k]
        case .archived(let archive): return archive.document(k)
        }
    }

    /// The id of document `index`, without decoding it.
    public func id(at index: Int) -> String {
        let (r, k) = locate(index)
        switch runs[r] {
        case .parsed(let documents): return documents[k].id
        case .archived(let archive): return archive.id(k)
        }
    }

    /// The index of the document with this id (ids are unique in a corpus), without decoding
    /// any archived document.
    public func firstIndex(ofID id: String) -> Int? {
        for (r, run) in runs.enumerated() {
            switch run {
            case .parsed(let documents):
                if let k = documents.firstIndex(where: { $0.id == id }) { return starts[r] + k }
            case .archived(let archive):
                if let k = archive.index(ofID: id) { return starts[r] + k }
            }
        }
        return nil
    }

    /// The indices of the documents in `range` whose ids are among `ids`, by id: one pass,
    /// without making the id of any archived document (an archived run's ids are compared as
    /// the base and occurrence its table holds). A reader taking in a gigabyte's library from
    /// the cache looked for its saved positions by making 40,000 ids: 8–15 ms.
    public func indices(ofIDs ids: Set<String>, in range: Range<Int>) -> [String: Int] {
        var found: [String: Int] = [:]
        guard !ids.isEmpty, !range.isEmpty else { return found }
        var byParts: [UInt64: String] = [:]
        for id in ids {
            if let (base, occurrence) = DocumentID.parts(of: id) { byParts[UInt64(base) << 32 | UInt64(occurrence)] = id }
        }
        for (r, run) in runs.enumerated() {
            let start = starts[r]
            let lower = Swift.max(range.lowerBound, start), upper = Swift.min(range.upperBound, start + run.count)
            guard lower < upper else { continue }
            let within = lower..<upper
            switch run {
            case .parsed(let documents):
                for d in within where ids.contains(documents[d - start].id) { found[documents[d - start].id] = d }
            case .archived(let archive):
                guard !byParts.isEmpty else { continue }
                for d in within {
                    let (base, occurrence) = archive.idParts(d - start)
                    if let id = byParts[UInt64(base) << 32 | UInt64(occurrence)] { found[id] = d }
                }
            }
        }
        return found
    }

    /// The runs with the index of each one's first document (`Chronology` takes an archived
    /// run's dated items from its entry).
    var runsWithStarts: [(start: Int, run: Run)] { Array(zip(starts, runs)) }

    /// Ends the last run: documents appended from now on go to a new one. A snapshot of a
    /// library being indexed seals the list it hands out, so that the indexer's next documents
    /// never copy the run the reader holds (copying 40,000 documents ten times a second, and
    /// freeing the copies, took a sixth of the indexer's time and the reader's frames).
    public mutating func seal() { sealed = true }

    public mutating func append(_ document: Document) {
        if !sealed, case .parsed(var documents) = runs.last {
            // Out of the enum first, so that the append does not copy the run.
            runs[runs.count - 1] = .parsed([])
            documents.append(document)
            runs[runs.count - 1] = .parsed(documents)
        } else {
            starts.append(count)
            runs.append(.parsed([document]))
            sealed = false
        }
        count += 1
    }

    public mutating func append<S: Sequence>(contentsOf documents: S) where S.Element == Document {
        for d in documents { append(d) }
    }

    /// Appends the documents of an index cache entry (decoded when first used).
    mutating func append(archived: ArchivedDocuments) {
        guard archived.count > 0 else { return }
        starts.append(count)
        runs.append(.archived(archived))
        count += archived.count
        sealed = false
    }

    public static func += <S: Sequence>(list: inout DocumentList, documents: S) where S.Element == Document {
        list.append(contentsOf: documents)
    }
}
