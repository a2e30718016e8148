import ArgumentParser
import SamhandStore

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
        """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
      let (directory, store) = try options.open()
      let outcome = try KeyRotation(directory: directory, store: store)
        .rotate(by: .operator(osUser: Output.osUser))
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
      let (directory, store) = try options.open()
      let outcome = try KeyRotation(directory: directory, store: store)
        .retire(version: version, by: .operator(osUser: Output.osUser))
      try options.render(outcome) { "Key version \(outcome.version) retired." }
    }
  }
}
