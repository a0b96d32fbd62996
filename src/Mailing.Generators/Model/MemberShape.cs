namespace Mailing.Generators.Model;

/// <summary>A public property a template can read.</summary>
/// <param name="Name">The C# name (<c>FirstName</c>).</param>
/// <param name="ScriptName">The Scriban name (<c>first_name</c>).</param>
/// <param name="TypeName">Key of the property's <see cref="TypeShape"/>.</param>
/// <param name="IsNullable">Whether the value may be null (annotated, oblivious or <c>Nullable&lt;T&gt;</c>).</param>
internal sealed record MemberShape(string Name, string ScriptName, string TypeName, bool IsNullable);
