/// The source line of a quotation: "（2020年3月27日同美国总统特朗普通电话）".
public struct Citation: Hashable, Sendable {
    /// The citation as written, without its outer brackets or leading "——".
    public var text: String
    /// The date taken from the leading or trailing position of the citation.
    public var date: DateSpan
    /// The citation without its date ("同美国总统特朗普通电话"); may be empty.
    public var occasion: String
    /// The title in 《…》 inside the occasion, when there is one.
    public var title: String?

    public init(text: String, date: DateSpan, occasion: String, title: String?) {
        self.text = text
        self.date = date
        self.occasion = occasion
        self.title = title
    }
}
