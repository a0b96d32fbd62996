namespace Mailing.Generators.Text;

/// <summary>An open table while text is derived: whether its current row is a data row, and the cells seen in it.</summary>
internal sealed class TableState
{
    /// <summary>The current row is a data row: one line, its cells joined.</summary>
    public bool RowIsData { get; private set; }

    /// <summary>Cells of the current row seen so far.</summary>
    public int Cells { get; set; }

    public void StartRow(bool isData)
    {
        RowIsData = isData;
        Cells = 0;
    }
}
