using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mailing.Analyzers.Json;

/// <summary>The appsettings file being analyzed: turns spans into file locations and reports.</summary>
internal sealed class JsonFile
{
    private readonly AdditionalFileAnalysisContext _context;
    private readonly SourceText _text;

    public JsonFile(AdditionalFileAnalysisContext context, SourceText text, string fileName)
    {
        _context = context;
        _text = text;
        FileName = fileName;
    }

    public string FileName { get; }

    /// <summary>
    /// appsettings.Development.json stays on developer machines; secrets there are the
    /// documented ASP.NET Core practice for local development, and are not reported.
    /// </summary>
    public bool IsDevelopment => FileName.Equals("appsettings.Development.json", StringComparison.OrdinalIgnoreCase);

    public Location Location(TextSpan span)
        => Microsoft.CodeAnalysis.Location.Create(_context.AdditionalFile.Path, span, _text.Lines.GetLinePositionSpan(span));

    public void Report(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
}
