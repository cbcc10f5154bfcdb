/// A dated passage of a news report: its dateline ("4月20日至23日") or a sentence-opening day
/// marker ("22日，", "20日下午，").
public struct DatedPassage: Hashable, Sendable {
    public enum Kind: String, Sendable { case dateline, dayMarker }
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
