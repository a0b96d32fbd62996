using System.Collections.Generic;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Path arithmetic on the paths of AdditionalFiles, as text: a generator may not touch the file
/// system, so a relative path is resolved against another file's path and then looked up among
/// the AdditionalFiles, never on disk.
/// </summary>
internal static class AdditionalFilePath
{
    /// <summary>The path with forward slashes, which every comparison here uses.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>The folder of a normalized path, without the trailing slash.</summary>
    public static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    /// <summary><paramref name="relative"/> resolved against <paramref name="folder"/>, with <c>.</c> and <c>..</c> collapsed.</summary>
    public static string Combine(string folder, string relative) => Collapse(folder + "/" + Normalize(relative));

    /// <summary>
    /// Removes <c>.</c> and <c>..</c> segments. The first segment (the root: empty for <c>/</c>, or a
    /// drive such as <c>C:</c>) is never climbed out of.
    /// </summary>
    public static string Collapse(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") { if (parts.Count > 1) { parts.RemoveAt(parts.Count - 1); } }
            else if (part != ".") { parts.Add(part); }
        }

        return string.Join("/", parts);
    }
}
