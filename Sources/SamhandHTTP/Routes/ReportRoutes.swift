import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// `GET /v1/reports/{indicators,handovers,life-domains}`: the reports of `samhand report`,
/// decided by the `report` policy action and audited as one entry without any recipient id.
struct ReportRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    ReportKind.allCases.map { kind in
      APIRoute(.get, "/v1/reports/\(kind.rawValue)", authentication: .bearerConfirmedByGate) {
        [service] request, context in
        let (asked, format) = try Self.request(kind, request.uri.queryParameters)
        let report = try await AuditedRead.run(service, request, context) { actor, options in
          try service.report(asked, as: actor, options: options)
        }
        return Reply.body(
          Data(try report.rendered(format).utf8), status: .ok, contentType: format.mediaType, [:])
      }
    }
  }

  /// The report asked for by `from`, `to`, `service`, `by` and `format`; a bad value is a 400
  /// naming the parameter.
  static func request(_ kind: ReportKind, _ query: Parameters) throws -> (
    ReportRequest, ReportFormat
  ) {
    func parsed<T>(_ field: String, _ parse: () throws -> T) throws -> T {
      do { return try parse() } catch {
        throw Problem(.badRequest, detail: "\(error)", field: field)
      }
    }
    guard let from = query.get("from"), let to = query.get("to") else {
      throw Problem(
        .badRequest, detail: "'from' and 'to' (YYYY-MM) are required",
        field: query.get("from") == nil ? "from" : "to")
    }
    let asked = ReportRequest(
      kind: kind, period: try parsed("from") { try ReportPeriod(from: from, to: to) },
      service: try parsed("service") { try query.get("service").map { try ServiceCode($0) } },
      grouping: try parsed("by") {
        try query.get("by").map { try ReportLayout.Grouping(parsing: $0) } ?? .none
      })
    let format = try parsed("format") { try ReportFormat(parsing: query.get("format") ?? "json") }
    return (asked, format)
  }
}
