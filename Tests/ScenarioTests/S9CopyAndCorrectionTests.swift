import Foundation
import SamhandService
import SamhandTestSupport
import Testing

/// S9, the copy and the correction: Per Dal asks for everything held about him. Siri Fjell
/// hands him a readable document and a FHIR bundle, with the list of who looked at his
/// information; he points out a wrong phone number, and Siri corrects it, the earlier version
/// staying in the history. All through the `samhand` CLI.
@Suite("S9 A copy and a correction")
struct S9CopyAndCorrectionTests {
  struct Export: Decodable {
    struct Recipient: Decodable {
      let name: String
      let nationalId: String
      let contact: String?
      let version: Int
    }

    struct Version: Decodable {
      let version: Int
      let contact: String?
    }

    struct Look: Decodable {
      let staffId: String
      let action: String
      let purpose: String?
    }

    let recipient: Recipient
    let identityVersions: [Version]
    let consents: [AnyDecodable]
    let blocks: [AnyDecodable]
    let plans: [AnyDecodable]
    let groups: [AnyDecodable]
    let handovers: [AnyDecodable]
    let lifeDomainScores: [AnyDecodable]
    let responsibilities: [AnyDecodable]
    let accessLog: [Look]
  }

  /// Any JSON value: only its presence counts.
  struct AnyDecodable: Decodable {
    init(from decoder: any Decoder) throws {}
  }

  struct Version: Decodable {
    let version: Int
    let change: String
    let contact: String?
  }

  @Test("Per gets everything held and who looked; his wrong phone number is corrected")
  func copyAndCorrection() throws {
    let town = try Municipality()
    let per = try town.perDal()
    let siri = "siri.fjell"
    let wrong = "+47 912 34 567"
    let right = "+47 912 34 576"
    _ = try town.decode(
      Versioned<String>.self, siri, "recipient", "update", per.recipient,
      "--contact", wrong, "--if-version", "1")
    _ = try town.decode(
      Municipality.Created.self, siri, "handover", "propose", "--recipient", per.recipient,
      "--kind", "discharge-to-aftercare", "--mode", "referral", "--to-staff", "jon.rud",
      "--planned", Municipality.day(30), "--notes", "Utskrives til ettervern")
    _ = try town.decode(
      Municipality.Created.self, siri, "plan", "map", "--recipient", per.recipient, "--score",
      "housing=red",
      "--score", "network=yellow")
    _ = try town.decode(
      Municipality.Created.self, siri, "block", "add", "--recipient", per.recipient,
      "--service", "barnevern", "--reason", "Per vil ikke at barnevernet ser planen")
    #expect(try town.run("leif.berg", "plan", "show", per.plan).status == 0, "NAV looks")

    // Only a leader or coordinator of the registering service, for an access request.
    let innsyn = ["--purpose", "innsyn"]
    let denied = try town.run(
      "leif.berg", ["recipient", "export", per.recipient, "--format", "json"] + innsyn)
    expectNoRecipient(denied, per.recipient)
    let noPurpose = try town.run(siri, "recipient", "export", per.recipient, "--format", "json")
    expectNoRecipient(noPurpose, per.recipient)

    // The readable document of everything held (Norwegian headings, a section for every
    // kind of record, who looked), and the two exports.
    let document = try town.run(
      siri, ["recipient", "export", per.recipient, "--format", "html"] + innsyn)
    #expect(document.status == 0, "\(document.stderr)")
    for heading in RecipientDocument.headings.values {
      #expect(document.stdout.contains("<h2>\(heading)</h2>"), "no section \(heading)")
    }
    for fact in [
      "Per Dal", Municipality.perNationalID, wrong, "Egen leilighet", "Utskrives til ettervern",
      "Per vil ikke at barnevernet ser planen", "Leif Berg (leif.berg)", "plan.show",
      "formål: innsyn",
    ] {
      #expect(document.stdout.contains(fact), "the document lacks \(fact)")
    }
    #expect(!document.stdout.lowercased().contains("<script"))
    let json = town.temporary.path("per.json")
    let fhir = town.temporary.path("per.fhir.json")
    for (format, file) in [("json", json), ("fhir", fhir)] {
      let written = try town.run(
        siri,
        ["recipient", "export", per.recipient, "--format", format, "--out", file.path]
          + innsyn)
      #expect(written.status == 0, "\(written.stderr)")
      let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
      #expect((mode as? NSNumber)?.intValue == 0o600)
    }
    let copy = try JSONDecoder().decode(Export.self, from: Data(contentsOf: json))
    #expect(copy.recipient.name == "Per Dal")
    #expect(copy.recipient.nationalId == Municipality.perNationalID)
    #expect(copy.recipient.contact == wrong)
    #expect(!copy.consents.isEmpty && !copy.blocks.isEmpty && !copy.plans.isEmpty)
    #expect(!copy.groups.isEmpty && !copy.handovers.isEmpty && !copy.lifeDomainScores.isEmpty)
    #expect(!copy.responsibilities.isEmpty)
    #expect(copy.accessLog.contains { $0.staffId == "leif.berg" && $0.action == "plan.show" })
    #expect(copy.accessLog.last?.action == "recipient.export")
    #expect(copy.accessLog.last?.purpose == "innsyn")
    let report = try FHIRCheck.run(try Data(contentsOf: fhir))
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect((report.types["AuditEvent"] ?? 0) >= copy.accessLog.count - 1)

    // The correction: against the version Siri saw; a second edit of that version is stale.
    let corrected = try town.decode(
      Versioned<String>.self, siri, "recipient", "update", per.recipient,
      "--contact", right, "--if-version", "2")
    #expect(corrected.version == 3)
    let stale = try town.run(
      siri, "recipient", "update", per.recipient, "--contact", wrong, "--if-version", "2")
    #expect(stale.status != 0)
    #expect(stale.errorLines.count == 1 && stale.stderr.contains("has changed"), "\(stale.stderr)")
    let history = try town.decode([Version].self, siri, "recipient", "history", per.recipient)
    #expect(history.map(\.version) == [1, 2, 3])
    #expect(history.map(\.contact) == [nil, wrong, right])
    #expect(history.first?.change == "registered")
    let again = try town.run(
      siri, ["recipient", "export", per.recipient, "--format", "json"] + innsyn)
    let second = try JSONDecoder().decode(Export.self, from: Data(again.stdout.utf8))
    #expect(second.recipient.contact == right)
    #expect(second.identityVersions.map(\.contact) == [nil, wrong, right])
  }
}
