namespace Mailing.Analyzers.Tests.Corpus;

/// <summary>
/// One realistic configuration snippet and the diagnostic ids it must produce (none for a
/// negative). C# cases compile against the stand-ins; JSON cases are appsettings files.
/// </summary>
public sealed record CorpusCase(string Name, string? CSharp, string? JsonFileName, string? Json, string[] Expected)
{
    public static CorpusCase Code(string name, string code, params string[] expected) => new(name, code, null, null, expected);

    public static CorpusCase Settings(string name, string fileName, string json, params string[] expected) => new(name, null, fileName, json, expected);

    /// <summary>
    /// Findings a complete analyzer would report but ours deliberately does not (the API is not one it
    /// knows). Counted against the detection rate, never hidden.
    /// </summary>
    public string[] KnownMisses { get; init; } = [];

    public bool IsNegative => Expected.Length == 0 && KnownMisses.Length == 0;

    public override string ToString() => Name;
}
