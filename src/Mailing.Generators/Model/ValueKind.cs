namespace Mailing.Generators.Model;

/// <summary>How a template sees a C# type: decides formatting, comparison and member access.</summary>
internal enum ValueKind
{
    Null,
    String,
    Boolean,
    Integer,
    Decimal,
    Double,
    DateTime,
    DateTimeOffset,
    Enum,
    Enumerable,
    Object,

    /// <summary>A type printed through <c>ToString</c> with no members of its own (Guid, TimeSpan, char, Uri).</summary>
    Other,
}
