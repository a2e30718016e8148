import Foundation
import SamhandCore
import SamhandService
import SamhandStore
import SamhandTestSupport
import Testing

/// The record of processing (GDPR art. 30, DOMAIN L28) is generated from the installation, so
/// it cannot leave out a sealed column, an information category, a purpose or a legal basis.
@Suite("The record of processing")
struct ProcessingRecordTests {
  @Test("every _sealed column of the schema is in the registry, and every entry is in the schema")
  func registryMatchesSchema() throws {
    let fixture = try ServiceFixture()
    let columns = try fixture.service.columnNames()
    let sealed = Set(columns.filter { $0.hasSuffix("_sealed") })
    let registered = Set(SealedColumns.all.map { "\($0.table).\($0.column)" })
    #expect(sealed.subtracting(registered).isEmpty, "sealed but not registered")
    #expect(registered.subtracting(sealed).isEmpty, "registered but not in the schema")
    #expect(registered.count == SealedColumns.all.count, "each column registered once")
    #expect(SealedColumns.all.allSatisfy { !$0.holds.isEmpty })
  }

  @Test("the record names every sealed column, information category, purpose and legal basis")
  func complete() throws {
    let fixture = try ServiceFixture()
    let record = try fixture.service.processingRecord()
    let markdown = record.render(.markdown)
    for column in SealedColumns.all {
      #expect(markdown.contains("\(column.table).\(column.column): \(column.holds)"))
    }
    #expect(record.categories.map(\.category) == InformationCategory.allCases)
    for category in record.categories {
      #expect(!category.description.isEmpty)
      #expect(markdown.contains("**\(category.category.rawValue):** \(category.description)"))
    }
    #expect(
      Set(record.purposes.flatMap(\.actions)) == Set(PolicyAction.allCases.map(\.rawValue)),
      "every policy action serves a purpose")
    for purpose in record.purposes {
      #expect(!purpose.legalBases.isEmpty, "\(purpose.purpose) has a permit with a legal basis")
    }
    let unitBases = try #require(record.purposes.first { $0.purpose == .coordinatingUnit })
    #expect(unitBases.legalBases.contains { $0.contains("helsepersonelloven §38a") })
    #expect(record.policies.count >= 30)
    #expect(record.policies.allSatisfy { $0.basis?.isEmpty == false }, "every policy states one")
    #expect(record.services.map(\.code.rawValue).contains("nav"))
    #expect(record.tables.contains { $0.name == "notices" })
    #expect(record.security.contains { $0.contains("key-encryption key version 1: current") })
    #expect(markdown.contains("checkpoint_interval = 1000"))
    let html = record.render(.html)
    #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script"))
  }

  @Test("a policy in force without a legal basis is named in the record as lacking one")
  func policyWithoutBasis() throws {
    let fixture = try ServiceFixture()
    let policies = fixture.temporary.path("policies-edited")
    try FileManager.default.copyItem(
      at: fixture.databaseURL.deletingLastPathComponent().appending(path: "policies"),
      to: policies)
    let file = policies.appending(path: "nav.cedar")
    let text = try String(contentsOf: file, encoding: .utf8)
    let edited = text.replacingOccurrences(
      of: #"@basis("NAV-loven §14a and §15, sosialtjenesteloven §28")"#, with: "")
    #expect(edited != text)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let service = try SamhandService.open(
      dataDirectory: fixture.databaseURL.deletingLastPathComponent(), policies: policies,
      clock: fixture.clock)
    let record = try service.processingRecord()
    #expect(record.policies.filter { $0.basis == nil }.map(\.id.rawValue) == ["nav-register"])
    #expect(record.render(.markdown).contains("nav-register (permit): NO BASIS STATED"))
  }

  @Test("over the gate, only those who may read the audit log get the record; others are refused")
  func gated() throws {
    let fixture = try ServiceFixture()
    #expect(
      try fixture.service.processingRecord(
        as: ServiceFixture.actor("phr.auditor"), options: .followUp
      ).purposes.count == ProcessingPurpose.allCases.count)
    #expect(throws: ServiceError.forbidden("the audit log")) {
      try fixture.service.processingRecord(
        as: ServiceFixture.actor("phr.coordinator"), options: .followUp)
    }
    #expect(try fixture.lastEntry(action: "processing-record.show")?.decision == "deny")
  }
}
