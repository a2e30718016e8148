import ArgumentParser

struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Rotate and retire key-encryption keys.",
    subcommands: [Rotate.self, Retire.self])

  struct Rotate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a new key-encryption key and rewrap every data key under it.",
      discussion: """
        The rewrap and the record of the new current version run in one transaction. Running
        servers on DIR wrap new data keys under the new version from their next write, without
        a restart. The old key stays until `samhand keys retire`. Back up DIR/keys afterwards.
        """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
      let outcome = try options.open().rotateKeys(by: Output.osUser)
      try options.render(outcome) {
        "Key version \(outcome.version) is current; rewrapped \(outcome.dataKeys) data keys."
      }
    }
  }

  struct Retire: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete an old key-encryption key once no data key uses it.",
      discussion: """
        Refused for the current version and while any data key is wrapped under the version.
        The version is recorded as retired in the database before its file is deleted, so no
        server, running or started later, wraps under it or loads it again. Backups taken
        while a data key was wrapped under the version no longer open without its file: the
        command names the approved erasures this completes in every backup.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The key version to retire.")
    var version: Int

    func run() throws {
      let outcome = try options.open().retireKey(version: version, by: Output.osUser)
      try options.render(outcome) {
        (["Key version \(outcome.version) retired."]
          + outcome.completedErasures.map {
            "Erasure \($0) is now complete in every backup: no key left opens its data key."
          }).joined(separator: "\n")
      }
    }
  }
}
