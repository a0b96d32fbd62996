using Microsoft.CodeAnalysis.CSharp;

namespace Mailing.Generators.Emitting;

/// <summary>C# literals for template text and constants.</summary>
internal static class CSharpLiteral
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
