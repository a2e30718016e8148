import ArgumentParser
import Foundation
import SamhandStore

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show schema version, counts, key versions and the last audit checkpoint.")

  @OptionGroup var options: GlobalOptions

  struct Status: Encodable {
    struct KeyVersion: Encodable {
      let version: Int
      let current: Bool
      let dataKeys: Int
    }
    struct Checkpoint: Encodable {
      let sequence: Int64
      let time: String
      let keyID: String
    }
    let data: String
    let counts: StoreCounts
    let keyVersions: [KeyVersion]
    let lastCheckpoint: Checkpoint?
  }

  func run() throws {
    let (directory, store) = try options.open()
    let status = try store.read { transaction in
      let dataKeys = try transaction.dataKeyCountsByKEKVersion()
      let ring = store.keyRing
      return Status(
        data: directory.url.path, counts: try transaction.counts(),
        keyVersions: ring.kekVersions.map {
          .init(version: $0, current: $0 == ring.currentKEKVersion, dataKeys: dataKeys[$0] ?? 0)
        },
        lastCheckpoint: try transaction.lastCheckpoint().map {
          .init(
            sequence: $0.sequence, time: Output.time(milliseconds: $0.timeMillis),
            keyID: $0.keyID)
        })
    }
    try options.render(status) { Self.text(status) }
  }

  static func text(_ status: Status) -> String {
    let counts = status.counts
    var lines = [
      "data directory   \(status.data)",
      "schema version   \(counts.schemaVersion)",
      "services         \(counts.services)",
      "staff            \(counts.staff)",
      "recipients       \(counts.recipients) (\(counts.erasedRecipients) erased)",
      "audit entries    \(counts.auditEntries)",
      "checkpoints      \(counts.auditCheckpoints)",
    ]
    for key in status.keyVersions {
      let marker = key.current ? " (current)" : ""
      lines.append("key version \(key.version)    wraps \(key.dataKeys) data keys\(marker)")
    }
    if let checkpoint = status.lastCheckpoint {
      lines.append("last checkpoint  #\(checkpoint.sequence) at \(checkpoint.time)")
    } else {
      lines.append("last checkpoint  none")
    }
    return lines.joined(separator: "\n")
  }
}

extension Output {
  static func time(milliseconds: Int64) -> String {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(
      .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
        .timeSeparator(.colon).timeZone(separator: .omitted))
  }
}
