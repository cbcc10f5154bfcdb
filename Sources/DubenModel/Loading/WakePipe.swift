#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking pipe (both ends closed on exec) one thread writes a byte to and another
/// polls: how the background indexer wakes the session loop that waits for keys. Closed when
/// released; without descriptors left, it is there and does nothing (-1).
final class WakePipe: @unchecked Sendable {
    let read: Int32
    let write: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            (read, write) = (-1, -1)
            return
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        (read, write) = (fds[0], fds[1])
    }

    /// Writes a byte (a full pipe already says enough).
    func signal() {
        guard write >= 0 else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(write, &byte, 1)
    }

    deinit {
        if read >= 0 { close(read) }
        if write >= 0 { close(write) }
    }
}
