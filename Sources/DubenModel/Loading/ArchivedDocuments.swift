import Foundation
import Synchronization

/// The documents of one file as an index cache entry holds them (`IndexArchive`, format 3),
/// decoded one at a time when first used, and kept.
///
/// Opening checks the entry's table (its checksum is the entry's, `IndexCache`): every
/// document's record, range and id; the file's dated items are checked when read. A record is checked against
/// its own checksum when it is decoded; one that fails (the entry was damaged after it was
/// opened) is parsed again from the text instead, so a document is always what a parse gives.
/// Thread-safe: the reader and the match counter's thread may decode at once.
public final class ArchivedDocuments: @unchecked Sendable {
    let source: SourceFile
    let metadata: MetadataFile
    /// The entry's bytes (mapped): kept open while documents point into the table.
    private let entry: SourceBytes
    /// The table, then the records, as offsets in `entry`.
    private let table: Int
    private let records: Range<Int>
    /// Documents in the entry.
    public let count: Int
    /// Dated items in the entry.
    public let itemCount: Int
    private let lock = NSLock()
    /// The documents decoded so far, by index. A dictionary, not an array of optionals: a
    /// document is hundreds of bytes, and 40,000 empty slots (10 MB, written whole) took 5–7 ms
    /// of opening a gigabyte's entry.
    private var decoded: [Int: Document] = [:]
    /// How many records failed their checksum and were parsed again (tests).
    var reparsed: Int { lock.withLock { reparsedCount } }
    private var reparsedCount = 0
    /// How many documents have been decoded (tests).
    var decodedCount: Int { lock.withLock { decoded.count } }

    /// The documents of `payload` (a range of `entry`, the part up to `checked` verified by
    /// the entry's checksum); nil when the table is not a whole, consistent one for `source`.
    public init?(entry: SourceBytes, payload: Range<Int>, checked: Int, source: SourceFile, metadata: MetadataFile) {
        guard checked >= 8, checked <= payload.count else { return nil }
        let ok: (Int, Int)? = entry.withUnsafeBytes { raw in
            let p = UnsafeRawBufferPointer(rebasing: raw[payload])
            let n = Int(p.load32(0)), m = Int(p.load32(4))
            guard 8 + (n + m) * IndexArchive.rowSize == checked else { return nil }
            let recordsLength = payload.count - checked
            for k in 0..<n {
                let row = 8 + k * IndexArchive.rowSize
                let occurrence = p.load32(row + 4), lo = p.load32(row + 8), hi = p.load32(row + 12)
                let offset = p.load64(row + 16), length = UInt64(p.load32(row + 24))
                guard occurrence >= 1, lo <= hi, Int(hi) <= source.bytes.count,
                      offset <= UInt64(recordsLength), length <= UInt64(recordsLength) - offset else { return nil }
            }
            // The dated items are checked when they are read (`datedItems`).
            return (n, m)
        }
        guard let (n, m) = ok, n > 0 else { return nil }
        self.entry = entry
        self.source = source
        self.metadata = metadata
        table = payload.lowerBound
        records = (payload.lowerBound + checked)..<payload.upperBound
        count = n
        itemCount = m
    }

    private func row<R>(_ k: Int, _ body: (UnsafeRawBufferPointer, Int) -> R) -> R {
        entry.withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[table...]), 8 + k * IndexArchive.rowSize) }
    }

    /// The id of document `k`.
    func id(_ k: Int) -> String {
        row(k) { p, at in DocumentID.string(base: p.load32(at), occurrence: Int(p.load32(at + 4))) }
    }

    /// The base and occurrence of document `k`'s id (`UniqueDocumentIDs`).
    func idParts(_ k: Int) -> (base: UInt32, occurrence: Int) {
        row(k) { p, at in (p.load32(at), Int(p.load32(at + 4))) }
    }

    /// The index of the document with this id.
    func index(ofID id: String) -> Int? {
        guard let (base, occurrence) = DocumentID.parts(of: id) else { return nil }
        for k in 0..<count where idParts(k) == (base, occurrence) { return k }
        return nil
    }

    /// Document `k`: decoded from its record the first time, then kept.
    func document(_ k: Int) -> Document {
        if let d = lock.withLock({ decoded[k] }) { return d }
        let (lo, hi, offset, length, sum) = row(k) { p, at in
            (Int(p.load32(at + 8)), Int(p.load32(at + 12)), Int(p.load64(at + 16)), Int(p.load32(at + 24)), p.load32(at + 28))
        }
        let id = id(k)
        let fromRecord: Document? = entry.withUnsafeBytes { raw in
            let start = records.lowerBound + offset
            let record = UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)])
            guard IndexArchive.recordChecksum(record) == sum else { return nil }
            var r = IndexArchive.Reader(p: record, limit: source.bytes.count)
            guard let d = IndexArchive.document(&r, source: source), r.atEnd, d.id == id, d.range == lo..<hi else { return nil }
            return d
        }
        let d: Document
        if let fromRecord {
            d = fromRecord
        } else {
            d = CorpusBuilder.parseDocument(in: lo..<hi, of: source, metadata: metadata, id: id)
            lock.withLock { reparsedCount += 1 }
        }
        lock.withLock { decoded[k] = d }
        return d
    }

    /// The entry's dated items (`Chronology`, passages included) in date order, documents
    /// numbered from `documentBase` and reading order from `orderBase`; nil when a row is not an
    /// item of this entry or the rows are not in date order (then make them from the documents).
    ///
    /// A gigabyte's entry has 900,000 items (31 MB of them): its two halves are decoded on two
    /// threads at once (16–25 ms on one), each half checked in order and the halves where
    /// they meet. `DatedItem` holds no references, so a table found bad leaves nothing to
    /// release in the items already written.
    /// - Parameter parts: how many threads decode (by default two from 65,536 items).
    func datedItems(documentBase: Int, orderBase: Int, parts: Int? = nil) -> [DatedItem]? {
        precondition(_isPOD(DatedItem.self))
        return entry.withUnsafeBytes { raw in
            let rows = Rows(p: UnsafeRawBufferPointer(rebasing: raw[table...]), documents: count, items: itemCount,
                            documentBase: documentBase, orderBase: orderBase)
            let parts = max(1, min(parts ?? (itemCount >= 1 << 16 ? 2 : 1), max(1, itemCount)))
            var valid = true
            let items = [DatedItem](unsafeUninitializedCapacity: itemCount) { buffer, filled in
                let out = Output(buffer: buffer)
                let results = Mutex([UInt64?](repeating: nil, count: 2 * parts))
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let range = rows.items * part / parts..<rows.items * (part + 1) / parts
                    let ends = rows.decode(range, into: out.buffer)
                    results.withLock {
                        $0[2 * part] = ends?.first
                        $0[2 * part + 1] = ends?.last
                    }
                }
                let ends = results.withLock { $0 }
                // Each part in order, and each part's first key not before the last of the one
                // before (an empty table has no part to check).
                valid = itemCount == 0 || (ends.allSatisfy { $0 != nil }
                    && (0..<(parts - 1)).allSatisfy { ends[2 * $0 + 1]! <= ends[2 * $0 + 2]! })
                filled = valid ? itemCount : 0
            }
            return valid ? items : nil
        }
    }

    /// The item rows of an entry's table, and where the items go in the library.
    private struct Rows: @unchecked Sendable {
        let p: UnsafeRawBufferPointer
        let documents: Int
        let items: Int
        let documentBase: Int
        let orderBase: Int

        /// Decodes the rows of `range` into `buffer` at the same indices: the first and last
        /// keys (date, reading order), or nil when a row is not an item of the entry or the
        /// rows are out of order.
        func decode(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<DatedItem>) -> (first: UInt64, last: UInt64)? {
            guard !range.isEmpty else { return (0, 0) }
            var first: UInt64 = 0
            var previous: UInt64 = 0
            for i in range {
                guard var item = IndexArchive.item(p, at: 8 + (documents + i) * IndexArchive.rowSize, documents: documents, items: items)
                else { return nil }
                let key = item.date.start.orderKey << 31 | UInt64(item.readingOrder)
                if i == range.lowerBound { first = key } else if key < previous { return nil }
                previous = key
                item.shift(documents: documentBase, order: orderBase)
                (buffer.baseAddress! + i).initialize(to: item)
            }
            return (first, previous)
        }
    }

    /// Where both halves write (disjoint ranges of one buffer).
    private struct Output: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<DatedItem>
    }
}

extension UnsafeRawBufferPointer {
    func load32(_ at: Int) -> UInt32 { UInt32(littleEndian: loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    func load64(_ at: Int) -> UInt64 { UInt64(littleEndian: loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
}
