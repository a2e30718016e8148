import Foundation
import SamhandCore

/// Responsibility groups (CareTeam, linked from their plan's CarePlan) and their meetings
/// with minutes (Appointment).
extension FHIRBundle {
  mutating func addGroup(_ group: Group) {
    let participants = group.members.map { member -> FHIRValue in
      let who: FHIRValue?
      switch member.kind {
      case .staff: who = member.staffID.map { practitioner($0) }
      case .recipient: who = patient
      case .relative: who = member.relativeID.map { FHIRReference.to("RelatedPerson", $0.rawValue) }
      case .external: who = nil
      }
      let role = [member.kind.rawValue, member.name.value ?? nil, member.role.value ?? nil]
        .compactMap { $0 }.joined(separator: ": ")
      return [
        "member": who, "role": [.concept(role)],
        "period": [
          "start": .string(FHIRValue.instant(member.addedAt)),
          "end": .text(member.endedAt.map(FHIRValue.instant)),
        ],
      ]
    }
    add(
      "CareTeam", group.id.rawValue,
      [
        "meta": ["versionId": .string(String(group.version))],
        "status": group.status == .active ? "active" : "inactive", "name": "Ansvarsgruppe",
        "subject": patient, "period": ["start": .string(FHIRValue.instant(group.createdAt))],
        "participant": .array(participants),
      ])
    for meeting in group.meetings {
      var minutes = meeting.minutes.map { ["Referat: \($0)"] } ?? []
      minutes += meeting.decisions.map { "Vedtak: \($0)" }
      minutes += meeting.actionItems.map { "Oppgave: \($0.text) (frist \($0.due))" }
      let start = FHIRValue.string(FHIRValue.instant(meeting.plannedAt))
      add(
        "Appointment", meeting.id.rawValue,
        [
          "status": meeting.minutes == nil ? "booked" : "fulfilled",
          "description": .text(meeting.agenda.value ?? nil), "start": start, "end": start,
          "comment": minutes.isEmpty ? nil : .string(minutes.joined(separator: "\n")),
          "participant": [
            ["actor": patient, "status": "accepted"],
            ["actor": practitioner(group.leader), "status": "accepted"],
          ],
          "supportingInformation": [FHIRReference.to("CareTeam", group.id.rawValue)],
        ])
    }
    let plan = FHIRReference.urn("CarePlan", group.planID.rawValue)
    if case .object(var entry)? = entries[plan], case .object(var resource)? = entry["resource"] {
      let teams: [FHIRValue] =
        if case .array(let existing)? = resource["careTeam"] { existing } else { [] }
      resource["careTeam"] = .array(teams + [FHIRReference.to("CareTeam", group.id.rawValue)])
      entry["resource"] = .object(resource)
      entries[plan] = .object(entry)
    }
  }
}
