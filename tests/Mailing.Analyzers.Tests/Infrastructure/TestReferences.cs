using Microsoft.CodeAnalysis.Testing;

namespace Mailing.Analyzers.Tests.Infrastructure;

/// <summary>Offline references: .NET 10 reference assemblies from Basic.Reference.Assemblies, nothing downloaded.</summary>
internal static class TestReferences
{
    /// <summary>An empty set: the default <see cref="ReferenceAssemblies"/> would download a package.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
    }
}
