using System.Collections.Generic;
using Mailing.Generators.Model;

namespace Mailing.Generators.Parsing;

/// <summary>
/// Maps positions in a composed template (layout + body + partials) back to the source each
/// character came from, so diagnostics land on the file the user wrote.
/// </summary>
internal sealed class SourceMap
{
    private readonly List<Segment> _segments = new();

    /// <summary>Records that composed text at <paramref name="composedStart"/> is copied from <paramref name="source"/>.</summary>
    public void Add(int composedStart, int length, TemplateSource source, int sourceOffset) =>
        _segments.Add(new Segment(composedStart, length, source, sourceOffset));

    public LocationInfo? Locate(int composedOffset, int length, LocationInfo? fallback)
    {
        if (Find(composedOffset) is not { } segment)
        {
            return fallback;
        }

        var local = segment.SourceOffset + (composedOffset - segment.ComposedStart);
        var clipped = System.Math.Min(length, segment.ComposedStart + segment.Length - composedOffset);
        return segment.Source.Locate(local, System.Math.Max(0, clipped)) ?? fallback;
    }

    /// <summary>The source the composed text at <paramref name="composedOffset"/> was copied from.</summary>
    public TemplateSource? SourceAt(int composedOffset) => Find(composedOffset)?.Source;

    private Segment? Find(int composedOffset)
    {
        foreach (var segment in _segments)
        {
            if (composedOffset >= segment.ComposedStart && composedOffset < segment.ComposedStart + System.Math.Max(1, segment.Length))
            {
                return segment;
            }
        }

        return null;
    }

    private sealed record Segment(int ComposedStart, int Length, TemplateSource Source, int SourceOffset);
}
