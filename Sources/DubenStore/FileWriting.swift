#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writing bytes to an open file descriptor, for the store's whole-file writes.
enum FileWriting {
    /// Writes all of `data` to `fd`, going on after short writes and EINTR: 0, or the errno
    /// of the write that failed (a full disk, a file size limit).
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { buffer -> Int32 in
            var written = 0
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return errno }
                written += n
            }
            return 0
        }
    }
}
