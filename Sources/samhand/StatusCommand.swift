import ArgumentParser
import SamhandService

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract:
      "Show schema version, counts, key versions, the last audit checkpoint, the audit tree and its witnesses."
  )

  @OptionGroup var options: GlobalOptions

  func run() throws {
    let status = try options.open().status()
    try options.render(status) { Self.text(status) }
  }

  static func text(_ status: InstallationStatus) -> String {
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
      lines.append(
        "key version \(key.version)    wraps \(key.dataKeys) data keys (\(key.status))")
    }
    if let checkpoint = status.lastCheckpoint {
      lines.append("last checkpoint  #\(checkpoint.sequence) at \(Output.time(checkpoint.time))")
    } else {
      lines.append("last checkpoint  none")
    }
    let tree = status.auditTree
    lines.append("audit log origin \(tree.origin)")
    lines.append(
      "merkle tree      \(tree.treeSize) entries, newest signed checkpoint at "
        + "\(tree.newestCheckpointSize.map(String.init) ?? "none"), \(tree.unsignedEntries) unsigned"
    )
    lines.append(
      "witnessed        newest at "
        + "\(tree.newestWitnessedSize.map(String.init) ?? "none (no witness handed one back)"), "
        + "\(tree.unwitnessedEntries) entries after it")
    for witness in tree.witnesses {
      lines.append(
        "witness          \(witness.witness) cosigned \(witness.treeSize) at "
          + "\(Output.time(witness.cosignedAt)), \(witness.entriesBehind) behind")
    }
    return lines.joined(separator: "\n")
  }
}
