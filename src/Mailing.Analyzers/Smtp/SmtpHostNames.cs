using System;
using System.Net;

namespace Mailing.Analyzers.Smtp;

/// <summary>Host names whose meaning the rules depend on.</summary>
internal static class SmtpHostNames
{
    /// <summary>
    /// Loopback hosts: plain text and port 25 are normal for local test servers
    /// (smtp4dev, Papercut, an in-process server) and never cross a network.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var name = host.Trim().TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.StartsWith("[", StringComparison.Ordinal) && name.EndsWith("]", StringComparison.Ordinal))
        {
            name = name.Substring(1, name.Length - 2);
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Google's consumer SMTP endpoints.</summary>
    public static bool IsGmail(string host)
    {
        var name = host.Trim().TrimEnd('.');
        return name.Equals("smtp.gmail.com", StringComparison.OrdinalIgnoreCase)
            || name.Equals("smtp.googlemail.com", StringComparison.OrdinalIgnoreCase);
    }
}
