using System.Text;

namespace Mailing;

/// <summary>
/// One line of RFC 4180 CSV: fields separated by commas, a field quoted when it holds a comma or a quote (quotes
/// doubled). The suppression list's file and its exports hold no line breaks inside fields, so a record is one line.
/// </summary>
internal static class CsvRecord
{
    public static string Format(params string[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(',', '"') >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]))))
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }

        return line.ToString();
    }

    /// <summary>Splits <paramref name="line"/> into fields; unquoted fields are trimmed.</summary>
    /// <returns>The fields, or <see langword="null"/> with <paramref name="error"/> saying what is wrong.</returns>
    public static List<string>? Parse(string line, out string? error)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var field = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field is not closed (a \" is missing)";
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = $"text follows a quoted field at column {i + 1} (quote the whole field, doubling quotes inside it)";
                    return null;
                }

                fields.Add(field.ToString());
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                var field = line[i..end];
                if (field.Contains('"', StringComparison.Ordinal))
                {
                    error = $"a quote inside an unquoted field at column {i + 1} (quote the whole field and double the quote)";
                    return null;
                }

                fields.Add(field.Trim());
                i = end;
            }

            if (i >= line.Length)
            {
                error = null;
                return fields;
            }

            i++; // the comma
            if (i == line.Length)
            {
                fields.Add("");
                error = null;
                return fields;
            }
        }
    }
}
