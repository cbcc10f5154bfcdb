/// The text files some paths stand for, as `CorpusLoader.listing(paths:)` found them: for
/// each path in order, its files, a directory's not yet sorted. Sorting 10,000 paths took
/// 5 ms; the reader sorts them on its indexing thread and needs only the first at once.
public struct FileListing: Sendable {
    /// The files of each path given, in the order given (a directory's unsorted).
    let groups: [[String]]

    /// How many files there are.
    public var count: Int { groups.reduce(0) { $0 + $1.count } }

    /// The first file in reading order (`sorted().first`), found without sorting.
    public var first: String? { groups.lazy.compactMap { $0.min() }.first }

    /// Every file in reading order: each path's in turn, a directory's sorted by path.
    public func sorted() -> [String] { groups.flatMap { $0.sorted() } }
}
