import Crypto
import Foundation
import Hummingbird

/// Builds the API's responses: JSON bodies with stable key order, problem documents, and
/// strong ETags derived from a resource's representation.
enum Reply {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  static func json(
    _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) throws -> Response {
    body(try encoder.encode(value), status: status, contentType: "application/json", headers)
  }

  /// A single resource with its ETag, so a later update can name the version it saw.
  static func resource(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws
    -> Response
  {
    let data = try encoder.encode(value)
    return body(data, status: status, contentType: "application/json", [.eTag: etag(of: data)])
  }

  static func created(_ id: String, location: String) throws -> Response {
    try json(Created(id: id), status: .created, headers: [.location: location])
  }

  static func noContent() -> Response { Response(status: .noContent) }

  static func problem(_ problem: Problem, headers: HTTPFields = [:]) -> Response {
    let data = (try? encoder.encode(problem)) ?? Data()
    var fields = headers
    if problem.status == 401 { fields[.wwwAuthenticate] = "Bearer" }
    return body(
      data, status: HTTPResponse.Status(code: problem.status),
      contentType: "application/problem+json", fields)
  }

  /// A strong ETag: the first 16 bytes of the representation's SHA-256, hex.
  static func etag(of data: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    let quote = UInt8(ascii: "\"")
    let hex = SHA256.hash(data: data).prefix(16).flatMap {
      [digits[Int($0 >> 4)], digits[Int($0 & 15)]]
    }
    return String(decoding: [quote] + hex + [quote], as: UTF8.self)
  }

  static func body(
    _ data: Data, status: HTTPResponse.Status, contentType: String, _ headers: HTTPFields
  ) -> Response {
    var fields = headers
    fields[.contentType] = contentType
    return Response(
      status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The body of a 201: the new thing's id.
  struct Created: Encodable {
    let id: String
  }
}
