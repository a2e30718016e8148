import Hummingbird
import SamhandCore
import SamhandService

/// The responsibility group: create for a plan, show, history, members, meetings and their minutes,
/// action items, close, and what is overdue. Every change names the group version it edits in
/// `If-Match`; routes addressed by a meeting or an action item take the group's ETag too.
struct GroupRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute.create("/v1/plans/{planId}/groups", service: service) {
        [service] request, context in
        let plan = try context.id("planId", PlanKind.self)
        let body = try await JSONBody.decode(NewGroupBody.self, from: request, context: context)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.createGroup(
            for: plan, meetingIntervalMonths: body.meetingIntervalMonths, as: actor,
            options: options)
        }
        return CreatedResource(id: id.rawValue, location: "/v1/groups/\(id)")
      },
      APIRoute(.get, "/v1/groups/{groupId}", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("groupId", GroupKind.self)
        let group = try await AuditedRead.run(service, request, context) { actor, options in
          try service.showGroup(id, as: actor, options: options)
        }
        return try Reply.tagged(Tagged<Group>(group))
      },
      APIRoute(
        .get, "/v1/recipients/{recipientId}/group", authentication: .bearerConfirmedByGate
      ) { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let group = try await AuditedRead.run(service, request, context) { actor, options in
          try service.activeGroup(of: recipient, as: actor, options: options)
        }
        return try Reply.tagged(Tagged<Group>(group))
      },
      APIRoute.history("/v1/groups/{groupId}/history", "groupId", service: service) {
        try $0.groupHistory($1, as: $2, options: $3)
      },
      change("/v1/groups/{groupId}/members", status: .created) {
        service, group, request, context, version, actor, options in
        let body = try await JSONBody.decode(
          NewGroupMemberBody.self, from: request, context: context)
        let member = try body.member()
        return try await Blocking.run {
          try service.addGroupMember(
            member, to: group, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      change("/v1/groups/{groupId}/members/{memberId}/remove") {
        service, group, _, context, version, actor, options in
        let member = try context.id("memberId", GroupMemberKind.self)
        return try await Blocking.run {
          try service.removeGroupMember(
            member, from: group, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      change("/v1/groups/{groupId}/meetings", status: .created) {
        service, group, request, context, version, actor, options in
        let body = try await JSONBody.decode(NewMeetingBody.self, from: request, context: context)
        let meeting = try NewMeeting(
          plannedAt: try Field.dateTime(body.plannedAt, field: "plannedAt"),
          agenda: try body.agenda.map { try Field.text($0, field: "agenda") })
        return try await Blocking.run {
          try service.planMeeting(
            meeting, in: group, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      change("/v1/groups/{groupId}/close") { service, group, _, _, version, actor, options in
        try await Blocking.run {
          try service.closeGroup(group, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      APIRoute(.post, "/v1/meetings/{meetingId}/minutes") { [service] request, context in
        let meeting = try context.id("meetingId", MeetingKind.self)
        let expected = try VersionPrecondition(request, id: nil, prefix: GroupKind.prefix)
        let body = try await JSONBody.decode(NewMinutesBody.self, from: request, context: context)
        let minutes = try body.minutes()
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let result = try await Blocking.run {
          try service.recordMinutes(
            minutes, of: meeting, expectedVersion: expected.version,
            expectedGroup: GroupID(rawValue: expected.id), as: actor, options: options)
        }
        let reply = ChangeRepresentation(
          id: meeting.rawValue, version: result.version, aggregate: expected.id,
          actionItems: result.id.map(\.rawValue))
        return try Reply.json(reply, headers: [.eTag: reply.etag])
      },
      APIRoute(.post, "/v1/action-items/{actionItemId}/complete") { [service] request, context in
        let item = try context.id("actionItemId", ActionItemKind.self)
        let expected = try VersionPrecondition(request, id: nil, prefix: GroupKind.prefix)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let result = try await Blocking.run {
          try service.completeActionItem(
            item, expectedVersion: expected.version,
            expectedGroup: GroupID(rawValue: expected.id), as: actor, options: options)
        }
        let reply = ChangeRepresentation(
          id: item.rawValue, version: result.version, aggregate: result.id.rawValue)
        return try Reply.json(reply, headers: [.eTag: reply.etag])
      },
      APIRoute(.get, "/v1/overdue/meetings") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<Tagged<Group>>([], request: request)
        let groups = try await Blocking.run {
          try service.overdueMeetings(as: actor, options: options)
        }
        return try Reply.json(Page(groups.map(Tagged<Group>.init), request: request))
      },
      APIRoute(.get, "/v1/overdue/action-items") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<ActionItem>([], request: request)
        let items = try await Blocking.run {
          try service.overdueActionItems(as: actor, options: options)
        }
        return try Reply.json(Page(items, request: request))
      },
    ]
  }

  /// `POST <path>` on one group: the group id, `If-Match` naming a version of that group, then
  /// `change`; answers the new version and the group's ETag.
  private func change(
    _ path: String, status: HTTPResponse.Status = .ok,
    _ change:
      @escaping @Sendable (
        SamhandService, GroupID, Request, SamhandRequestContext, Int, Actor, RequestOptions
      ) async throws -> (id: String, version: Int)
  ) -> APIRoute {
    APIRoute(.post, path) { [service] request, context in
      let group = try context.id("groupId", GroupKind.self)
      let expected = try VersionPrecondition(request, id: group.rawValue, prefix: GroupKind.prefix)
      let (actor, options) = (try context.requireActor(), try context.options(request))
      let result = try await change(
        service, group, request, context, expected.version, actor, options)
      let reply = ChangeRepresentation(
        id: result.id, version: result.version, aggregate: group.rawValue)
      return try Reply.json(reply, status: status, headers: [.eTag: reply.etag])
    }
  }
}
