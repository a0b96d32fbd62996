using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Checks <see cref="DkimOptions"/> at start-up: every key readable, strong and of a kind DKIM uses, and a key whose
/// domain aligns with <c>Mailing:From</c>, without which DMARC fails for the application's own mail.
/// </summary>
internal sealed class DkimOptionsValidator : IValidateOptions<DkimOptions>
{
    private readonly IOptionsMonitor<MailingOptions> _mailing;

    public DkimOptionsValidator(IOptionsMonitor<MailingOptions> mailing) => _mailing = mailing;

    public ValidateOptionsResult Validate(string? name, DkimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var keys = DkimKeyLoader.LoadAll(options, problems);
        if (problems.Count == 0 && _mailing.CurrentValue is { From: { } configuredFrom } mailing && EmailAddress.TryParse(configuredFrom, out var from))
        {
            var fromDomain = DkimMessageSigner.AsciiDomain(from.Domain);
            if (!keys.Any(key => DkimMessageSigner.Aligns(key.Domain, fromDomain)))
            {
                problems.Add($"{options.SectionPath}: no key signs for {fromDomain}, the domain of {mailing.SectionPath}:From, so DMARC would fail for every message from it: " +
                    $"the signing domain (d=) must be {fromDomain} or share it as a parent or subdomain. The keys are for {string.Join(", ", keys.Select(k => k.DnsRecord.Name))}; " +
                    $"add one with Domain \"{fromDomain}\", or correct {mailing.SectionPath}:From.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
