import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an export to a file. Without `overwrite`, the file is created exclusively
/// (`O_CREAT | O_EXCL`), so an existing file — even one made a moment ago by another
/// program — is never replaced.
public enum ExportFile {
    /// Why an export could not be written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(path: String)
        case io(path: String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path): already exists"
            case .io(let path, let reason): return "\(path): cannot write: \(reason)"
            }
        }
    }

    public static func write(_ data: Data, to path: String, overwrite: Bool) throws(Failure) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                written += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw .io(path: path, reason: String(cString: strerror(failure))) }
    }
}
