using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>
/// Checks <see cref="MailingOptions"/> at start-up; every failure names the configuration key and
/// says what to put there.
/// </summary>
internal sealed class MailingOptionsValidator : IValidateOptions<MailingOptions>
{
    private readonly MailingTransportRegistry _registry;

    public MailingOptionsValidator(MailingTransportRegistry registry) => _registry = registry;

    public ValidateOptionsResult Validate(string? name, MailingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var prefix = options.SectionPath;

        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add($"{prefix}:From is missing: set it to the sender address, e.g. \"Shop <no-reply@shop.example>\".");
        }
        else if (!EmailAddress.TryParse(options.From, out _, out var fromError))
        {
            errors.Add($"{prefix}:From is not a valid sender address: {fromError} Set it to e.g. \"Shop <no-reply@shop.example>\".");
        }

        if (options.ReplyTo is not null && !EmailAddress.TryParse(options.ReplyTo, out _, out var replyToError))
        {
            errors.Add($"{prefix}:ReplyTo is not a valid address: {replyToError}");
        }

        errors.AddRange(options.BindingErrors);
        if (options.SendManyConcurrency is < 1 or > 1000)
        {
            errors.Add($"{prefix}:SendManyConcurrency is {options.SendManyConcurrency}; use 1 to 1000 (8 by default).");
        }

        if (_registry.UsesPlan)
        {
            errors.AddRange(_registry.Plan.Problems);
        }
        else if (options.Transport is not null)
        {
            if (!TransportDsn.TryParse(options.Transport, out var dsn, out var dsnError))
            {
                errors.Add($"{prefix}:Transport is not a valid DSN: {dsnError}");
            }
            else if (dsn.Scheme == "pickup" && dsn.Path is null && dsn.GetOption("path") is null)
            {
                errors.Add($"{prefix}:Transport \"{dsn}\" names no directory: write pickup://default?path=mail/outbox (relative) or pickup://default/var/mail/outbox (absolute).");
            }
            else if (!_registry.HasTransport)
            {
                errors.Add($"{prefix}:Transport uses the scheme \"{dsn.Scheme}\", which no registered transport handles. Use smtp://, smtps://, memory:// or pickup://, or register the transport in code (services.AddMailing(...).UseTransport(...)).");
            }
        }
        else if (!_registry.HasTransport)
        {
            errors.Add($"{prefix}:Transport is missing: set it to a DSN such as \"smtp://user:password@smtp.example.com:587\" (or \"memory://default\" in tests), add a {prefix}:Smtp section, or call UseSmtp/UseInMemoryTransport on the builder returned by AddMailing.");
        }

        errors.AddRange(_registry.Problems);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
