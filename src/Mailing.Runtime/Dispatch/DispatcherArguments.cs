using Mailing.Transports;

namespace Mailing.Dispatch;

/// <summary>Checks what a dispatcher is built from, with messages that say what to change.</summary>
internal static class DispatcherArguments
{
    public static IEmailTransport[] Transports(IEnumerable<IEmailTransport> transports, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(transports, parameterName);
        var list = transports.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A dispatcher needs at least one transport.", parameterName);
        }

        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("The transports include null.", parameterName);
        }

        return list;
    }

    public static DispatchPolicy Policy(DispatchPolicy? policy)
    {
        var copy = (policy ?? new DispatchPolicy()).Clone();
        var errors = copy.Validate("policy");
        return errors.Count == 0 ? copy : throw new ArgumentException(string.Join(" ", errors), nameof(policy));
    }
}
