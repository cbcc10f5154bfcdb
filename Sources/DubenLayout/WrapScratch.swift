/// The working memory of `LineWrapper`: per-cluster measurements, per-scalar cells, the block as
/// UTF-16 (what ICU reads), and the permitted-break flags of the block being wrapped.
///
/// Wrapping is the hot path of the reader and of `duben render` (a 100 MB corpus has hundreds
/// of thousands of blocks), so these are raw buffers reused from block to block rather than
/// arrays allocated, grown and uniqueness-checked per block. A `DocumentLayout` owns one, or
/// shares its `LayoutCache`'s; it is not thread-safe. Buffers grown past `keptCapacity` for an unusually long block are
/// given back afterwards (`trim()`).
final class WrapScratch {
    /// Byte offset of each cluster's first scalar.
    private(set) var startByte: UnsafeMutablePointer<Int32>
    /// UTF-16 offset of each cluster's first scalar (ICU's offsets are in UTF-16 units).
    private(set) var startUnit: UnsafeMutablePointer<Int32>
    /// Scalar offset of each cluster's first scalar.
    private(set) var startScalar: UnsafeMutablePointer<Int32>
    /// Cells; tabs are 0 here (their width depends on the column).
    private(set) var width: UnsafeMutablePointer<Int16>
    /// The cluster's first scalar.
    private(set) var base: UnsafeMutablePointer<UInt32>
    /// 0 plain, 1 tab, 2 sanitised control.
    private(set) var special: UnsafeMutablePointer<UInt8>
    /// Per scalar: the cells it adds, with `DisplayBytes.joins` when it continues a cluster
    /// (what the lines keep for the screen).
    private(set) var cells: UnsafeMutablePointer<UInt8>
    /// `allowed[i]`: a line may start at cluster `i`.
    private(set) var allowed: UnsafeMutablePointer<Bool>
    /// ICU's break offsets (UTF-16).
    private(set) var breaks: UnsafeMutablePointer<Int32>
    /// The block's text in UTF-16.
    private(set) var utf16: UnsafeMutablePointer<UInt16>
    /// Elements each buffer holds.
    private(set) var capacity: Int

    static let keptCapacity = 1 << 16

    init() {
        (startByte, startUnit, startScalar, width, base, special, cells, allowed, breaks, utf16) = WrapScratch.allocate(1)
        capacity = 1
    }

    deinit { release() }

    /// Makes room for a text of `bytes` bytes: it has at most that many scalars, clusters,
    /// UTF-16 units and break opportunities (plus one).
    func reserve(bytes: Int) {
        let needed = bytes + 1
        guard needed > capacity else { return }
        release()
        let size = max(needed, min(2 * capacity, WrapScratch.keptCapacity))
        (startByte, startUnit, startScalar, width, base, special, cells, allowed, breaks, utf16) = WrapScratch.allocate(size)
        capacity = size
    }

    /// Gives back buffers grown for one very long block.
    func trim() {
        guard capacity > WrapScratch.keptCapacity else { return }
        release()
        (startByte, startUnit, startScalar, width, base, special, cells, allowed, breaks, utf16) = WrapScratch.allocate(1)
        capacity = 1
    }

    private static func allocate(_ n: Int) -> (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                               UnsafeMutablePointer<Int16>, UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<UInt8>,
                                               UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Bool>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UInt16>) {
        (.allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n),
         .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n))
    }

    private func release() {
        startByte.deallocate()
        startUnit.deallocate()
        startScalar.deallocate()
        width.deallocate()
        base.deallocate()
        special.deallocate()
        cells.deallocate()
        allowed.deallocate()
        breaks.deallocate()
        utf16.deallocate()
    }
}
