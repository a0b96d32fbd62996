namespace Mailing;

/// <summary>What a CSV import did.</summary>
/// <param name="Added">Addresses put on the list (or whose entry was widened, e.g. unsubscribed → hard bounce).</param>
/// <param name="AlreadySuppressed">Addresses that were already on the list at least as widely; their entries were kept.</param>
public sealed record SuppressionImportResult(int Added, int AlreadySuppressed);
