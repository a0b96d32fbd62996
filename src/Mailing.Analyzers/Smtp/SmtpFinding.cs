using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>A problem found in an <see cref="SmtpEndpoint"/>, with the edits that would fix it.</summary>
internal sealed class SmtpFinding
{
    public SmtpFinding(DiagnosticDescriptor descriptor, Location location, DiagnosticSeverity severity, object[] arguments, IReadOnlyList<FixEdit>? edits = null)
    {
        Descriptor = descriptor;
        Location = location;
        Severity = severity;
        Arguments = arguments;
        Edits = edits ?? [];
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Location Location { get; }

    public DiagnosticSeverity Severity { get; }

    public object[] Arguments { get; }

    public IReadOnlyList<FixEdit> Edits { get; }

    public Diagnostic ToDiagnostic()
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < Edits.Count; i++)
        {
            properties.Add(FixEdit.PropertyName(i), Edits[i].Replacement);
        }

        return Diagnostic.Create(
            Descriptor,
            Location,
            Severity,
            Edits.Select(e => e.Location),
            properties.ToImmutable(),
            Arguments);
    }
}
