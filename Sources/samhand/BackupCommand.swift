import ArgumentParser
import Foundation

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write a consistent copy of the database while Samhand keeps running.",
    discussion: """
      Sealed fields stay sealed in the copy. The keys are NOT in it: back up DIR/keys
      separately and keep the two apart, or the copy is useless (and so is a thief's).
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
