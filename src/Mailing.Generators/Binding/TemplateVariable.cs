namespace Mailing.Generators.Binding;

/// <summary>A variable a template assigns, captures or loops with, and the C# local it became.</summary>
internal sealed class TemplateVariable
{
    public TemplateVariable(string name, string codeName, BoundType type, bool isMarkup)
    {
        Name = name;
        CodeName = codeName;
        Type = type;
        IsMarkup = isMarkup;
    }

    public string Name { get; }

    public string CodeName { get; }

    /// <summary>Widened when a later assignment needs it (an integer total that becomes a decimal).</summary>
    public BoundType Type { get; set; }

    public bool IsMarkup { get; }
}
