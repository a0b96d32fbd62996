using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Mailing.Generators.Transforming;

namespace Mailing.Generators.Css;

/// <summary>
/// Finds rules whose matches are decided by data: classes, ids or attributes written by code, and
/// positional selectors over children that a loop repeats or a branch removes.
/// </summary>
internal static class DataDependentSelectorDetector
{
    private static readonly Regex ClassName = new(@"\.(-?[_a-zA-Z\u00A0-\uFFFF][_a-zA-Z0-9\-\u00A0-\uFFFF]*)", RegexOptions.CultureInvariant);
    private static readonly Regex IdName = new(@"#(-?[_a-zA-Z\u00A0-\uFFFF][_a-zA-Z0-9\-\u00A0-\uFFFF]*)", RegexOptions.CultureInvariant);
    private static readonly Regex Empty = new(@":empty\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex SiblingCombinator = new(@"[+~](?!=)", RegexOptions.CultureInvariant);
    private static readonly Regex Positional = new(@":(first|last|only)-(child|of-type)|:nth-[a-z-]+\([^)]*\)|[+~](?!=)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static List<TransformFinding> Detect(
        IHtmlDocument document,
        TemplateMask mask,
        IReadOnlyList<string> selectors,
        IReadOnlyList<HashSet<IElement>> baseline,
        IReadOnlyDictionary<int, IElement> elementsByOffset,
        Func<string, (int Offset, int Length)> locateSelector)
    {
        var findings = new List<TransformFinding>();
        foreach (var attribute in mask.AttributesWithCode)
        {
            if (!elementsByOffset.TryGetValue(attribute.ElementStart, out var element))
            {
                continue;
            }

            string? changed = attribute.Name switch
            {
                "class" => ChangedSelector(document, element, "class", selectors, baseline, Candidates(ClassName, selectors)),
                "id" => ChangedSelector(document, element, "id", selectors, baseline, Candidates(IdName, selectors)),
                "style" => null,
                // `[href]` asks only whether the attribute is there, which the template decides.
                _ => selectors.FirstOrDefault(s => Regex.IsMatch(s, @"\[\s*" + Regex.Escape(attribute.Name) + @"\s*[~|^$*]?=", RegexOptions.IgnoreCase)),
            };

            if (changed is not null)
            {
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.CssDependsOnData,
                    $"the rule '{changed}' may or may not match <{element.LocalName}> depending on the value written into its {attribute.Name} attribute",
                    attribute.ValueStart,
                    attribute.ValueEnd - attribute.ValueStart));
            }
        }

        foreach (var selector in selectors)
        {
            if (Empty.IsMatch(selector) && MatchesElementWithCode(document, mask, selector))
            {
                var (at, size) = locateSelector(selector);
                findings.Add(new TransformFinding(
                    ContentDiagnosticIds.CssDependsOnData,
                    $"the rule '{selector}' depends on whether template code writes anything into the element",
                    at,
                    size));
                continue;
            }

            if (!Positional.IsMatch(selector) || !MatchesRepeatedElement(document, mask, selector))
            {
                continue;
            }

            var (offset, length) = locateSelector(selector);
            findings.Add(new TransformFinding(
                ContentDiagnosticIds.CssDependsOnData,
                $"the rule '{selector}' depends on the position of elements that a loop or branch repeats or removes",
                offset,
                length));
        }

        return findings;
    }

    private static string? ChangedSelector(
        IHtmlDocument document,
        IElement element,
        string attribute,
        IReadOnlyList<string> selectors,
        IReadOnlyList<HashSet<IElement>> baseline,
        List<string> candidates)
    {
        var original = element.GetAttribute(attribute);
        try
        {
            // A class list can hold all candidates at once; an id only one at a time.
            var variants = attribute == "class"
                ? new List<string> { ((original ?? string.Empty) + " " + string.Join(" ", candidates)).Trim() }
                : candidates;
            foreach (var variant in variants)
            {
                element.SetAttribute(attribute, variant);
                for (var i = 0; i < selectors.Count; i++)
                {
                    if (!Match(document, selectors[i]).SetEquals(baseline[i]))
                    {
                        return selectors[i];
                    }
                }
            }

            return null;
        }
        finally
        {
            if (original is null)
            {
                element.RemoveAttribute(attribute);
            }
            else
            {
                element.SetAttribute(attribute, original);
            }
        }
    }

    private static bool MatchesRepeatedElement(IHtmlDocument document, TemplateMask mask, string selector)
    {
        // `p:first-child` asks only about p's own siblings; `tr:first-child td` or `h1 + p`
        // ask about an ancestor's or a neighbour's, so every ancestor's siblings count.
        var subject = SubjectCompound(selector);
        var context = selector.Substring(0, selector.Length - subject.Length);
        var subjectOnly = !SiblingCombinator.IsMatch(selector) && !Positional.IsMatch(context);
        var relaxed = Positional.Replace(subjectOnly ? selector : subject, string.Empty).Trim();
        var matches = Match(document, relaxed.Length == 0 || relaxed.EndsWith(">", StringComparison.Ordinal) ? relaxed + "*" : relaxed);
        foreach (var match in matches)
        {
            for (IElement? node = match; node is not null; node = subjectOnly ? null : node.ParentElement)
            {
                var parent = SourceParent(node);
                if (parent is not null && mask.ElementsWithRepeatedChildren.Contains(parent.SourceReference!.Position.Index))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MatchesElementWithCode(IHtmlDocument document, TemplateMask mask, string selector)
    {
        var relaxed = Empty.Replace(selector, string.Empty).Trim();
        var matches = Match(document, relaxed.Length == 0 || relaxed.EndsWith(">", StringComparison.Ordinal) ? relaxed + "*" : relaxed);
        return matches.Any(e => e.SourceReference is { Position.Index: >= 0 } source && mask.ElementsWithCodeInContent.Contains(source.Position.Index));
    }

    /// <summary>The last compound selector: what the rule styles (<c>td</c> in <c>tr:first-child td</c>).</summary>
    private static string SubjectCompound(string selector)
    {
        var trimmed = selector.TrimEnd();
        var depth = 0;
        for (var i = trimmed.Length - 1; i >= 0; i--)
        {
            var c = trimmed[i];
            if (c is ')' or ']')
            {
                depth++;
            }
            else if (c is '(' or '[')
            {
                depth--;
            }
            else if (depth == 0 && (char.IsWhiteSpace(c) || c is '>' or '+' or '~'))
            {
                return trimmed.Substring(i + 1);
            }
        }

        return trimmed;
    }

    /// <summary>The nearest ancestor written in the template (an implied <c>tbody</c> is skipped).</summary>
    private static IElement? SourceParent(IElement element)
    {
        var parent = element.ParentElement;
        while (parent is not null && parent.SourceReference is not { Position.Index: >= 0 })
        {
            parent = parent.ParentElement;
        }

        return parent;
    }

    private static List<string> Candidates(Regex pattern, IReadOnlyList<string> selectors)
        => selectors.SelectMany(s => pattern.Matches(s).Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    internal static HashSet<IElement> Match(IHtmlDocument document, string selector)
    {
        try
        {
            return new HashSet<IElement>(document.QuerySelectorAll(selector));
        }
        catch (DomException)
        {
            return new HashSet<IElement>();
        }
    }
}
