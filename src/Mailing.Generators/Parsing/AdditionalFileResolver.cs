using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Mailing.Generators.Css;
using Mailing.Generators.Model;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Finds templates and linked stylesheets among the AdditionalFiles. Attribute paths are relative
/// to the project, so they match the end of a full path; partials resolve against the including
/// file's folder first; a stylesheet's href resolves against the folder of the file that links it.
/// A template is never found as a stylesheet, nor a stylesheet as a template.
/// </summary>
internal sealed class AdditionalFileResolver
{
    // A scheme (https:, data:, cid:, file:) or a network path (//cdn.example.com/...).
    private static readonly Regex Url = new(@"^([a-zA-Z][a-zA-Z0-9+.\-]*:|//)", RegexOptions.CultureInvariant);

    // Paths normalized once: every lookup compares against all of them.
    private readonly ImmutableArray<(string Path, AdditionalFile File)> _templates;
    private readonly ImmutableArray<(string Path, AdditionalFile File)> _stylesheets;

    public AdditionalFileResolver(ImmutableArray<AdditionalFile> files)
    {
        _templates = Normalized(files, AdditionalFileKind.Template);
        _stylesheets = Normalized(files, AdditionalFileKind.Stylesheet);
    }

    public AdditionalFile? FindProjectFile(string relativePath)
    {
        var wanted = AdditionalFilePath.Normalize(relativePath).TrimStart('/');
        if (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        foreach (var (path, file) in _templates)
        {
            if (path.Equals(wanted, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Resolves <c>include 'name'</c>: beside the includer, with its extension, or as <c>_name</c>.</summary>
    public AdditionalFile? FindPartial(string name, string? includerPath, out IReadOnlyList<string> tried)
    {
        var candidates = new List<string>();
        var extension = includerPath is null ? ".sbn-html" : Extension(includerPath);
        var folder = includerPath is null ? null : AdditionalFilePath.Folder(AdditionalFilePath.Normalize(includerPath));
        foreach (var candidate in new[] { name, name + extension, Prefixed(name) + extension })
        {
            candidates.Add(folder is not null ? AdditionalFilePath.Combine(folder, candidate) : AdditionalFilePath.Normalize(candidate));
        }

        tried = candidates;
        foreach (var candidate in candidates)
        {
            foreach (var (path, file) in _templates)
            {
                if (folder is not null ? path.Equals(candidate, StringComparison.OrdinalIgnoreCase)
                                       : path.EndsWith("/" + candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Resolves a <c>&lt;link rel="stylesheet"&gt;</c>'s <paramref name="href"/> written in
    /// <paramref name="linkingFile"/> (a template file, or the C# file of an inline template) the way
    /// a browser resolves it against the page's folder: <c>email.css</c>, <c>./email.css</c> and
    /// <c>../shared/email.css</c> name AdditionalFiles; a query or fragment is ignored. URLs and
    /// root-relative paths name no file of the build.
    /// </summary>
    public StylesheetLookup FindStylesheet(string href, string? linkingFile)
    {
        var written = href.Trim();
        if (Url.IsMatch(written))
        {
            return StylesheetLookup.NotFound(
                "it is a URL, and nothing is downloaded at build time; put its rules in a <style> block, or add a copy of the file to the build as an AdditionalFiles item and link it by a path relative to the template");
        }

        if (written.StartsWith("/", StringComparison.Ordinal) || written.StartsWith("\\", StringComparison.Ordinal))
        {
            return StylesheetLookup.NotFound(
                "a path from the root names a file on a web server, not a file of the build; link it by a path relative to the template and add it to the build as an AdditionalFiles item");
        }

        if (linkingFile is null)
        {
            return CssInliningOptions.NoStylesheets(href, 0);
        }

        var end = written.IndexOfAny(new[] { '?', '#' });
        var relative = Uri.UnescapeDataString(end < 0 ? written : written.Substring(0, end));
        var wanted = AdditionalFilePath.Combine(AdditionalFilePath.Folder(AdditionalFilePath.Normalize(linkingFile)), relative);
        foreach (var (path, file) in _stylesheets)
        {
            if (path.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return StylesheetLookup.Found(file.Text);
            }
        }

        return StylesheetLookup.NotFound(
            $"it resolves to '{wanted}' (relative to '{AdditionalFilePath.Normalize(linkingFile)}'), which is not among the AdditionalFiles; add the file to the build in the project file, e.g. <AdditionalFiles Include=\"Emails/**/*.css\" />");
    }

    private static ImmutableArray<(string Path, AdditionalFile File)> Normalized(ImmutableArray<AdditionalFile> files, AdditionalFileKind kind) =>
        files.Where(f => f.Kind == kind).Select(f => (AdditionalFilePath.Normalize(f.Path), f)).ToImmutableArray();

    private static string Prefixed(string name)
    {
        var normalized = AdditionalFilePath.Normalize(name);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "_" + normalized : normalized.Substring(0, slash + 1) + "_" + normalized.Substring(slash + 1);
    }

    private static string Extension(string path)
    {
        var name = path.Substring(AdditionalFilePath.Normalize(path).LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        return dot < 0 ? string.Empty : name.Substring(dot);
    }
}
