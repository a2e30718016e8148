import Foundation
import Testing

extension HandoverCommandTests {
  @Test("send: a draft is proposed when sent, refused in one line when its consent is gone")
  func sendDraft() throws {
    let (cli, recipient) = try prepared()
    let id = try created(
      cli.run(
        "handover", "propose", "--recipient", recipient, "--kind", "relocation",
        "--mode", "referral", "--to-staff", "leif.berg", "--planned", planned(days: 10),
        "--draft", "--as", "siri.fjell", "--json"))
    let stale = try cli.run("handover", "send", id, "--if-version", "2", "--as", "siri.fjell")
    #expect(stale.status != 0)
    #expect(stale.errorLines.count == 1, "\(stale.stderr)")
    let consents = try cli.run("consent", "list", "--recipient", recipient, "--as", "siri.fjell")
    let consent = try #require(
      consents.stdout.split(separator: " ").first { $0.hasPrefix("c-") }.map(String.init),
      "\(consents.stdout)")
    #expect(try cli.run("consent", "withdraw", consent, "--as", "siri.fjell").status == 0)
    let refused = try cli.run("handover", "send", id, "--as", "siri.fjell")
    #expect(refused.status != 0)
    #expect(refused.errorLines.count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("consent does not cover service nav"), "\(refused.stderr)")
    _ = try created(
      cli.run(
        "consent", "add", "--recipient", recipient, "--services", "nav",
        "--categories", "identity,handover", "--as", "siri.fjell", "--json"))
    let sent = try cli.run("handover", "send", id, "--if-version", "1", "--as", "siri.fjell")
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(sent.stdout.contains("Sent handover \(id)."), "\(sent.stdout)")
    let shown = try json(cli.run("handover", "show", id, "--as", "siri.fjell", "--json"))
    #expect((shown["handover"] as? [String: Any])?["state"] as? String == "proposed")
  }
}
