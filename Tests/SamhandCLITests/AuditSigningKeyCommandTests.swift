import Foundation
import SamhandTestSupport
import Testing

/// The audit signing key kept outside the data directory (`audit_signing_key`): whoever
/// holds the data directory then holds no key that signs checkpoints.
@Suite("CLI: the audit signing key outside the data directory")
struct AuditSigningKeyCommandTests {
  @Test("moved out and named by audit_signing_key, it signs; without it nothing opens")
  func keptOutside() throws {
    let cli = try CLIFixture()
    let outside = try TemporaryDirectory("samhand-audit-key")
    let key = outside.path("audit-signing.key")
    try FileManager.default.moveItem(at: cli.keys.appending(path: "audit-signing.key"), to: key)
    let settings = cli.data.appending(path: "samhand.conf")
    try Data("audit_signing_key = \(key.path)\n".utf8).write(to: settings)
    let signed = try cli.run("audit", "checkpoint")
    #expect(signed.status == 0, "\(signed.stderr)")
    let verified = try cli.run(
      "audit", "verify", "--public-key", cli.keys.appending(path: "audit-signing.pub").path)
    #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    #expect(!verified.stderr.contains("trusting"))

    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
    let tooOpen = try cli.run("status")
    #expect(tooOpen.status != 0)
    #expect(tooOpen.errorLines.count == 1)
    #expect(tooOpen.stderr.contains(key.path))

    try FileManager.default.removeItem(at: key)
    let missing = try cli.run("status")
    #expect(missing.status != 0)
    #expect(missing.errorLines.count == 1)
    #expect(missing.stderr.contains(key.path))
  }

  @Test("a key named inside the data directory, or by a relative path, is refused")
  func refusedInside() throws {
    let cli = try CLIFixture()
    let settings = cli.data.appending(path: "samhand.conf")
    for value in [cli.keys.appending(path: "audit-signing.key").path, "keys/audit-signing.key"] {
      try Data("audit_signing_key = \(value)\n".utf8).write(to: settings)
      let result = try cli.run("status")
      #expect(result.status != 0, "\(value)")
      #expect(result.errorLines.count == 1, "\(result.stderr)")
      #expect(result.stderr.contains("audit_signing_key"), "\(result.stderr)")
    }
  }

  @Test("verify without a pinned key warns that it trusts the key beside the database")
  func unpinnedWarning() throws {
    let cli = try CLIFixture()
    let result = try cli.run("audit", "verify")
    #expect(result.status == 0)
    #expect(result.stderr.contains("trusting the audit public key found beside the database"))
  }
}
