using SmtpServer.Protocol;

namespace Mailing.DevInbox.Smtp;

/// <summary>The current chaos rule, switched at run time from the UI, the API or the command line.</summary>
internal sealed class ChaosMode
{
    private volatile ChaosRule? _rule;

    public ChaosMode(ChaosRule? initial) => _rule = initial;

    /// <summary>Raised after the rule changed, for the live UI.</summary>
    public event Action? Changed;

    public ChaosRule? Rule
    {
        get => _rule;
        set
        {
            _rule = value;
            Changed?.Invoke();
        }
    }

    /// <summary>Throws the chaos reply when the rule targets <paramref name="step"/> and this attempt is one that fails.</summary>
    public void Strike(ChaosStep step)
    {
        if (_rule is not { } rule || rule.Step != step || Random.Shared.NextDouble() >= rule.Rate)
        {
            return;
        }

        var text = rule.Code switch
        {
            421 => "4.3.2 Chaos mode: service not available, closing channel",
            451 => "4.3.0 Chaos mode: local error in processing, try again later",
            535 => "5.7.8 Chaos mode: authentication credentials invalid",
            550 => "5.1.1 Chaos mode: mailbox unavailable",
            _ => "5.3.4 Chaos mode: message size exceeds fixed limit",
        };

        // 421 closes the connection (RFC 5321 section 3.8), so the client must reconnect, as with a real server.
        throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)rule.Code, text), rule.Code == 421);
    }
}
