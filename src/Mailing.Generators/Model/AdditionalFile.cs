using System;

namespace Mailing.Generators.Model;

/// <summary>An AdditionalFiles item the generator reads: a template or a stylesheet, its full path and its text.</summary>
internal sealed record AdditionalFile(string Path, string Text, AdditionalFileKind Kind)
{
    /// <summary>What a file is by its extension, or null for a file the generator does not read.</summary>
    public static AdditionalFileKind? KindOf(string path)
    {
        if (path.EndsWith(".sbn-html", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".sbn-txt", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.Template;
        }

        return path.EndsWith(".css", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.Stylesheet : null;
    }
}
