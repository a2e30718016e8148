import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the desk's pages from the Mustache templates embedded at build time
/// (`Desk/Templates`), with the headers every desk response carries: a strict
/// Content-Security-Policy (no script, no inline style, nothing from elsewhere), no caching of
/// recipient data, no framing, no sniffing, no referrer.
enum DeskPage {
  static let library: Result<MustacheLibrary, any Error> = Result {
    var library = MustacheLibrary()
    for file in embeddedDeskFiles where file.name.hasSuffix(".mustache") {
      try library.register(file.text, named: String(file.name.dropLast(".mustache".count)))
    }
    return library
  }

  static let styleSheet = embeddedDeskFiles.first { $0.name == "desk.css" }?.text ?? ""

  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  static var securityHeaders: HTTPFields {
    var fields = HTTPFields()
    fields[.contentSecurityPolicy] = contentSecurityPolicy
    fields[.cacheControl] = "no-store"
    fields[.xFrameOptions] = "DENY"
    fields[.xContentTypeOptions] = "nosniff"
    fields[.referrerPolicy] = "no-referrer"
    return fields
  }

  /// The page `template` filled from `view`, as an HTML response.
  static func render(
    _ template: String, _ view: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) throws -> Response {
    guard let html = try library.get().render(view, withTemplate: template) else {
      throw Problem(.internalError, detail: "the desk has no page '\(template)'")
    }
    var fields = securityHeaders
    fields.append(contentsOf: headers)
    fields[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// 303 See Other: where a form post or a sign-in sends the browser next.
  static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
    var fields = securityHeaders
    fields.append(contentsOf: headers)
    fields[.location] = location
    return Response(status: .seeOther, headers: fields)
  }

  static func styleSheetResponse() -> Response {
    var fields = securityHeaders
    fields[.contentType] = "text/css; charset=utf-8"
    fields[.cacheControl] = "max-age=3600"
    return Response(
      status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: styleSheet)))
  }
}

extension HTTPField.Name {
  static let contentSecurityPolicy = Self("Content-Security-Policy")!
  static let xFrameOptions = Self("X-Frame-Options")!
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
  static let referrerPolicy = Self("Referrer-Policy")!
}
