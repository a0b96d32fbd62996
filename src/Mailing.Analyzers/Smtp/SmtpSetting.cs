using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>A known value of one SMTP setting and where it is written.</summary>
/// <param name="Value">The value.</param>
/// <param name="Location">Where the value is written; diagnostics point here.</param>
/// <param name="IsLiteral">True when the value is written in place, so a code fix can replace it.</param>
internal readonly record struct SmtpSetting<T>(T Value, Location Location, bool IsLiteral);
