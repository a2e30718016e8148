import SamhandCore
import Testing

@Suite("Settings")
struct SettingsTests {
  @Test("the default file parses back to the defaults")
  func defaultFileRoundTrips() throws {
    #expect(try Settings.parse(Settings.defaultFileText) == Settings())
  }

  @Test("file values, then environment variables, override defaults")
  func overrides() throws {
    let file = try Settings.parse("checkpoint_interval = 50  # small\nport=9000\n")
    #expect(file.checkpointInterval == 50)
    #expect(file.port == 9000)
    let environment = try file.overridden(by: ["SAMHAND_CHECKPOINT_INTERVAL": "7"])
    #expect(environment.checkpointInterval == 7)
    #expect(environment.port == 9000)
  }

  @Test(
    "bad lines name the line and the problem",
    arguments: [
      ("checkpoint_interval = 0", "not a valid checkpoint_interval"),
      ("checkpoint_intervall = 5", "unknown setting"),
      ("port", "expected 'name = value'"),
      ("port = eighty", "not a valid port"),
    ])
  func badLines(line: String, message: String) {
    do {
      _ = try Settings.parse("# header\n" + line, source: "conf")
      Issue.record("accepted \(line)")
    } catch {
      #expect(error.description.contains(message))
      #expect(error.description.hasPrefix("conf"))
    }
  }
}
