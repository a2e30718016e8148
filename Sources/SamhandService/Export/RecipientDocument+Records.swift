import Foundation
import SamhandCore

/// The document's sections after the plans: groups with their meetings, handovers, mappings,
/// responsibility, assignments, emergency access, notices, erasure requests, legal holds, and
/// last the access log (who looked, when, for what purpose).
extension RecipientDocument {
  var groups: [Block] {
    section(
      "groups",
      export.groups.flatMap { record -> [Block] in
        let group = record.current
        var blocks: [Block] = [
          .field(
            "Ansvarsgruppe",
            "\(group.status == .active ? "aktiv" : "avsluttet"), leder \(name(group.leader))")
        ]
        blocks += group.members.map { member in
          let who = member.staffID.map(name) ?? (member.name.value ?? nil) ?? member.kind.rawValue
          let role = (member.role.value ?? nil).map { ", \($0)" } ?? ""
          let ended = member.endedAt.map { ", til \(Self.time($0))" } ?? ""
          return .item("Medlem: \(who)\(role), fra \(Self.time(member.addedAt))\(ended)")
        }
        for meeting in group.meetings {
          blocks.append(
            .item(
              "Møte \(Self.time(meeting.plannedAt)): \((meeting.agenda.value ?? nil) ?? "–")"))
          blocks += meeting.minutes.map { [.item("  Referat: \($0)")] } ?? []
          blocks += meeting.decisions.map { .item("  Vedtak: \($0)") }
          blocks += meeting.actionItems.map { .item("  Oppgave: \($0.text), frist \($0.due)") }
        }
        blocks += record.history.map { change in
          .item(
            "Versjon \(change.version), \(Self.time(change.changedAt)), "
              + "\(name(change.changedBy)): \(change.change)")
        }
        return blocks
      })
  }

  var records: [Block] {
    var blocks = section(
      "handovers",
      export.handovers.flatMap { record -> [Block] in
        let handover = record.handover
        let to = handover.toStaff.map(name) ?? handover.toService.rawValue
        return [
          .item(
            "\(handover.kind.rawValue) (\(handover.mode.rawValue)) fra \(name(handover.fromStaff)) "
              + "til \(to), planlagt \(handover.plannedDate), nå \(handover.state.rawValue); "
              + "notat: \((record.notes.value ?? nil) ?? "–")")
        ]
          + record.history.map {
            .item("  \(Self.time($0.at)), \(name($0.by)): \($0.event)")
          }
      })
    blocks += section(
      "lifeDomainScores",
      export.lifeDomainScores.map {
        .item("\($0.mappedOn), \($0.domain.label): \($0.score.map(\.label))")
      })
    blocks += section(
      "responsibilities",
      export.responsibilities.map { period in
        .item(
          "\(period.staff.map(name) ?? period.service.rawValue) (\(period.service.rawValue)) "
            + "fra \(Self.time(period.since)) til \(Self.time(period.until)), \(period.via)")
      })
    blocks += section(
      "assignments",
      export.assignments.map {
        .item(
          "\(name($0.staffID)), tildelt av \(name($0.assignedBy)) \(Self.time($0.assignedAt)), "
            + "til \(Self.time($0.endedAt))")
      })
    blocks += section(
      "breakGlassGrants",
      export.breakGlassGrants.map { grant in
        .item(
          "\(name(grant.staffID)) \(Self.time(grant.grantedAt)) til \(Self.time(grant.expiresAt))"
            + ": \(grant.reason); gjennomgått: \(grant.reviewOutcome?.rawValue ?? "ikke ennå")")
      })
    blocks += section(
      "notices",
      export.notices.map { notice in
        .item(
          "\(Self.time(notice.sentAt)) fra \(name(notice.fromStaff)) "
            + "(\(notice.fromService.rawValue)): behov for \(notice.need.rawValue), "
            + "\(notice.status.rawValue); \((notice.note.value ?? nil) ?? "–")")
      })
    blocks += section(
      "erasureRequests",
      export.erasureRequests.map { request in
        .item(
          "\(Self.time(request.requestedAt)) av \(name(request.requestedBy)): "
            + "\(request.ground.rawValue), \(request.reason); \(request.status.rawValue)"
            + (request.decidedBy.map { " av \(name($0)) \(Self.time(request.decidedAt))" } ?? "")
            + ((request.rejectionReason.value ?? nil).map { ", begrunnelse: \($0)" } ?? ""))
      })
    blocks += section(
      "legalHolds",
      export.legalHolds.map {
        .item(
          "Satt av \(name($0.setBy)) \(Self.time($0.setAt)), opphevet \(Self.time($0.clearedAt))")
      })
    blocks += section(
      "accessLog",
      export.accessLog.map { look in
        let who = look.staffName.map { "\($0) (\(look.staffID))" } ?? look.staffID
        return .item(
          "\(Self.time(look.time)): \(who), \(look.service ?? "–"), \(look.action), "
            + "formål: \(look.purpose ?? "–"), \(look.allowed ? "tillatt" : "avvist")"
            + (look.breakGlass ? ", nødtilgang" : ""))
      })
    return blocks
  }
}
