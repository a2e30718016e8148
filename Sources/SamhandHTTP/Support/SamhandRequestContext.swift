import Hummingbird
import SamhandCore
import SamhandService

/// What one HTTP request carries from middleware to route: the request id every log line and
/// audit entry names, and, once the auth middleware has run, the acting staff member.
public struct SamhandRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Set by `BearerAuthMiddleware` on `.bearer` routes; nil on the others.
  public var actor: Actor?
  /// Set by `BearerAuthMiddleware` on every route that needs a token; on
  /// `.bearerConfirmedByGate` routes not yet confirmed (see `AuditedRead`).
  public var bearer: BearerCredential?
  /// From `X-Request-Id` when the client sent a usable one, else generated.
  public var requestID: String
  /// Set by `DeskSessionMiddleware` on the desk's signed-in pages: the session and the secret
  /// its cookie carries.
  var desk: (session: DeskSession, secret: String)?
  /// A desk form post's fields, read (and its CSRF token checked) by `DeskSessionMiddleware`.
  var deskForm: DeskForm?
  /// Which audit pages the desk's menu offers, set by `DeskPurposeMiddleware`.
  var deskAuditPages: AuditPageAccess

  public init(source: Source) {
    coreContext = .init(source: source)
    actor = nil
    bearer = nil
    requestID = ""
    desk = nil
    deskForm = nil
    deskAuditPages = .none
  }

  /// Request bodies are small JSON documents; anything larger is refused with 413.
  public var maxUploadSize: Int { Self.bodyLimit }

  /// The largest request body accepted, in bytes.
  public static let bodyLimit = 64 * 1024

  /// The authenticated actor; routes behind the auth middleware always have one.
  func requireActor() throws -> Actor {
    guard let actor else { throw ServiceError.unauthenticated }
    return actor
  }
}
