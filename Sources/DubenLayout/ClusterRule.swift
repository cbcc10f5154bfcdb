/// Where duben's grapheme clusters begin: one rule for the wrapper (`LineWrapper`), the screen
/// buffer and `DisplayWidth`, so that text is cut into the same cells, measured the same way,
/// wherever it is drawn.
///
/// A scalar continues the cluster before it when it takes no cells (combining marks, variation
/// selectors, ZWJ), follows a ZWJ, is an emoji modifier, or is the second of a pair of regional
/// indicators — unless that cluster is a tab or a placeholder (nothing joins those, see
/// `Sanitizer`), or would grow wider than `maxWidth` (the line width: a ZWJ chain wider than a
/// whole line is cut where it would overflow). A cluster is as wide as the sum of its scalars.
struct ClusterRule {
    let measure: DisplayWidth
    let maxWidth: Int
    /// The last scalar seen.
    private(set) var previous: UInt32 = 0
    /// How many regional indicators in a row end at `previous`.
    private var regionalRun = 0
    /// Cells of the cluster being built, or -1 when there is none that can grow.
    private var open = -1

    /// What one scalar does.
    enum Step {
        /// It continues the cluster before it and adds this many cells.
        case joins(Int)
        /// It starts a cluster shown as is, of this many cells so far.
        case starts(Int)
        /// It is a tab (a cluster of its own, as wide as its column makes it).
        case tab
        /// It is a control, shown as this placeholder of this many cells (a cluster of its
        /// own): 1, or 2 for the East Asian Ambiguous "¿" and U+FFFD at ambiguous width 2.
        case placeholder(Unicode.Scalar, Int)
    }

    init(measure: DisplayWidth, maxWidth: Int = .max) {
        self.measure = measure
        self.maxWidth = maxWidth
    }

    /// The next scalar.
    @inline(__always)
    mutating func step(_ v: UInt32) -> Step { step(v, width: measure.width(v)) }

    /// The next scalar, whose `wcwidth` is `w`.
    @inline(__always)
    mutating func step(_ v: UInt32, width w: Int) -> Step {
        let isRegional = (0x1F1E6...0x1F1FF).contains(v)
        let pairsRegional = isRegional && regionalRun % 2 == 1
        let after = previous
        previous = v
        regionalRun = isRegional ? regionalRun + 1 : 0
        switch Sanitizer.shown(v, width: w) {
        case .tab:
            open = -1
            return .tab
        case .placeholder(let p):
            open = -1
            return .placeholder(p, measure.width(p.value))
        case .asIs:
            if open >= 0 && (w == 0 || open + w <= maxWidth)
                && (w == 0 || after == 0x200D || (0x1F3FB...0x1F3FF).contains(v) || pairsRegional) {
                open += w
                return .joins(w)
            }
            open = w
            return .starts(w)
        }
    }

    /// Records that `v` starts a cluster of `w` cells shown as is, without asking `step`: the
    /// wrapper's shortcut for CJK ideographs and printable ASCII not after a ZWJ, which always do.
    @inline(__always)
    mutating func startsPlain(_ v: UInt32, width w: Int) {
        previous = v
        regionalRun = 0
        open = w
    }
}

/// The grapheme clusters of a string as the screen shows it, by the one `ClusterRule` and the one
/// `Sanitizer` rule: what `ScreenBuffer.put` draws and `DisplayWidth.width(of:)` counts.
public struct ShownClusters: Sequence, IteratorProtocol {
    /// One cluster.
    public struct Cluster: Hashable, Sendable {
        /// Where its scalars are in the string.
        public let scalars: Range<String.Index>
        /// Shown as is, as spaces (a tab), or as a placeholder.
        public let shown: Sanitizer.Shown
        /// Cells it takes; a tab's count from the start of the string.
        public let cells: Int
    }

    private let text: String.UnicodeScalarView
    private var index: String.Index
    private var rule: ClusterRule
    private var column = 0
    /// The scalar that ended the last cluster (and starts the next), with its step.
    private var pending: (start: String.Index, step: ClusterRule.Step)?

    init(_ string: String, measure: DisplayWidth) {
        text = string.unicodeScalars
        index = text.startIndex
        rule = ClusterRule(measure: measure)
    }

    /// The next cluster, or nil at the end of the string.
    public mutating func next() -> Cluster? {
        let start: String.Index
        let first: ClusterRule.Step
        if let p = pending {
            (start, first) = p
            pending = nil
        } else {
            guard index < text.endIndex else { return nil }
            start = index
            first = rule.step(text[index].value)
            index = text.index(after: index)
        }
        var end = index
        var cells: Int
        let shown: Sanitizer.Shown
        switch first {
        case .tab: cells = Sanitizer.tabWidth(atColumn: column); shown = .tab
        case .placeholder(let p, let w): cells = w; shown = .placeholder(p)
        case .starts(let w), .joins(let w): cells = w; shown = .asIs
        }
        while index < text.endIndex {
            let step = rule.step(text[index].value)
            let at = index
            index = text.index(after: index)
            if case .joins(let w) = step {
                cells += w
                end = index
            } else {
                pending = (at, step)
                break
            }
        }
        column += cells
        return Cluster(scalars: start..<end, shown: shown, cells: cells)
    }
}
