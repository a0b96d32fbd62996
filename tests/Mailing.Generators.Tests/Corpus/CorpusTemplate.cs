using System.Runtime.CompilerServices;
using System.Text.Json;
using Scriban.Runtime;

namespace Mailing.Generators.Tests.Corpus;

/// <summary>A real-world template of the corpus with the model it is rendered with.</summary>
public sealed class CorpusTemplate
{
    private CorpusTemplate(string name, string path)
    {
        Name = name;
        Path = path;
    }

    /// <summary>Folder and file name, e.g. <c>postmark/receipt</c>.</summary>
    public string Name { get; }

    public string Path { get; }

    public string Text => File.ReadAllText(Path);

    public static string Directory => System.IO.Path.GetDirectoryName(ThisFile())!;

    /// <summary>Stylesheets the corpus links to, by href (given as text; nothing is fetched).</summary>
    public static IReadOnlyDictionary<string, string> Stylesheets => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["styles.css"] = File.ReadAllText(System.IO.Path.Combine(Directory, "mailgun", "styles.css")),
    };

    public static IEnumerable<CorpusTemplate> All()
        => System.IO.Directory.GetFiles(Directory, "*.sbn-html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new CorpusTemplate(
                System.IO.Path.GetRelativePath(Directory, path).Replace('\\', '/').Replace(".sbn-html", string.Empty, StringComparison.Ordinal),
                path));

    public static CorpusTemplate Get(string name) => All().Single(t => t.Name == name);

    public ScriptObject Model()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Replace(".sbn-html", ".model.json", StringComparison.Ordinal)));
        return ToScriptObject(json.RootElement);
    }

    public override string ToString() => Name;

    private static ScriptObject ToScriptObject(JsonElement element)
    {
        var result = new ScriptObject();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToValue(property.Value);
        }

        return result;
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToScriptObject(element),
        JsonValueKind.Array => new ScriptArray(element.EnumerateArray().Select(ToValue)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
