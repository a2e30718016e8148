import Foundation
import Testing

@Suite("CLI: serve")
struct ServeCommandTests {
  @Test("metrics never share the API listener: --metrics-port equal to --port is refused")
  func metricsPortIsNotTheAPIPort() throws {
    let cli = try CLIFixture()
    expectRefusal(
      try cli.run("serve", "--port", "18471", "--metrics-port", "18471"),
      containing: "is the API port")
  }

  @Test("metrics_port in samhand.conf is checked the same way")
  func metricsPortSettingIsNotTheAPIPort() throws {
    let cli = try CLIFixture()
    try Data("metrics_port = 18472\n".utf8).write(to: cli.data.appending(path: "samhand.conf"))
    expectRefusal(try cli.run("serve", "--port", "18472"), containing: "is the API port")
  }
}
