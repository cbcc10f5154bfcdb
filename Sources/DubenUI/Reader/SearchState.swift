import DubenModel

/// The last search: its pattern, its direction and where its last match was (for n and N).
public struct SearchState: Sendable {
    public var matcher: TextMatcher
    public var pattern: String
    public var forward: Bool
    public var lastMatch: MatchLocation?
}

/// Where a search match is.
public struct MatchLocation: Hashable, Sendable {
    public var document: Int
    public var block: Int
    public var range: Range<Int>
}
