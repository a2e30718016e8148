import ArgumentParser
import Foundation
import SamhandService

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write the database, the policies and the settings into one file, online.",
    discussion: """
      The copy of the database is consistent while Samhand keeps running; the file is created \
      0600 and never overwrites one that exists. Sealed fields stay sealed in it. The keys are \
      NOT in it: back up DIR/keys separately and keep the two apart, or the copy is useless \
      (and so is a thief's). Put both back with: samhand restore --from FILE --keys KEYS-DIR \
      --data NEW-DIR.
      """)

  @OptionGroup var options: GlobalOptions

  @Option(name: .long, help: ArgumentHelp("Backup file to create.", valueName: "FILE"))
  var to: String

  func run() throws {
    let target = URL(fileURLWithPath: to)
    try options.open().backup(to: target, by: Output.osUser)
    struct Written: Encodable { let backup: String }
    try options.render(Written(backup: target.path)) { "Backup written to \(target.path)." }
  }
}

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Restore a backup and its keys into a new data directory.",
    discussion: """
      DIR must be new or empty. Before anything is put in place the backup must pass SQLite's \
      integrity check, have a schema version this samhand knows (an older one is migrated), \
      be opened by the keys (audit key, every key-encryption key in use, blind-index key) and \
      have an audit log that verifies. The keys are copied into DIR/keys (0700, files 0600), \
      the policies into DIR/policies and the settings into DIR/samhand.conf; the restore is \
      recorded in the audit log. On any refusal nothing is written.
      """)

  /// No `--policies`: a restore puts back the backup's policies (edit DIR/policies after).
  @OptionGroup var options: DataOptions

  @Option(
    name: .long, help: ArgumentHelp("Backup file written by samhand backup.", valueName: "BACKUP"))
  var from: String

  @Option(
    name: .long,
    help: ArgumentHelp("The keys directory of the installation backed up.", valueName: "KEYS-DIR"))
  var keys: String

  func run() throws {
    let report = try SamhandService.restore(
      from: URL(fileURLWithPath: from), keys: URL(fileURLWithPath: keys),
      into: options.dataDirectory(), by: Output.osUser)
    try options.render(report) {
      """
      Restored \(from) into \(report.data) (schema version \(report.schemaVersion); audit log \
      verified, \(report.auditEntries) entries).
      Start samhand on it; check it with: samhand status --data \(report.data)
      """
    }
  }
}
