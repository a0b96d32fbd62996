namespace Mailing;

/// <summary>What <c>Mailing:Staging</c> and the builder's staging methods asked for.</summary>
internal sealed class StagingSettings
{
    public EmailAddress? RedirectTo { get; set; }

    public List<RecipientPattern> Allowed { get; } = [];

    /// <summary>Whether the interceptor that applies these settings is registered already.</summary>
    public bool IsRegistered { get; set; }
}
