namespace Mailing.Generators.Binding;

/// <summary>The C# locals behind <c>for.index</c>, <c>for.first</c> and <c>for.last</c> of one loop.</summary>
internal sealed record LoopFrame(string Index, string Last);
