using System.Net;

namespace Mailing.DevInbox;

/// <summary>How the dev inbox listens, authenticates, stores and misbehaves.</summary>
public sealed class DevInboxOptions
{
    /// <summary>The SMTP port; 4125 by default, 0 picks a free one.</summary>
    public int SmtpPort { get; set; } = 4125;

    /// <summary>The web inbox and REST API port for <c>mailing dev</c>; 4100 by default, 0 picks a free one.</summary>
    public int HttpPort { get; set; } = 4100;

    /// <summary>The address both listeners bind; loopback by default.</summary>
    /// <remarks>Anything else exposes every caught message to the network; the command line asks for it explicitly.</remarks>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Offer <c>STARTTLS</c> with a self-signed certificate generated at start-up.</summary>
    public bool StartTls { get; set; }

    /// <summary>With <see cref="Password"/>: accept only these credentials, to mimic production. Unset, any <c>AUTH</c> succeeds.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A directory of <c>.eml</c> files that survives restarts; unset, messages are kept in memory.</summary>
    public string? StorageDirectory { get; set; }

    /// <summary>How many messages are kept; past it, the oldest is dropped. 500 by default.</summary>
    public int MaxMessages { get; set; } = 500;

    /// <summary>The largest message accepted, in bytes; larger ones get <c>552</c>. 25 MiB by default.</summary>
    public int MaxMessageSize { get; set; } = 25 * 1024 * 1024;

    /// <summary>A chaos rule active from start-up; <see langword="null"/> (the default) is chaos off.</summary>
    public ChaosRule? Chaos { get; set; }

    /// <summary>Serve the embedded inbox outside the Development environment too.</summary>
    public bool Force { get; set; }
}
