/// Stable document ids.
///
/// An id is derived from the document's title alone (FNV-1a, 64-bit, first 8 hex digits), so
/// it survives moving or renaming the file and edits anywhere but the title. Documents with the
/// same title in one corpus get "-2", "-3", … in reading order.
public enum DocumentID {
    public static func make(title: String) -> String {
        string(base: base(title: title), occurrence: 1)
    }

    /// The 32 bits of the title's hash an id is written from.
    static func base(title: String) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in title.utf8 where b != 0x20 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// The id of the `occurrence`th document (from 1) with a title of this base: 8 hex digits,
    /// then "-2", "-3", … from the second on.
    static func string(base: UInt32, occurrence: Int) -> String {
        let hex = String(base, radix: 16)
        let id = String(repeating: "0", count: 8 - hex.count) + hex
        return occurrence > 1 ? "\(id)-\(occurrence)" : id
    }
}

extension DocumentID {
    /// The base and occurrence of an id `string(base:occurrence:)` makes; nil for any other.
    static func parts(of id: String) -> (base: UInt32, occurrence: Int)? {
        let utf8 = Array(id.utf8)
        guard utf8.count >= 8, let base = UInt32(String(decoding: utf8[0..<8], as: UTF8.self), radix: 16),
              utf8[0..<8].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        if utf8.count == 8 { return (base, 1) }
        guard utf8[8] == 0x2D, utf8.count > 9, utf8[9] != 0x30, utf8.count <= 19,
              utf8[9...].allSatisfy({ (0x30...0x39).contains($0) }),
              let n = Int(String(decoding: utf8[9...], as: UTF8.self)), n >= 2, n <= Int(UInt32.max) else { return nil }
        return (base, n)
    }
}

/// Hands out the ids of a corpus's documents in reading order: the first document of a title
/// gets `DocumentID.make(title:)`, later ones "-2", "-3", ….
struct UniqueDocumentIDs {
    private var seen: [UInt32: Int] = [:]

    /// The id of the next document with this title.
    mutating func next(title: String) -> String {
        let base = DocumentID.base(title: title)
        return DocumentID.string(base: base, occurrence: next(base: base))
    }

    /// The occurrence (from 1) the next document of this base gets (an index cache entry
    /// keeps bases and occurrences, so that its ids are checked without its titles).
    mutating func next(base: UInt32) -> Int {
        let n = (seen[base] ?? 0) + 1
        seen[base] = n
        return n
    }
}
