import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an export to a file, whole or not at all: the data goes to a temporary file beside
/// it, which is fsynced and then renamed over the file (`overwrite`) or linked to its name
/// (`link` fails when the name exists, so an existing file — even one made a moment ago by
/// another program — is never replaced). A full disk or a file size limit leaves no partial
/// export behind.
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
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        func failed(_ code: Int32) -> Failure {
            unlink(temporary)
            return .io(path: path, reason: String(cString: strerror(code)))
        }
        if !overwrite {
            var st = stat()
            if lstat(path, &st) == 0 { throw .exists(path: path) }
        }
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        let writeError = FileWriting.writeAll(fd, data)
        if writeError != 0 { close(fd); throw failed(writeError) }
        if fsync(fd) != 0 { let e = errno; close(fd); throw failed(e) }
        if close(fd) != 0 { throw failed(errno) }
        if overwrite {
            if rename(temporary, path) != 0 { throw failed(errno) }
            return
        }
        if link(temporary, path) != 0 {
            let e = errno
            unlink(temporary)
            if e == EEXIST { throw .exists(path: path) }
            // A file system without hard links (FAT on a USB stick): create the file
            // exclusively and write it in place, removing it when the write fails.
            guard e == EPERM || e == EOPNOTSUPP || e == ENOTSUP else { throw .io(path: path, reason: String(cString: strerror(e))) }
            try writeInPlace(data, to: path)
            return
        }
        unlink(temporary)
    }

    static func writeInPlace(_ data: Data, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        let writeError = FileWriting.writeAll(fd, data)
        let closeError = close(fd) != 0 ? errno : 0
        if writeError != 0 || closeError != 0 {
            unlink(path)
            throw .io(path: path, reason: String(cString: strerror(writeError != 0 ? writeError : closeError)))
        }
    }
}
