import Foundation
import Hummingbird
import NIOCore
import SamhandCore
import SamhandService

/// An RFC 9457 problem detail: what every error response carries as
/// `application/problem+json`. `type` is stable per kind so clients can branch on it; the
/// body never holds a request id or anything else that differs between two equal refusals.
public struct Problem: Error, Sendable, Equatable, Encodable {
  public let type: String
  public let title: String
  public let status: Int
  public let detail: String
  /// The request field at fault (a JSON member path, query parameter, path parameter or
  /// header), for input errors.
  public let field: String?

  public init(_ kind: Kind, detail: String, field: String? = nil) {
    type = kind.type
    title = kind.title
    status = kind.status
    self.detail = detail
    self.field = field
  }

  /// The kinds of error the API reports, each with its own `type` URI and status.
  public enum Kind: String, Sendable, CaseIterable {
    case notFound = "not-found"
    case unauthenticated
    case forbidden
    case conflict
    case invalidField = "invalid-field"
    case malformedJSON = "malformed-json"
    case badRequest = "bad-request"
    case bodyTooLarge = "body-too-large"
    case preconditionFailed = "precondition-failed"
    case preconditionRequired = "precondition-required"
    case idempotencyKeyReused = "idempotency-key-reused"
    case methodNotAllowed = "method-not-allowed"
    case unavailable
    case insufficientStorage = "insufficient-storage"
    case internalError = "internal-error"

    public var type: String { "urn:samhand:problem:\(rawValue)" }

    public var status: Int {
      switch self {
      case .notFound: return 404
      case .unauthenticated: return 401
      case .forbidden: return 403
      case .conflict: return 409
      case .invalidField: return 422
      case .malformedJSON, .badRequest: return 400
      case .bodyTooLarge: return 413
      case .preconditionFailed: return 412
      case .preconditionRequired: return 428
      case .idempotencyKeyReused: return 422
      case .methodNotAllowed: return 405
      case .unavailable: return 503
      case .insufficientStorage: return 507
      case .internalError: return 500
      }
    }

    var title: String {
      switch self {
      case .notFound: return "Not found"
      case .unauthenticated: return "Not authenticated"
      case .forbidden: return "Forbidden"
      case .conflict: return "Conflict"
      case .invalidField: return "Invalid field"
      case .malformedJSON: return "Malformed JSON"
      case .badRequest: return "Bad request"
      case .bodyTooLarge: return "Request body too large"
      case .preconditionFailed: return "Precondition failed"
      case .preconditionRequired: return "Precondition required"
      case .idempotencyKeyReused: return "Idempotency key reused"
      case .methodNotAllowed: return "Method not allowed"
      case .unavailable: return "Service unavailable"
      case .insufficientStorage: return "Insufficient storage"
      case .internalError: return "Internal error"
      }
    }
  }

  static func invalid(_ field: String, _ detail: String) -> Problem {
    Problem(.invalidField, detail: detail, field: field)
  }
}

extension Problem {
  /// The problem an error thrown by a route or middleware stands for. Errors the API does not
  /// know become a 500 whose detail says nothing about the cause (the log has it).
  init(from error: any Error) {
    switch error {
    case let problem as Problem: self = problem
    case let error as DomainError: self.init(.invalidField, detail: error.description)
    case let error as PlanError: self.init(.invalidField, detail: error.description)
    case let error as HTTPError: self.init(http: error)
    case is NIOTooManyBytesError:
      self.init(
        .bodyTooLarge,
        detail: "the request body exceeds \(SamhandRequestContext.bodyLimit) bytes")
    default:
      if let error = ServiceError(translating: error) {
        self.init(service: error)
      } else {
        self.init(.internalError, detail: "the server failed to handle the request")
      }
    }
  }

  private init(service error: ServiceError) {
    switch error {
    case .notFound: self.init(.notFound, detail: error.description)
    case .forbidden: self.init(.forbidden, detail: error.description)
    case .unauthenticated: self.init(.unauthenticated, detail: error.description)
    case .conflict: self.init(.conflict, detail: error.description)
    case .preconditionFailed: self.init(.preconditionFailed, detail: error.description)
    case .invalid: self.init(.invalidField, detail: error.description)
    case .policiesUnavailable:
      self.init(.unavailable, detail: "no decisions can be made: the policies are not loaded")
    case .purposeRequired:
      self.init(
        .badRequest,
        detail: "a purpose is required: say why you need the information in the X-Purpose header",
        field: "X-Purpose")
    case .keyVersionUnavailable: self.init(.unavailable, detail: error.description)
    case .storageFull: self.init(.insufficientStorage, detail: error.description)
    }
  }

  private init(http error: HTTPError) {
    switch error.status {
    case .notFound: self.init(.notFound, detail: "no such route")
    case .contentTooLarge:
      self.init(
        .bodyTooLarge,
        detail: "the request body exceeds \(SamhandRequestContext.bodyLimit) bytes")
    case .methodNotAllowed: self.init(.methodNotAllowed, detail: "method not allowed here")
    default:
      self.init(.badRequest, detail: "the request could not be read")
    }
  }
}
