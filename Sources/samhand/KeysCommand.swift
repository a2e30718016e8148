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
        The rewrap runs in one transaction. The old key stays until `samhand keys retire`.
        Restart a running server afterwards, and back up DIR/keys.
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
      abstract: "Delete an old key-encryption key once no data key uses it.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The key version to retire.")
    var version: Int

    func run() throws {
      let outcome = try options.open().retireKey(version: version, by: Output.osUser)
      try options.render(outcome) { "Key version \(outcome.version) retired." }
    }
  }
}
