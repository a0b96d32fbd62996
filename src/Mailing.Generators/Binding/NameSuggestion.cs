using System;
using System.Collections.Generic;

namespace Mailing.Generators.Binding;

/// <summary>The "did you mean" part of a message: the closest known name by edit distance.</summary>
internal static class NameSuggestion
{
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var squashed = Squash(name);
        foreach (var candidate in candidates)
        {
            // first_name vs FirstName / firstname: a C#-style spelling of a real member.
            var distance = Squash(candidate) == squashed ? 0 : Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, name.Length / 3);
        return best is not null && bestDistance <= allowed ? $"; did you mean '{best}'?" : string.Empty;
    }

    private static string Squash(string name) => name.Replace("_", string.Empty).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
