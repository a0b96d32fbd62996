using System.Globalization;
using System.Net;

namespace Mailing.DevInbox;

/// <summary>Reads <c>mailing dev [options]</c> into <see cref="DevInboxOptions"/>.</summary>
internal static class DevCommandLine
{
    public const string Usage = """
        Usage: mailing dev [options]

        Catches every email on a local SMTP port and shows it in a web inbox. Nothing is relayed.

        Options:
          --smtp-port <port>       SMTP port (default 4125)
          --http-port <port>       web inbox and REST API port (default 4100)
          --bind <address>         address both listen on (default 127.0.0.1; anything else exposes caught mail)
          --tls                    offer STARTTLS with a self-signed certificate generated at start-up
          --auth <user:password>   accept only these credentials (default: any AUTH succeeds)
          --storage <directory>    keep messages as .eml files there, across restarts (default: memory)
          --max-messages <n>       keep at most n messages, dropping the oldest (default 500)
          --max-size <bytes>       refuse larger messages with 552 (default 26214400)
          --chaos <step:code[:rate]>  fail an SMTP step: auth|mail|rcpt|data, 421|451|535|550|552, rate 0..1
          -h, --help               show this help
        """;

    /// <summary>The options, or the error to print with <see cref="Usage"/>.</summary>
    public static (DevInboxOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new DevInboxOptions();
        if (args.Count == 0 || args[0] != "dev")
        {
            return (null, args.Count == 0 ? "" : $"Unknown command '{args[0]}'.");
        }

        try
        {
            for (var i = 1; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
                switch (name)
                {
                    case "--smtp-port":
                        options.SmtpPort = Port(Value());
                        break;
                    case "--http-port":
                        options.HttpPort = Port(Value());
                        break;
                    case "--bind":
                        var text = Value();
                        options.BindAddress = text == "localhost" ? IPAddress.Loopback
                            : IPAddress.TryParse(text, out var address) ? address
                            : throw new FormatException($"'{text}' is not an IP address.");
                        break;
                    case "--tls":
                        options.StartTls = true;
                        break;
                    case "--auth":
                        var pair = Value();
                        var colon = pair.IndexOf(':', StringComparison.Ordinal);
                        if (colon <= 0)
                        {
                            throw new FormatException("--auth takes user:password.");
                        }

                        options.Username = pair[..colon];
                        options.Password = pair[(colon + 1)..];
                        break;
                    case "--storage":
                        options.StorageDirectory = Path.GetFullPath(Value());
                        break;
                    case "--max-messages":
                        options.MaxMessages = Positive(Value(), name);
                        break;
                    case "--max-size":
                        options.MaxMessageSize = Positive(Value(), name);
                        break;
                    case "--chaos":
                        options.Chaos = ChaosRule.Parse(Value());
                        break;
                    case "-h" or "--help":
                        return (null, "");
                    default:
                        throw new FormatException($"Unknown option '{name}'.");
                }
            }
        }
        catch (FormatException failure)
        {
            return (null, failure.Message);
        }

        return (options, null);
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort
            ? port
            : throw new FormatException($"'{text}' is not a port.");

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{name} takes a positive whole number, not '{text}'.");
}
