/// A place in the library: a document and the first character shown (its block and scalar
/// offset), as a jump leaves it.
public struct Place: Hashable, Sendable {
    public var document: Int
    public var block: Int
    public var offset: Int

    public init(document: Int, block: Int, offset: Int) {
        self.document = document
        self.block = block
        self.offset = offset
    }
}

/// Where jumps started, for `''` (as in less: back to where the last jump started, and again to
/// return) and Ctrl-O (as in vim: further back, one jump at a time, across documents).
///
/// Every jump (a search, `@`, `]`, `)`, a list's choice, `g`/`G`, `%`, Tab, a bookmark) records
/// the place it left. Ctrl-O walks the list from its newest entry; the place the walk started
/// from is kept as the newest entry, so that `''` after a walk returns to it.
public struct JumpList: Hashable, Sendable {
    /// Places jumps started from, oldest first (each place once).
    public private(set) var places: [Place] = []
    /// Where the most recent jump of any kind (`''` and Ctrl-O included) started.
    public private(set) var previous: Place?
    /// The entry Ctrl-O last went to, while walking; nil when not walking.
    var cursor: Int?

    /// At most this many places are kept.
    public static let limit = 100

    public init() {}

    /// A jump left `from`.
    mutating func record(_ from: Place) {
        places.removeAll { $0 == from }
        places.append(from)
        if places.count > JumpList.limit { places.removeFirst(places.count - JumpList.limit) }
        previous = from
        cursor = nil
    }

    /// `''`: the place to go back to from `here` (nil when nothing jumped yet).
    mutating func toggle(from here: Place) -> Place? {
        guard let target = previous, target != here else { return nil }
        previous = here
        cursor = nil
        return target
    }

    /// The places in document `old` are in document `new` now (the document the reader
    /// resumed, found further on in the library); with `new` nil they go.
    mutating func move(document old: Int, to new: Int?) {
        func moved(_ p: Place) -> Place? {
            guard p.document == old else { return p }
            return new.map { Place(document: $0, block: p.block, offset: p.offset) }
        }
        places = places.compactMap(moved)
        previous = previous.flatMap(moved)
        cursor = nil
    }

    /// Ctrl-O: the next older place from `here` (nil at the oldest).
    mutating func older(from here: Place) -> Place? {
        if cursor == nil {
            places.removeAll { $0 == here }
            places.append(here)
            cursor = places.count - 1
        }
        guard let c = cursor, c > 0 else { return nil }
        cursor = c - 1
        previous = here
        return places[c - 1]
    }
}
