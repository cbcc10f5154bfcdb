/// The source line of a quotation: "（2020年3月27日同美国总统特朗普通电话）".
///
/// The citation keeps its text as a byte range of its source, like blocks do; the strings are
/// made when asked for.
public struct Citation: Hashable, Sendable {
    public let source: SourceFile
    // Packed byte ranges (see `ByteSpan`); `ByteSpan.none` stands for no title.
    private var textSpan: ByteSpan
    private var occasionSpan: ByteSpan
    private var titleSpan: ByteSpan
    /// The date taken from the leading or trailing position of the citation.
    public var date: DateSpan

    public init(source: SourceFile, textRange: Range<Int>, occasionRange: Range<Int>, titleRange: Range<Int>?, date: DateSpan) {
        self.source = source
        textSpan = ByteSpan(textRange)
        occasionSpan = ByteSpan(occasionRange)
        titleSpan = titleRange.map(ByteSpan.init) ?? .none
        self.date = date
    }

    /// Byte range of the citation as written, without its outer brackets or leading "——".
    public var textRange: Range<Int> { textSpan.range }
    /// Byte range of the occasion: the citation without its date, "摘自" and edge punctuation.
    public var occasionRange: Range<Int> { occasionSpan.range }
    /// Byte range of the text inside the first 《…》 of the occasion, when there is one.
    public var titleRange: Range<Int>? { titleSpan == .none ? nil : titleSpan.range }

    /// The citation as written, without its outer brackets or leading "——". A citation split
    /// over two lines ("…座谈会上⏎的讲话") reads as one, joined as a block's lines are
    /// (`TextSegment`).
    public var text: String { TextSegment.joined(textRange, in: source) }
    /// The citation without its date ("同美国总统特朗普通电话"); may be empty.
    public var occasion: String { TextSegment.joined(occasionRange, in: source) }
    /// The title in 《…》 inside the occasion, when there is one.
    public var title: String? { titleRange.map { source.string($0) } }

    public static func == (a: Citation, b: Citation) -> Bool {
        a.source === b.source && a.textRange == b.textRange && a.occasionRange == b.occasionRange && a.date == b.date
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(textRange)
        hasher.combine(date)
    }
}
