/// One thing to have in place before a handover can be trusted to hold, with a Norwegian
/// label as staff read it.
public struct ChecklistItem: Sendable, Equatable, Codable {
  public let key: String
  public let label: String

  public init(key: String, label: String) {
    self.key = key
    self.label = label
  }
}

extension HandoverKind {
  /// The municipality's default checklist for this kind (DOMAIN L10–L13); municipalities may
  /// edit their own.
  public var defaultChecklist: [ChecklistItem] {
    switch self {
    case .dischargeToAftercare:
      return [
        .init(key: "aftercare-agreed", label: "Ettervern avtalt før innleggelsen startet"),
        .init(key: "housing", label: "Bolig"),
        .init(key: "income", label: "Inntekt / kontakt med NAV"),
        .init(key: "gp-informed", label: "Fastlege informert"),
        .init(key: "medication", label: "Medisiner / LAR"),
        .init(key: "first-follow-up", label: "Første oppfølgingstime avtalt"),
        .init(key: "group-meeting", label: "Ansvarsgruppemøte før utskriving"),
      ]
    case .prisonRelease:
      return [
        .init(key: "consent", label: "Samtykke før kontakt med kommunen"),
        .init(key: "housing", label: "Bolig"),
        .init(key: "income", label: "Inntekt"),
        .init(key: "gp", label: "Fastlege"),
        .init(key: "follow-up-day-one", label: "Oppfølging fra løslatelsesdagen"),
      ]
    case .turning18:
      return [
        .init(key: "adult-services", label: "Tjenester for voksne navngitt før 18-årsdagen"),
        .init(
          key: "aftercare-offered",
          label: "Ettervern fra barnevernet tilbudt (til 25 år), med samtykke"),
      ]
    case .relocation:
      return [
        .init(key: "new-municipality", label: "Ny kommune kontaktet"),
        .init(key: "plan-shared", label: "Plan overført med samtykke"),
        .init(key: "gp", label: "Fastlege i ny kommune"),
      ]
    case .coordinatorChange:
      return [
        .init(key: "introduced", label: "Ny koordinator presentert for tjenestemottakeren"),
        .init(key: "plan-reviewed", label: "Planen gjennomgått med ny koordinator"),
        .init(key: "group-informed", label: "Ansvarsgruppen informert"),
      ]
    case .serviceTransfer:
      return [
        .init(key: "receiver-named", label: "Mottakende tjeneste og kontaktperson navngitt"),
        .init(key: "plan-updated", label: "Planen oppdatert"),
      ]
    }
  }
}
