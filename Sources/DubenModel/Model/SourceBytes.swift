#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDubenFile

/// The UTF-8 bytes of a source text, in memory of their own or in a read-only mapping of the
/// file (a large UTF-8 file that decoding leaves as it is is used in place, never copied).
/// Immutable and shared: copies of the value share the bytes, which live as long as any copy.
///
/// A mapping sees the file as it is on disk: a file cut short while mapped would raise SIGBUS
/// on reading past its new end, so mappings go through `CDubenFile`'s guard, which puts zero
/// pages there instead (the reader notices the change by the file's identity and offers `R`).
public struct SourceBytes: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let storage: Storage
    @usableFromInline let base: UnsafePointer<UInt8>
    public let count: Int

    /// Owns the memory: an array, or a mapping unmapped when the last value goes.
    @usableFromInline final class Storage: @unchecked Sendable {
        let array: [UInt8]
        let mapped: UnsafePointer<UInt8>?
        let length: Int

        init(array: [UInt8]) {
            self.array = array
            mapped = nil
            length = array.count
        }

        init(mapped: UnsafePointer<UInt8>, length: Int) {
            array = []
            self.mapped = mapped
            self.length = length
        }

        deinit {
            if let mapped { duben_unmap(mapped, Int64(length)) }
        }
    }

    private init(storage: Storage, base: UnsafePointer<UInt8>, count: Int) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    private static let empty: [UInt8] = [0]

    /// The bytes of `array`, not copied: the array is kept, unchanged, and its buffer (which
    /// an array never moves while it is not mutated) is read in place.
    public init(_ array: [UInt8]) {
        let kept = array.isEmpty ? Self.empty : array
        let storage = Storage(array: kept)
        let base = kept.withUnsafeBufferPointer { $0.baseAddress! }
        self.init(storage: storage, base: base, count: array.count)
    }

    /// The first `length` bytes of the open file `fd`, mapped read-only; nil when the file
    /// cannot be mapped (then read it).
    public static func mapping(fd: Int32, length: Int) -> SourceBytes? {
        guard length > 0, let p = duben_map(fd, Int64(length)) else { return nil }
        #if os(Linux)
        // Read ahead: the text is read from start to end by the indexer.
        _ = madvise(UnsafeMutableRawPointer(mutating: p), length, MADV_SEQUENTIAL)
        #endif
        return SourceBytes(storage: Storage(mapped: p, length: length), base: p, count: length)
    }

    /// The first `n` bytes (at most `count`), sharing the memory (the mapping stays whole).
    public func leading(_ n: Int) -> SourceBytes {
        SourceBytes(storage: storage, base: base, count: Swift.min(Swift.max(0, n), count))
    }

    /// Whether the bytes are a mapping of a file (not a copy in memory).
    public var isMapped: Bool { storage.mapped != nil }

    /// How many SIGBUS faults on mapped files this process has survived (a mapped file that
    /// shrank; see the type's note).
    public static var mappingFaults: Int { Int(duben_map_faults()) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "SourceBytes index out of range")
        return base[position]
    }

    /// Calls `body` with the bytes (valid only inside `body`).
    @inlinable public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Calls `body` with the bytes as raw memory (valid only inside `body`).
    @inlinable public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }
}

extension SourceBytes: Equatable {
    public static func == (a: SourceBytes, b: SourceBytes) -> Bool {
        a.count == b.count && (a.base == b.base || memcmp(a.base, b.base, a.count) == 0)
    }
}

extension SourceBytes: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: UInt8...) { self.init(elements) }
}

extension SourceBytes: CustomStringConvertible {
    public var description: String { "SourceBytes(\(count) bytes\(isMapped ? ", mapped" : ""))" }
}
