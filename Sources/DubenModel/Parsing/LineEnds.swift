/// A trimmed line's first and last scalars, decoded once for the classifier's tests.
struct LineEnds {
    let first: UInt32
    let firstLength: Int
    let last: UInt32
    let lastStart: Int

    /// `range` must not be empty.
    @inline(__always)
    init(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        (first, firstLength) = UTF8Scalars.decode(p, at: range.lowerBound)
        lastStart = UTF8Scalars.previousStart(p, before: range.upperBound, lowerBound: range.lowerBound)
        last = UTF8Scalars.decode(p, at: lastStart).value
    }
}
