import ArgumentParser
import SamhandService

extension HandoverCommand {
  /// Sends a draft made with `propose --draft`; consent, responsibility and the receiver are
  /// checked again now.
  struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Send a draft handover (sending side): propose it now, checked as of now.")
    @OptionGroup var change: ChangeOptions<Target>

    func run() throws {
      try change.apply({ service, id, version, actor, request in
        try service.sendHandover(id, expectedVersion: version, as: actor, options: request)
      }) { "Sent handover \($0.id)." }
    }
  }
}
