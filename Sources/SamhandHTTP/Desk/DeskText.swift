import Foundation
import SamhandCore

/// Norwegian labels for the desk's pages (code and API stay English; GLOSSARY.md pairs them).
enum DeskText {
  /// A UTC instant as `2026-12-07 15:49 UTC`.
  static func time(_ date: Date) -> String {
    let text = date.formatted(.iso8601)
    return text.prefix(10) + " " + text.dropFirst(11).prefix(5) + " UTC"
  }

  static func agendaKind(_ kind: AgendaItem.Kind) -> String {
    switch kind {
    case .planRevision: return "Revisjon av plan"
    case .groupMeeting: return "Ansvarsgruppemøte"
    case .consentEnding: return "Samtykke utløper"
    case .actionItem: return "Oppfølgingspunkt"
    case .handoverAwaiting: return "Overgang venter på deg"
    case .handoverOutgoing: return "Din overgang er ikke akseptert"
    case .handoverChecklist: return "Sjekkpunkt i overgang"
    case .turning18: return "Fyller 18 år"
    }
  }

  static func handoverKind(_ kind: HandoverKind) -> String {
    switch kind {
    case .dischargeToAftercare: return "Utskrivning til ettervern"
    case .prisonRelease: return "Løslatelse"
    case .turning18: return "Overgang til voksen (18 år)"
    case .relocation: return "Flytting"
    case .coordinatorChange: return "Bytte av koordinator"
    case .serviceTransfer: return "Overføring mellom tjenester"
    }
  }

  static func handoverMode(_ mode: HandoverMode) -> String {
    mode == .transfer ? "Overføring av ansvar" : "Henvisning"
  }

  static func handoverState(_ state: HandoverState) -> String {
    switch state {
    case .draft: return "Utkast"
    case .proposed: return "Foreslått"
    case .accepted: return "Akseptert"
    case .rejected: return "Avvist"
    case .withdrawn: return "Trukket"
    case .completed: return "Fullført"
    }
  }

  static func planStatus(_ status: Plan.Status) -> String {
    switch status {
    case .draft: return "Utkast"
    case .active: return "Aktiv"
    case .closed: return "Avsluttet"
    }
  }
}

/// An option of a `<select>`: the value sent and the label shown.
struct DeskOption {
  let value: String
  let label: String

  static let lifeDomains = LifeDomain.allCases.map {
    DeskOption(value: $0.rawValue, label: $0.label)
  }
  static let handoverKinds = HandoverKind.allCases.map {
    DeskOption(value: $0.rawValue, label: DeskText.handoverKind($0))
  }
  static let handoverModes = HandoverMode.allCases.map {
    DeskOption(value: $0.rawValue, label: DeskText.handoverMode($0))
  }
  static let rejectionCategories = HandoverRejectionCategory.allCases.map {
    DeskOption(value: $0.rawValue, label: $0.label)
  }
}
