/// Stable document ids.
///
/// An id is derived from the document's title alone (FNV-1a, 64-bit, first 8 hex digits), so
/// it survives moving or renaming the file and edits anywhere but the title. Documents with the
/// same title in one corpus get "-2", "-3", … in reading order.
public enum DocumentID {
    public static func make(title: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in title.utf8 where b != 0x20 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Hands out the ids of a corpus's documents in reading order: the first document of a title
/// gets `DocumentID.make(title:)`, later ones "-2", "-3", ….
struct UniqueDocumentIDs {
    private var seen: [String: Int] = [:]

    /// The id of the next document with this title.
    mutating func next(title: String) -> String {
        let base = DocumentID.make(title: title)
        let n = (seen[base] ?? 0) + 1
        seen[base] = n
        return n > 1 ? "\(base)-\(n)" : base
    }
}
