using System;

namespace Mailing.Analyzers.Json;

/// <summary>
/// Ends parsing of malformed JSON; never escapes <see cref="JsonParser"/>. The application
/// would fail reading such a file at start-up anyway, and that error says more than we could.
/// </summary>
internal sealed class JsonSyntaxException : Exception
{
}
