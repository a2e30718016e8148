import Foundation
import SamhandCore

/// The copy of everything held as a document the person can read (`samhand recipient export
/// ID --format md|html`, `GET /v1/recipients/{id}/export?format=html`): Norwegian headings and
/// labels, one section per member of the export, rendered from the same `RecipientExport`
/// value as the JSON and the FHIR bundle. HTML is self-contained, without script, every value
/// escaped (`TextDocument`).
public struct RecipientDocument: Sendable {
  typealias Block = TextDocument.Block

  static let title = "Innsyn: alt som er lagret om deg"

  /// The section heading of each member of the JSON export, so a test can hold the document
  /// to the export (every kind of record has its section).
  public static let headings: [String: String] = [
    "recipient": "Personopplysninger", "identityVersions": "Endringer i personopplysningene",
    "consents": "Samtykker", "blocks": "Sperringer", "plans": "Individuelle planer",
    "groups": "Ansvarsgrupper", "handovers": "Overganger mellom tjenester",
    "lifeDomainScores": "Kartlegging av livsområder", "responsibilities": "Hvem har hatt ansvaret",
    "assignments": "Tildelt personell", "breakGlassGrants": "Nødtilgang",
    "notices": "Meldinger til koordinerende enhet", "erasureRequests": "Krav om sletting",
    "legalHolds": "Rettslig hold", "accessLog": "Hvem har sett opplysningene dine",
  ]

  let export: RecipientExport
  /// Staff names as the access log knows them, so the document says who rather than an id.
  let staffNames: [StaffID: String]

  init(export: RecipientExport) {
    self.export = export
    var names: [StaffID: String] = [:]
    for entry in export.accessLog {
      if let name = entry.staffName { names[StaffID(rawValue: entry.staffID)] = name }
    }
    staffNames = names
  }

  func render(_ format: DocumentFormat) -> String {
    TextDocument(title: Self.title, blocks: blocks).render(format)
  }

  var blocks: [Block] {
    var blocks: [Block] = [
      .heading(Self.title), .field("Laget", Self.time(export.exportedAt)),
      .field("Laget av", name(export.exportedBy)),
    ]
    blocks += identity + consents + plans + groups + records
    return blocks
  }

  func name(_ staff: StaffID) -> String {
    staffNames[staff].map { "\($0) (\(staff.rawValue))" } ?? staff.rawValue
  }

  func section(_ member: String, _ items: [Block]) -> [Block] {
    [.heading(Self.headings[member] ?? member)] + (items.isEmpty ? [.item("Ingen")] : items)
  }

  static func time(_ date: Date) -> String {
    date.formatted(
      Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt)
        .year().month().day().time(includingFractionalSeconds: false)) + " UTC"
  }

  static func time(_ date: Date?) -> String { date.map { time($0) } ?? "–" }

  /// Items separated by commas, or a dash when there are none.
  static func list(_ items: [String]) -> String {
    items.isEmpty ? "–" : items.joined(separator: ", ")
  }

  private var identity: [Block] {
    let person = export.recipient
    var blocks = section(
      "recipient",
      [
        .field("Navn", person.name.description),
        .field("Fødselsnummer", person.nationalID.description),
        .field("Kontakt", person.contact.value.map { $0 ?? "–" } ?? Protected<String>.erasedMarker),
        .field("Registrert av", person.registeredBy.rawValue),
        .field("Registrert", Self.time(person.createdAt)),
        .field("Versjon", String(person.version)),
      ] + person.relatives.map(relative))
    blocks += section(
      "identityVersions",
      export.identityVersions.map { version in
        .item(
          "Versjon \(version.version), \(Self.time(version.changedAt)), "
            + "\(version.changedBy.map(name) ?? "–"): \(version.change); navn: \(version.name), "
            + "kontakt: \(version.contact.value.map { $0 ?? "–" } ?? "[erased]"), "
            + "pårørende: \(Self.list(version.relatives.map { $0.name.description }))")
      })
    return blocks
  }

  private func relative(_ relative: Relative) -> Block {
    let contact = relative.contact.value.map { $0 ?? "–" } ?? Protected<String>.erasedMarker
    return .item(
      "Pårørende: \(relative.name) (\(relative.relation)\(relative.isChild ? ", barn" : "")), "
        + "kontakt: \(contact)")
  }

  private var consents: [Block] {
    section(
      "consents",
      export.consents.map { consent in
        let withdrawn = consent.withdrawnAt.map { ", trukket tilbake \(Self.time($0))" } ?? ""
        let parties = consent.services.map(\.rawValue) + consent.staff.map(name)
        return .item(
          "\(consent.purpose): til \(Self.list(parties)), "
            + "gjelder \(Self.list(consent.categories.map(\.rawValue))), "
            + "fra \(consent.validFrom) til \(consent.validUntil?.description ?? "videre"), "
            + "gitt av \(consent.givenBy.rawValue) (\(consent.form.rawValue))\(withdrawn)")
      })
      + section(
        "blocks",
        export.blocks.map { block in
          let target: String
          switch block.target {
          case .staff(let staff): target = name(staff)
          case .service(let service): target = service.rawValue
          }
          let lifted = block.liftedAt.map { ", opphevet \(Self.time($0))" } ?? ""
          return .item(
            "Sperret for \(target) fra \(Self.time(block.createdAt)): "
              + "\(block.reason.value.map { $0 ?? "ingen grunn oppgitt" } ?? "[erased]")\(lifted)")
        })
  }

  private var plans: [Block] {
    section("plans", export.plans.flatMap(planBlocks))
  }

  /// The plan as it stands, what changed in each version, then each earlier version's content.
  private func planBlocks(_ record: RecipientExport.WithHistory<Plan>) -> [Block] {
    var blocks = PlanDocument(plan: record.current, staffNames: staffNames).blocks
    blocks.append(.heading("Planens versjoner"))
    blocks += record.history.map { change in
      .item(
        "Versjon \(change.version), \(Self.time(change.changedAt)), "
          + "\(name(change.changedBy)): \(change.change)")
    }
    for version in record.versions where version.version < record.current.version {
      var earlier = PlanDocument(plan: version, staffNames: staffNames).blocks
      earlier[0] = .heading("Individuell plan slik den var i versjon \(version.version)")
      blocks += earlier
    }
    return blocks
  }
}
