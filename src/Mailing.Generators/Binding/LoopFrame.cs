namespace Mailing.Generators.Binding;

/// <summary>
/// The C# locals behind one loop's <c>for.*</c> values. <see cref="Length"/> and
/// <see cref="Changed"/> are named when the loop's body first reads them: the loop counts its items
/// or remembers the previous one only then.
/// </summary>
internal sealed class LoopFrame
{
    public LoopFrame(string index, string last)
    {
        Index = index;
        Last = last;
    }

    public string Index { get; }

    public string Last { get; }

    /// <summary>The local holding how many items the loop visits (after <c>offset:</c> and <c>limit:</c>), for <c>for.length</c> and <c>for.rindex</c>.</summary>
    public string? Length { get; set; }

    /// <summary>The local holding whether the item differs from the previous one, for <c>for.changed</c>.</summary>
    public string? Changed { get; set; }
}
