import Foundation
import SamhandService

/// Writes a signed checkpoint when a command that opened the installation exits having
/// appended audit entries (issue 16: a checkpoint after every CLI command that appended), so
/// that its entries are covered before anyone can cut them off. Registered once, by
/// `GlobalOptions.open()`; runs at process exit, after success or failure alike.
enum CommandCheckpoint {
  nonisolated(unsafe) private static var service: SamhandService?

  static func register(_ opened: SamhandService) {
    if service == nil {
      atexit {
        do {
          try CommandCheckpoint.service?.checkpointIfBehind()
        } catch {
          FileHandle.standardError.write(
            Data("warning: no final audit checkpoint: \(error)\n".utf8))
        }
      }
    }
    service = opened
  }
}
