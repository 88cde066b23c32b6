using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MetaIssue.Conventions;

namespace MetaIssue.Markdown;

/// <summary>The walk, continued: tables (the attempt list), link reference definitions and HTML anchors.</summary>
internal static partial class MarkdownFactsReader
{
    private sealed partial class Walker
    {
        /// <summary>
        /// Every cell is read for prompts, links and attempt names; only the header and the rows that start with an
        /// attempt are kept as facts (they are what the README timeline rule compares), which spares building cell
        /// texts for the thousands of other table rows in a docs tree.
        /// </summary>
        private void ReadTable(Table table)
        {
            TableRowFact? header = null;
            var rows = new List<TableRowFact>();
            var columnHoldsAttempts = false;
            var cells = new List<(TableCell Cell, List<TextLine> Lines)>();
            foreach (var rowBlock in table.OfType<TableRow>())
            {
                cells.Clear();
                foreach (var cell in rowBlock.OfType<TableCell>())
                {
                    var lines = new List<TextLine>();
                    foreach (var paragraph in cell.OfType<ParagraphBlock>())
                    {
                        lines.AddRange(BuildLines(paragraph.Inline));
                    }

                    foreach (var line in lines)
                    {
                        ReadTextFacts(line);
                    }

                    cells.Add((cell, lines));
                }

                if (rowBlock.IsHeader && header is null)
                {
                    header = RowFact(rowBlock, cells, null);
                    var headerCells = header.Cells;
                    columnHoldsAttempts = headerCells.Count > 0 && (headerCells[0].Text.IndexOf("attempt", StringComparison.OrdinalIgnoreCase) >= 0 || headerCells[0].Text == "#");
                    for (var i = 1; i < headerCells.Count; i++)
                    {
                        foreach (var (number, _, _) in AttemptReferences.FindInText(headerCells[i].Text))
                        {
                            _mentions.Add(new AttemptMention(number, MentionKind.TableColumn, true, headerCells[i].Range));
                        }
                    }

                    continue;
                }

                if (cells.Count > 0 && RowAttempt(cells[0].Lines, columnHoldsAttempts) is int attempt)
                {
                    var row = RowFact(rowBlock, cells, attempt);
                    var hasContent = row.Cells.Skip(1).Any(c => HasContentBeyondPrompts(c.Text));
                    _mentions.Add(new AttemptMention(attempt, MentionKind.TableRow, hasContent, row.Range));
                    rows.Add(row);
                }
            }

            if (rows.Count > 0)
            {
                header ??= new TableRowFact(Array.Empty<TableCellFact>(), _map.Range(table.Span.Start, table.Span.Start));
                _tables.Add(new TableFact(header, rows, _map.Range(table.Span.Start, Math.Max(table.Span.Start, table.Span.End))));
            }
        }

        /// <summary>The attempt a row's first cell names (<c>003</c>, <c>[003](…)</c>, <c>Attempt 3</c>, a link to its folder).</summary>
        private static int? RowAttempt(List<TextLine> firstCell, bool columnHoldsAttempts)
        {
            if (firstCell.Count == 0)
            {
                return null;
            }

            var text = string.Concat(firstCell.Select(CodeFree));
            return AttemptReferences.FromFirstCell(text, columnHoldsAttempts)
                ?? (firstCell[0].FirstLink is { } link ? AttemptReferences.FromPath(link.Url) : null);
        }

        private TableRowFact RowFact(TableRow row, List<(TableCell Cell, List<TextLine> Lines)> cells, int? attempt)
        {
            var facts = new TableCellFact[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                var (cell, lines) = cells[i];
                var text = lines.Count == 1 ? lines[0].Text.Trim() : string.Join(" ", lines.Select(l => l.Text)).Trim();
                facts[i] = new TableCellFact(text, _map.Range(cell.Span.Start, Math.Max(cell.Span.Start, cell.Span.End)));
            }

            // Markdig starts a row after its leading pipe; point at the start of the line, where the row visibly begins.
            return new TableRowFact(facts, _map.Range(_map.LineStart(row.Span.Start), Math.Max(row.Span.Start, row.Span.End)), attempt);
        }

        private void ReadDefinitions(LinkReferenceDefinitionGroup group)
        {
            foreach (var definition in group.OfType<LinkReferenceDefinition>())
            {
                var url = definition.Url ?? string.Empty;
                var span = definition.UrlSpan.IsEmpty ? definition.Span : definition.UrlSpan;
                var range = _map.Range(span.Start, Math.Max(span.Start, span.End));
                _links.Add(new LinkFact(LinkKind.Definition, url, definition.Label ?? string.Empty, range));
                if (AttemptReferences.FromPath(url) is int number)
                {
                    _mentions.Add(new AttemptMention(number, MentionKind.Text, true, range));
                }
            }
        }
    }
}
