/// A dated passage: a news report's dateline ("4月20日至23日") or a sentence-opening day
/// marker ("22日，", "20日下午，"), or a section dated by the date line under its heading.
public struct DatedPassage: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case dateline, dayMarker
        /// A date line right under a heading ("（2013年7月23日）", "2011年11月16日"): dates the
        /// section; `block` is the date line (a note), `marker` its date as written.
        case sectionDate
    }
    public var kind: Kind
    public var date: DateSpan
    /// Where the marker starts.
    public var block: Int
    /// Offset of the marker in Unicode scalars from the start of the block's text.
    public var offset: Int
    /// The marker as written ("20日下午").
    public var marker: String

    public init(kind: Kind, date: DateSpan, block: Int, offset: Int, marker: String) {
        self.kind = kind
        self.date = date
        self.block = block
        self.offset = offset
        self.marker = marker
    }
}
