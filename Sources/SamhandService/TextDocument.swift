import Foundation

/// The formats a document for people to read comes in (`--format md|html`).
public enum DocumentFormat: String, Sendable, CaseIterable {
  case markdown = "md"
  case html
}

/// A document for people to read (a plan export, the record of processing) as a list of
/// blocks, rendered as Markdown or as HTML with every value escaped.
struct TextDocument {
  enum Block {
    case heading(String)
    case field(String, String)
    case item(String)
  }

  let title: String
  let blocks: [Block]

  func render(_ format: DocumentFormat) -> String {
    switch format {
    case .markdown:
      return blocks.map { block -> String in
        switch block {
        case .heading(let text): return "\n## \(text)\n"
        case .field(let label, let value): return "**\(label):** \(value)  "
        case .item(let text): return "- \(text)"
        }
      }.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    case .html:
      let body = blocks.map { block -> String in
        switch block {
        case .heading(let text): return "<h2>\(Self.escape(text))</h2>"
        case .field(let label, let value):
          return "<p><strong>\(Self.escape(label)):</strong> \(Self.escape(value))</p>"
        case .item(let text): return "<p>\(Self.escape(text))</p>"
        }
      }.joined(separator: "\n")
      return """
        <!DOCTYPE html>
        <html lang="nb"><head><meta charset="utf-8"><title>\(Self.escape(title))</title></head>
        <body>
        \(body)
        </body></html>

        """
    }
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
