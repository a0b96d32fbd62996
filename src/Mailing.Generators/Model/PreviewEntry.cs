using System;

namespace Mailing.Generators.Model;

/// <summary>One valid <c>[EmailPreview]</c> method, as the registry needs it: no locations, so a moved line changes nothing.</summary>
/// <param name="TemplateName">The template class's name as the inbox shows it (nested classes as <c>Outer.Inner</c>).</param>
/// <param name="TemplateTypeName">The class, fully qualified with <c>global::</c>.</param>
/// <param name="MethodName">The preview method; also the preview's id.</param>
internal sealed record PreviewEntry(string TemplateName, string TemplateTypeName, string MethodName, string? DisplayName, string? Description)
    : IComparable<PreviewEntry>
{
    public int CompareTo(PreviewEntry? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTemplate = string.CompareOrdinal(TemplateTypeName, other.TemplateTypeName);
        return byTemplate != 0 ? byTemplate : string.CompareOrdinal(MethodName, other.MethodName);
    }
}
