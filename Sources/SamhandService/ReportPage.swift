import SamhandCore

/// A report as one HTML page in bokmål, for a leader to look at rather than read: each table,
/// then a horizontal bar chart per count column drawn as inline SVG (no script, no external
/// resource). A suppressed count has no bar and reads `<5`.
struct ReportPage {
  let report: Report

  var html: String {
    var body = [
      "<h1>\(escape(report.title))</h1>",
      "<p>\(escape(report.periodLabel)) · \(escape(report.scopeLabel))</p>",
      "<p>\(escape(report.suppressionNote))</p>",
    ]
    for section in report.sections {
      body.append("<h2>\(escape(section.title))</h2>")
      body.append(table(section))
      for column in section.columns where column.unit == .count {
        body.append(chart(section, column))
      }
    }
    body += report.notes.map { "<p>\(escape($0))</p>" }
    return """
      <!doctype html>
      <html lang="nb">
      <head><meta charset="utf-8"><title>\(escape(report.heading))</title>
      <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}\
      td,th{border:1px solid #bbb;padding:.2em .5em}td{text-align:right}</style></head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  private func table(_ section: ReportSection) -> String {
    let header =
      "<tr><th></th>" + section.columns.map { "<th>\(escape($0.label))</th>" }.joined() + "</tr>"
    let rows = section.rows.map { row in
      "<tr><th>\(escape(row.label))</th>"
        + section.columns.map { "<td>\(escape(report.text(row.cells[$0.key])))</td>" }.joined()
        + "</tr>"
    }
    return "<table>\(header)\(rows.joined())</table>"
  }

  /// Bars for the rows of one column, scaled to the largest shown count.
  private func chart(_ section: ReportSection, _ column: ReportColumn) -> String {
    let rowHeight = 22
    let labelWidth = 260
    let barWidth = 400
    let counts = section.rows.map { $0.cells[column.key] }
    let largest = max(counts.compactMap { $0?.count }.max() ?? 0, 1)
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 60)\""
        + " height=\"\(rowHeight * (section.rows.count + 1))\">",
      "<title>\(escape(column.label))</title>",
      "<text x=\"0\" y=\"15\" font-weight=\"bold\">\(escape(column.label))</text>",
    ]
    for (index, row) in section.rows.enumerated() {
      let y = rowHeight * (index + 1)
      let value = counts[index]?.count ?? 0
      let width = barWidth * value / largest
      parts.append("<text x=\"0\" y=\"\(y + 15)\">\(escape(row.label))</text>")
      parts.append(
        "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\""
          + " fill=\"#3b6ea5\"/>")
      parts.append(
        "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 15)\">"
          + "\(escape(report.text(counts[index])))</text>")
    }
    return (parts + ["</svg>"]).joined(separator: "\n")
  }

  private func escape(_ text: String) -> String { TextDocument.escape(text) }
}
