import Foundation
import SamhandTestSupport
import Testing

/// S10, someone tries to hide a look: an operator copies last week's database back into
/// place to hide that he opened his neighbour's record. The auditor's witness, run from
/// another machine (here: a directory outside the data directory), makes `verify --witness`
/// fail naming the newest checkpoint the log no longer contains, and the neighbour's access
/// log, exported with inclusion proofs before the copy, still proves the look.
@Suite("S10 Someone tries to hide a look")
struct S10HideALookTests {
  struct Extract: Decodable {
    struct Entry: Decodable {
      let staffId: String
      let action: String
    }
    let entries: [Entry]
  }

  @Test(
    "a database copied back from a backup fails verify --witness; the earlier extract still proves the look"
  )
  func rollbackIsCaught() throws {
    let town = try Municipality()
    let neighbour = town.recipients[1]
    let auditor = try TemporaryDirectory("samhand-s10-auditor")
    let notes = auditor.path("fjordvik.notes")
    let logKey = auditor.path("audit-signing.pub")
    try FileManager.default.copyItem(
      at: town.data.appending(path: "keys/audit-signing.pub"), to: logKey)
    let witness = {
      try runCommand(
        Municipality.binary, ["audit", "witness", "--data", town.data.path, "--store", notes.path])
    }
    #expect(try witness().status == 0)

    // Last week's backup: a copy of the database file as it was.
    let lastWeek = try TemporaryDirectory("samhand-s10-backup")
    let database = ["samhand.db", "samhand.db-wal", "samhand.db-shm"]
    for name in database
    where FileManager.default.fileExists(atPath: town.data.appending(path: name).path) {
      try FileManager.default.copyItem(at: town.data.appending(path: name), to: lastWeek.path(name))
    }

    // The look: siri.fjell, the operator here, opens her neighbour's record; the CLI signs a
    // checkpoint as it exits, and the hourly witness cosigns it.
    #expect(
      try town.run("siri.fjell", "recipient", "show", neighbour, "--purpose", "nysgjerrig").status
        == 0)
    let seen = try witness()
    #expect(seen.status == 0, "\(seen.stderr)")

    // The neighbour's access request, answered with proofs; the extract checks offline.
    let exported = try town.run("siri.fjell", "recipient", "access-log", neighbour, "--proofs")
    #expect(exported.status == 0, "\(exported.stderr)")
    let extractFile = auditor.path("access-log.json")
    try Data(exported.stdout.utf8).write(to: extractFile)
    let extract = try JSONDecoder().decode(Extract.self, from: Data(exported.stdout.utf8))
    #expect(
      extract.entries.contains { $0.staffId == "siri.fjell" && $0.action == "recipient.show" })
    let checkExtract = {
      try runCommand(
        Municipality.binary,
        ["audit", "check-extract", extractFile.path, "--public-key", logKey.path])
    }
    #expect(try checkExtract().status == 0)

    // The operator copies last week's database back into place.
    for name in database {
      try? FileManager.default.removeItem(at: town.data.appending(path: name))
      if FileManager.default.fileExists(atPath: lastWeek.path(name).path) {
        try FileManager.default.copyItem(
          at: lastWeek.path(name), to: town.data.appending(path: name))
      }
    }
    let plain = try runCommand(Municipality.binary, ["audit", "verify", "--data", town.data.path])
    #expect(plain.status == 0, "the copy is a consistent log on its own: \(plain.stdout)")

    let verified = try runCommand(
      Municipality.binary,
      [
        "audit", "verify", "--data", town.data.path, "--witness", notes.path, "--public-key",
        logKey.path,
      ])
    #expect(verified.status == 1)
    #expect(verified.stdout.contains("witnessed checkpoint #2"), "\(verified.stdout)")
    #expect(verified.stdout.contains("rolled back"), "\(verified.stdout)")
    // The look is gone from the database's access log ...
    #expect(
      !(try town.accessLog(of: neighbour, as: "siri.fjell")).contains { $0.purpose == "nysgjerrig" }
    )

    // ... but the extract taken before the copy still proves it, offline.
    let stillProven = try checkExtract()
    #expect(stillProven.status == 0, "\(stillProven.stdout) \(stillProven.stderr)")
  }
}
