#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One document of a corpus: a report, a quotation collection, a speech, a book, or plain text.
public struct Document: Sendable {
    /// What kind of text a document is, decided from the evidence (Docs/FORMAT.md, "Kind").
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A news report: a dateline opens it.
        case report
        /// A quotation collection: dated citations after its passages.
        case quotations
        /// A speech: an author line or speech headings (第一部分, 第一个问题).
        case speech
        /// A novel or a book: chapters (第N章, 第N回, 第N编, 楔子, 尾声…).
        case book
        /// Anything else.
        case text
    }

    /// Stable id: derived from the title, so it survives moving or renaming the file and edits
    /// elsewhere in the text (see `DocumentID`).
    public var id: String
    public var title: String
    public var author: String?
    public var kind: Kind
    public var source: SourceFile
    /// Byte range of the whole document in `source`.
    public var range: Range<Int>
    public var blocks: [Block]
    public var toc: [TOCEntry]
    public var quotations: [Quotation]
    /// A news report's opening date ("4月20日至23日").
    public var dateline: DatedPassage?
    /// A news report's sentence-opening day markers ("20日下午，", "22日，").
    public var datedPassages: [DatedPassage]
    /// Facts from the metadata file, when one names this document.
    public var metadata: DocumentMetadata?
    /// The document's own date and occasion, from the lines under its title: a date line
    /// ("（一九五六年四月二十五日）"), a delivery line ("2024年1月20日在…会议上"), a "——在…上的讲话"
    /// subtitle with a date line, or a dated bracket ending the title.
    public var citation: Citation? = nil
    /// How many blocks, at the start of `blocks`, stand before the title in the file: web page
    /// furniture above it (`当前位置：首页 > 时政 > 正文`, `【字体：大 中 小】`, `打印本页`), kept as
    /// notes.
    public var notesBeforeTitle = 0

    /// The date the document itself gives (not one made from its quotations): the metadata's,
    /// else the date line under its title, else a report's dateline.
    public var ownDate: DateSpan? {
        metadata?.date ?? citation?.date ?? dateline?.date
    }

    /// The document's date or date span: metadata first, then its own citation (the date line
    /// under its title), then the dateline, then the span of its quotations and dated sections.
    public var date: DateSpan? {
        if let d = metadata?.date { return d }
        if let d = citation?.date { return d }
        if let d = dateline?.date { return d }
        let dated = quotations.map(\.citation.date) + datedPassages.filter { $0.kind == .sectionDate }.map(\.date)
        guard let first = dated.map(\.start).min(), let last = dated.map(\.last).max() else { return nil }
        return DateSpan(start: first, end: last == first ? nil : last)
    }

    /// The pieces of a block's text: source lines of a hard-wrapped paragraph, each with the
    /// separator that joins it to the previous one. Most blocks have one segment.
    public func segments(of blockIndex: Int) -> [TextSegment] {
        TextSegment.segments(of: blocks[blockIndex].range, in: source.bytes)
    }

    /// Whether the block is one source line (so its text is its byte range as is). Most
    /// blocks are; the layout asks before it builds `segments(of:)`.
    public func isSingleLine(_ blockIndex: Int) -> Bool {
        let range = blocks[blockIndex].range
        return source.bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, !range.isEmpty else { return true }
            return memchr(base + range.lowerBound, 0x0A, range.count) == nil
        }
    }

    /// The block's text, hard-wrapped lines joined (see `TextSegment`).
    public func text(of blockIndex: Int) -> String {
        TextSegment.joined(blocks[blockIndex].range, in: source)
    }

    /// The innermost TOC heading (not run-in point) at or before a block.
    public func section(at blockIndex: Int) -> Int? {
        var found: Int? = nil
        for (i, e) in toc.enumerated() where !e.isRunIn {
            if e.block <= blockIndex { found = i } else { break }
        }
        return found
    }

    /// The quotation containing a block, if any.
    public func quotation(at blockIndex: Int) -> Quotation? {
        guard blockIndex >= 0, blockIndex < blocks.count, let q = blocks[blockIndex].quotation else { return nil }
        return quotations[q]
    }

    // MARK: Anchors

    /// Converts an anchor's scalar offset to a byte offset in `source`.
    public func byteOffset(of anchor: TextAnchor) -> Int {
        let b = max(0, min(anchor.block, blocks.count - 1))
        var remaining = max(0, anchor.offset)
        let bytes = source.bytes
        for seg in segments(of: b) {
            if seg.joinsWithSpace {
                if remaining == 0 { return seg.range.lowerBound }
                remaining -= 1
            }
            var i = seg.range.lowerBound
            while i < seg.range.upperBound {
                if remaining == 0 { return i }
                i += UTF8Scalars.scalarLength(bytes[i])
                remaining -= 1
            }
            if remaining == 0 && seg.range.upperBound == blocks[b].range.upperBound { return i }
        }
        return blocks[b].range.upperBound
    }

    /// The anchor of a byte offset in `source` (clamped to the document's blocks).
    public func anchor(atByte byte: Int) -> TextAnchor {
        guard !blocks.isEmpty else { return TextAnchor(document: id, block: 0, offset: 0) }
        // Last block starting at or before the byte.
        var lo = 0, hi = blocks.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if blocks[mid].range.lowerBound <= byte { lo = mid } else { hi = mid - 1 }
        }
        let b = lo
        let target = min(max(byte, blocks[b].range.lowerBound), blocks[b].range.upperBound)
        var offset = 0
        let bytes = source.bytes
        for seg in segments(of: b) {
            if seg.range.lowerBound > target { break }
            if seg.joinsWithSpace { offset += 1 }
            var i = seg.range.lowerBound
            while i < min(target, seg.range.upperBound) {
                i += UTF8Scalars.scalarLength(bytes[i])
                offset += 1
            }
        }
        return TextAnchor(document: id, block: b, offset: offset)
    }
}
