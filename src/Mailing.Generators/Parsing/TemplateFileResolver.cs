using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Mailing.Generators.Model;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Finds template files among the AdditionalFiles. Attribute paths are relative to the project, so
/// they match the end of a full path; partials resolve against the including file's folder first.
/// </summary>
internal sealed class TemplateFileResolver
{
    private readonly ImmutableArray<TemplateFile> _files;

    public TemplateFileResolver(ImmutableArray<TemplateFile> files) => _files = files;

    public TemplateFile? FindProjectFile(string relativePath)
    {
        var wanted = Normalize(relativePath).TrimStart('/');
        if (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        foreach (var file in _files)
        {
            var path = Normalize(file.Path);
            if (path.Equals(wanted, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Resolves <c>include 'name'</c>: beside the includer, with its extension, or as <c>_name</c>.</summary>
    public TemplateFile? FindPartial(string name, string? includerPath, out IReadOnlyList<string> tried)
    {
        var candidates = new List<string>();
        var extension = includerPath is null ? ".sbn-html" : Extension(includerPath);
        var folder = includerPath is null ? null : Folder(Normalize(includerPath));
        foreach (var candidate in new[] { name, name + extension, Prefixed(name) + extension })
        {
            if (folder is not null)
            {
                candidates.Add(Collapse(folder + "/" + Normalize(candidate)));
            }
            else
            {
                candidates.Add(Normalize(candidate));
            }
        }

        tried = candidates;
        foreach (var candidate in candidates)
        {
            foreach (var file in _files)
            {
                var path = Normalize(file.Path);
                if (folder is not null ? path.Equals(candidate, StringComparison.OrdinalIgnoreCase)
                                       : path.EndsWith("/" + candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }
        }

        return null;
    }

    private static string Prefixed(string name)
    {
        var normalized = Normalize(name);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "_" + normalized : normalized.Substring(0, slash + 1) + "_" + normalized.Substring(slash + 1);
    }

    private static string Extension(string path)
    {
        var name = path.Substring(Normalize(path).LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        return dot < 0 ? string.Empty : name.Substring(dot);
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    private static string Collapse(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") { if (parts.Count > 1) { parts.RemoveAt(parts.Count - 1); } }
            else if (part != ".") { parts.Add(part); }
        }

        return string.Join("/", parts);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
