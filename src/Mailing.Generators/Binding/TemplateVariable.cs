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

    public BoundType Type { get; }

    public bool IsMarkup { get; }
}
