namespace Mailing.DevInbox;

/// <summary>Chaos mode: answer <see cref="Step"/> with <see cref="Code"/> for a share <see cref="Rate"/> of attempts.</summary>
/// <param name="Step">The SMTP step that fails.</param>
/// <param name="Code">The reply code: one of 421, 451, 535, 550, 552.</param>
/// <param name="Rate">The share of attempts that fail, from 0 to 1 (1 fails every attempt).</param>
public sealed record ChaosRule(ChaosStep Step, int Code, double Rate)
{
    /// <summary>The reply codes chaos mode can answer with.</summary>
    public static IReadOnlyList<int> Codes { get; } = [421, 451, 535, 550, 552];

    /// <summary>Parses <c>step:code[:rate]</c>, e.g. <c>rcpt:451:0.5</c>; the rate defaults to 1.</summary>
    /// <param name="text">The rule as the command line and the API write it.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="FormatException">The step, code or rate is not one chaos mode knows.</exception>
    public static ChaosRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'{text}' is not a chaos rule: write step:code[:rate], e.g. rcpt:451:0.5.");
        }

        var step = ParseStep(parts[0]);
        if (!int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var code) || !Codes.Contains(code))
        {
            throw new FormatException($"'{parts[1]}' is not a chaos code: use one of {string.Join(", ", Codes)}.");
        }

        var rate = 1.0;
        if (parts.Length == 3 && (!double.TryParse(parts[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out rate) || rate is < 0 or > 1))
        {
            throw new FormatException($"'{parts[2]}' is not a rate: use a number from 0 to 1.");
        }

        return new ChaosRule(step, code, rate);
    }

    /// <summary>Reads a step name as the command line and API write it: <c>auth</c>, <c>mail</c>, <c>rcpt</c>, <c>data</c>.</summary>
    /// <param name="text">The step name.</param>
    /// <returns>The step.</returns>
    /// <exception cref="FormatException">The name is not a step.</exception>
    public static ChaosStep ParseStep(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auth" => ChaosStep.Auth,
        "mail" or "mailfrom" or "mail-from" or "from" => ChaosStep.MailFrom,
        "rcpt" or "rcptto" or "rcpt-to" or "to" => ChaosStep.RcptTo,
        "data" => ChaosStep.Data,
        _ => throw new FormatException($"'{text}' is not an SMTP step: use auth, mail, rcpt or data."),
    };
}
