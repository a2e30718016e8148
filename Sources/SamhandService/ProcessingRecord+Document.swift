import Foundation
import SamhandCore
import SamhandStore

extension ProcessingRecord {
  /// The record as a document (`samhand processing-record --format md|html`).
  public func render(_ format: DocumentFormat) -> String {
    TextDocument(title: Self.title, blocks: blocks).render(format)
  }

  static let title = "Protokoll over behandlingsaktiviteter (record of processing, GDPR art. 30)"

  var blocks: [TextDocument.Block] {
    var blocks: [TextDocument.Block] = [
      .heading(Self.title),
      .field("Generated", ISO8601DateFormatter().string(from: generatedAt)),
      .field("Controller", "the municipality that runs this installation (behandlingsansvarlig)"),
      .field("Schema version", "\(schemaVersion)"),
      .field("Policy set digest", policyDigest ?? "not recorded"),
      .heading("Purposes and legal bases (formål og behandlingsgrunnlag)"),
    ]
    for purpose in purposes {
      blocks.append(.field(purpose.purpose.rawValue, purpose.summary))
      blocks.append(.item("policy actions: \(purpose.actions.joined(separator: ", "))"))
      let bases = purpose.legalBases.isEmpty ? ["no permit in force"] : purpose.legalBases
      blocks += bases.map { .item("basis: \($0)") }
    }
    blocks.append(.heading("Categories of data subjects (kategorier av registrerte)"))
    blocks += dataSubjects.map { .item($0) }
    blocks.append(.heading("Categories of personal data (kategorier av personopplysninger)"))
    for category in categories {
      blocks.append(.field(category.category.rawValue, category.description))
      blocks += category.sealedColumns.map { .item("sealed: \($0)") }
    }
    blocks.append(.heading("Tables and columns (plaintext columns are ids, codes, dates, states)"))
    blocks += tables.map { table in
      let sealed = Set(table.sealedColumns.map(\.column))
      let columns = table.columns.map { sealed.contains($0) ? "\($0) (sealed)" : $0 }
      return .item("\(table.name): \(columns.joined(separator: ", "))")
    }
    blocks.append(.heading("Recipients: services of the installation (mottakere)"))
    blocks += services.map { .item("\($0.code): \($0.name)") }
    blocks.append(
      .item("No transfer to third countries: the data stays on the machine that holds the keys."))
    blocks.append(.heading("Retention and erasure (lagring og sletting)"))
    blocks += retention.map { .item($0) }
    blocks.append(.heading("Security measures (tekniske og organisatoriske tiltak, art. 32)"))
    blocks += security.map { .item($0) }
    blocks.append(.heading("Settings in force (samhand.conf)"))
    blocks += settings.map { .item($0) }
    blocks.append(.heading("Policies in force and their legal basis"))
    blocks += policies.map { policy in
      .item("\(policy.id) (\(policy.effect)): \(policy.basis ?? "NO BASIS STATED: add @basis")")
    }
    return blocks
  }
}
