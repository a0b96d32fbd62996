using System.Collections.Generic;

namespace Mailing.Text;

/// <summary>
/// Tells data tables from layout tables, for the plain-text part derived at build time (generator)
/// and at run time (runtime, which compiles this same file): a data table's rows become one line
/// each, a layout table's cells flow as ordinary blocks.
/// </summary>
/// <remarks>
/// A table is a layout table when it says so (<c>role="presentation"</c> or <c>"none"</c>), or when
/// it has no header cell and no row with two cells (a single-cell wrapper). A row of a data table
/// that holds a nested table is a layout row too: collapsing a whole table into one line would lose
/// its rows. Omitted <c>&lt;/tr&gt;</c> end tags are tolerated, as HTML allows them.
/// </remarks>
internal static class TableLayout
{
    /// <summary>What a token means to table structure.</summary>
    internal enum Mark
    {
        None,
        TableStart,
        LayoutTableStart,
        TableEnd,
        RowStart,
        RowEnd,
        Cell,
        HeaderCell,
    }

    /// <summary>
    /// For each mark: at a table start, whether the table is a data table; at a row start, whether
    /// the row is a data row (one line, cells joined); false everywhere else.
    /// </summary>
    public static bool[] Classify(IReadOnlyList<Mark> marks)
    {
        var result = new bool[marks.Count];
        var tables = new Stack<TableFrame>();
        var decided = new List<(TableFrame Table, RowFrame? Row)>();

        for (var i = 0; i < marks.Count; i++)
        {
            switch (marks[i])
            {
                case Mark.TableStart or Mark.LayoutTableStart:
                    foreach (var open in tables)
                    {
                        if (open.Row is not null)
                        {
                            open.Row.HoldsTable = true;
                        }
                    }

                    var table = new TableFrame(i, marks[i] == Mark.LayoutTableStart);
                    tables.Push(table);
                    decided.Add((table, null));
                    break;
                case Mark.TableEnd when tables.Count > 0:
                    tables.Pop().EndRow();
                    break;
                case Mark.RowStart when tables.Count > 0:
                    var current = tables.Peek();
                    current.EndRow();
                    current.Row = new RowFrame(i);
                    decided.Add((current, current.Row));
                    break;
                case Mark.RowEnd when tables.Count > 0:
                    tables.Peek().EndRow();
                    break;
                case Mark.Cell or Mark.HeaderCell when tables.Count > 0:
                    var cellTable = tables.Peek();
                    cellTable.HasHeader |= marks[i] == Mark.HeaderCell;
                    if (cellTable.Row is not null)
                    {
                        cellTable.Row.Cells++;
                    }

                    break;
            }
        }

        foreach (var (table, row) in decided)
        {
            var isData = !table.IsLayout && (table.HasHeader || table.HasRowOfSeveralCells);
            if (row is null)
            {
                result[table.Start] = isData;
            }
            else
            {
                result[row.Start] = isData && !row.HoldsTable;
            }
        }

        return result;
    }

    private sealed class TableFrame(int start, bool isLayout)
    {
        public int Start { get; } = start;

        public bool IsLayout { get; } = isLayout;

        public bool HasHeader { get; set; }

        public bool HasRowOfSeveralCells { get; set; }

        public RowFrame? Row { get; set; }

        public void EndRow()
        {
            if (Row is not null)
            {
                HasRowOfSeveralCells |= Row.Cells >= 2;
                Row = null;
            }
        }
    }

    private sealed class RowFrame(int start)
    {
        public int Start { get; } = start;

        public int Cells { get; set; }

        public bool HoldsTable { get; set; }
    }
}
