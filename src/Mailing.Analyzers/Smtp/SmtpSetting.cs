using Microsoft.CodeAnalysis;

namespace Mailing.Analyzers.Smtp;

/// <summary>A known value of one SMTP setting and where it is written.</summary>
/// <param name="Value">The value.</param>
/// <param name="Location">Where the value is written; diagnostics point here. For a default, where the object is created.</param>
/// <param name="IsLiteral">True when the value is written in place, so a code fix can replace it.</param>
/// <param name="IsDefault">
/// True when the setting is not written at all and the library's default applies, so a code fix
/// adds the setting to the object creation at <paramref name="Location"/>.
/// </param>
internal readonly record struct SmtpSetting<T>(T Value, Location Location, bool IsLiteral, bool IsDefault = false);
