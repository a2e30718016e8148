import Foundation
import SamhandCore

/// How a report is written out: an aligned text table, JSON (every count
/// `{"count": N|null, "suppressed": bool}`), CSV (one line per count, with a `suppressed`
/// column) or an HTML page with inline SVG bar charts and no JavaScript. A suppressed count
/// reads `<5` (with the installation's minimum) in the table and HTML.
public enum ReportFormat: String, Sendable, CaseIterable {
  case table, json, csv, html

  public init(parsing text: String) throws(ReportError) {
    guard let format = ReportFormat(rawValue: text) else { throw .unknownFormat(text) }
    self = format
  }

  /// The media type the HTTP API answers with.
  public var mediaType: String {
    switch self {
    case .table: return "text/plain; charset=utf-8"
    case .json: return "application/json"
    case .csv: return "text/csv; charset=utf-8"
    case .html: return "text/html; charset=utf-8"
    }
  }
}

extension Report {
  /// The report written in `format`.
  public func rendered(_ format: ReportFormat) throws -> String {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return String(decoding: try encoder.encode(self), as: UTF8.self)
    case .table: return tableText
    case .csv: return csvText
    case .html: return ReportPage(report: self).html
    }
  }

  /// A cell as a reader sees it: the number, or `<5`.
  func text(_ count: ReportCount?) -> String {
    guard let count else { return "" }
    return count.count.map(String.init) ?? "<\(minimumCount)"
  }

  var heading: String { "\(title) – \(periodLabel) – \(scopeLabel)" }

  var suppressionNote: String {
    "Tall fra 1 til \(minimumCount - 1) vises som <\(minimumCount); noen andre tall er skjult "
      + "for at de ikke skal kunne regnes ut."
  }

  private var tableText: String {
    var lines = [heading, suppressionNote]
    for section in sections {
      let header = [section.title] + section.columns.map(\.label)
      let body = section.rows.map { row in
        [row.label] + section.columns.map { text(row.cells[$0.key]) }
      }
      let widths = header.indices.map { column in
        ([header] + body).map { $0[column].count }.max() ?? 0
      }
      func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
          let pad = String(repeating: " ", count: widths[index] - cell.count)
          return index == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
      }
      lines += ["", line(header)] + body.map(line)
    }
    return (lines + notes.map { "\n\($0)" }).joined(separator: "\n") + "\n"
  }

  private var csvText: String {
    var lines = ["section,row,row_label,column,column_label,unit,count,suppressed"]
    for section in sections {
      for row in section.rows {
        for column in section.columns {
          guard let cell = row.cells[column.key] else { continue }
          lines.append(
            [
              section.title, row.key, row.label, column.key, column.label, column.unit.rawValue,
              cell.count.map(String.init) ?? "", cell.suppressed ? "true" : "false",
            ].map(Self.csvField).joined(separator: ","))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { ",\"\n".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
