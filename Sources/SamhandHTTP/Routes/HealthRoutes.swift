import Foundation
import Hummingbird

/// `/health` and `/openapi.yaml`: the two routes that need no token.
struct HealthRoutes {
  var routes: [APIRoute] {
    [
      APIRoute(.get, "/health", authentication: .none) { _, _ in
        try Reply.json(["status": "ok"])
      },
      APIRoute(.get, "/openapi.yaml", authentication: .none) { _, _ in
        Reply.body(
          OpenAPIDocument.data, status: .ok, contentType: "application/yaml; charset=utf-8", [:])
      },
    ]
  }
}

/// The hand-written OpenAPI 3.1 document, embedded at build time from `OpenAPI/openapi.yaml`.
public enum OpenAPIDocument {
  public static var text: String { embeddedOpenAPI.first?.text ?? "" }
  static var data: Data { Data(text.utf8) }
}
