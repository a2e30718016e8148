import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// The coordinating unit's overview and notices (DOMAIN L8), and the record of processing for
/// auditors (L28). The overview lists are a 403 for anyone the policies let see no row.
struct OverviewRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.get, "/v1/overview/plans") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let page = try Page<PlanOverviewEntry>.request(request)
        let (status, code) = (
          request.uri.queryParameters.get("status"), request.uri.queryParameters.get("service")
        )
        let plans = try await Blocking.run {
          try service.planOverview(
            status: status, service: code, page: page, as: actor, options: options)
        }
        return try Reply.json(Page(plans))
      },
      APIRoute(.get, "/v1/overview/notices") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let page = try Page<Notice>.request(request)
        let open = try request.booleanQuery("open", default: false)
        let notices = try await Blocking.run {
          try service.notices(openOnly: open, page: page, as: actor, options: options)
        }
        return try Reply.json(Page(notices))
      },
      APIRoute.create("/v1/recipients/{recipientId}/notices", service: service) {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(NewNoticeBody.self, from: request, context: context)
        let note = try body.note.map { try Field.text($0, field: "note") }
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let id = try await Blocking.run {
          try service.sendNotice(
            recipient: recipient, need: body.need, note: note, as: actor, options: options)
        }
        return CreatedResource(id: id.rawValue, location: "/v1/notices/\(id)")
      },
      APIRoute(.get, "/v1/notices/{noticeId}", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let id = try context.id("noticeId", NoticeKind.self)
        let notice = try await AuditedRead.run(service, request, context) { actor, options in
          try service.showNotice(id, as: actor, options: options)
        }
        return try Reply.json(notice)
      },
      APIRoute(.post, "/v1/notices/{noticeId}/accept") { [service] request, context in
        let id = try context.id("noticeId", NoticeKind.self)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let notice = try await Blocking.run {
          try service.acceptNotice(id, as: actor, options: options)
        }
        return try Reply.json(notice)
      },
      APIRoute(.post, "/v1/notices/{noticeId}/assign") { [service] request, context in
        let id = try context.id("noticeId", NoticeKind.self)
        let body = try await JSONBody.decode(
          NoticeAssignmentBody.self, from: request, context: context)
        let coordinator = try Field.staffID(body.coordinator, field: "coordinator")
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let notice = try await Blocking.run {
          try service.assignNoticeCoordinator(
            id, coordinator: coordinator, as: actor, options: options)
        }
        return try Reply.json(notice)
      },
      APIRoute(.get, "/v1/processing-record", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let text = request.uri.queryParameters.get("format") ?? "json"
        let format = DocumentFormat(rawValue: text)
        guard format != nil || text == "json" else {
          throw Problem(
            .badRequest, detail: "'format' must be json, md or html", field: "format")
        }
        let record = try await AuditedRead.run(service, request, context) { actor, options in
          try service.processingRecord(as: actor, options: options)
        }
        guard let format else { return try Reply.json(record) }
        let type = format == .html ? "text/html" : "text/markdown"
        return Reply.body(
          Data(record.render(format).utf8), status: .ok, contentType: "\(type); charset=utf-8",
          [:])
      },
    ]
  }
}
