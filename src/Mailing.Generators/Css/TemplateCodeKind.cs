namespace Mailing.Generators.Css;

/// <summary>What a <c>{{ ... }}</c> block does to the markup around it.</summary>
internal enum TemplateCodeKind
{
    /// <summary>Writes a value (or nothing, for an assignment) in place.</summary>
    Output,

    /// <summary>Opens, continues or closes a loop or a branch: the markup around it may repeat or vanish.</summary>
    Control,

    /// <summary>Writes another template whose markup the transform cannot see.</summary>
    Include,

    /// <summary>
    /// Writes nothing: an empty block (the generator leaves <c>{{ }}</c> where it splices a layout),
    /// a comment, or an assignment.
    /// </summary>
    Silent,
}
