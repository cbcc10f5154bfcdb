import DubenModel

/// The last search: its pattern, its direction, where its last match was (for n and N), and
/// the library-wide count, which arrives later (counted off the main loop).
public struct SearchState: Sendable {
    public var pattern: SearchPattern
    public var forward: Bool
    public var lastMatch: MatchLocation?
    /// Which search this is: a count that comes back for an older one is dropped.
    public var generation: Int
    /// Matches in the whole library (in blocks, as n visits them); nil until counted.
    public var libraryCount: Int?

    /// The pattern as typed.
    public var text: String { pattern.source }
}

/// Where a search match is.
public struct MatchLocation: Hashable, Sendable {
    public var document: Int
    public var block: Int
    public var range: Range<Int>

    public init(document: Int, block: Int, range: Range<Int>) {
        self.document = document
        self.block = block
        self.range = range
    }
}
