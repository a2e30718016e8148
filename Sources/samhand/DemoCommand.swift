import ArgumentParser
import Foundation
import SamhandService

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Fill a data directory with a fictional municipality (initialising it if new).",
    discussion: """
      Refused if the directory already holds recipients. --json prints every staff member with
      a bearer token, and the recipient ids.
      """)

  @OptionGroup var options: GlobalOptions

  func run() throws {
    let url = try options.dataDirectory()
    let exists = FileManager.default.fileExists(atPath: url.appending(path: "samhand.db").path)
    let service =
      exists
      ? try options.open()
      : try SamhandService.initialize(dataDirectory: url, by: Output.osUser)
    let result = try Demo.fill(service, by: Output.osUser)
    try options.render(result) {
      var lines = ["Demo municipality in \(url.path): \(result.recipients.count) recipients."]
      lines.append("Staff (use --as ID, or the token over HTTP):")
      for login in result.staff {
        lines.append("  \(login.id)\t\(login.service)\t\(login.role)\t\(login.token)")
      }
      return lines.joined(separator: "\n")
    }
  }
}
