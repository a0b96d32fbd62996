using Mailing.Transports.Smtp;

namespace Mailing.Tests.Smtp;

/// <summary>Hints fit the situation: this machine, the relay port, or a remote submission port.</summary>
public sealed class SmtpHintsTests
{
    [Theory]
    [InlineData("localhost", 4125, "mailing dev")]
    [InlineData("[::1]", 2525, "Nothing listens on [::1]:2525 on this machine")]
    [InlineData("smtp.example.com", 25, "Port 25 is the relay port")]
    [InlineData("smtp.example.com", 587, "any firewall between this machine and the server")]
    public void ARefusedConnection_GetsTheAdviceForItsSituation(string host, int port, string expected)
    {
        var hint = SmtpHints.ConnectionRefused(host, port);

        Assert.Contains(expected, hint, StringComparison.Ordinal);
        Assert.Equal(port == 25, hint.Contains("Port 25", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", 587, "never greeted")]
    [InlineData("smtp.example.com", 25, "Port 25 is blocked for outbound traffic")]
    [InlineData("smtp.example.com", 587, "firewall or the network drops the traffic")]
    public void AConnectTimeout_GetsTheAdviceForItsSituation(string host, int port, string expected)
    {
        var hint = SmtpHints.ConnectTimeout(host, port);

        Assert.Contains(expected, hint, StringComparison.Ordinal);
        Assert.Equal(port == 25, hint.Contains("Port 25", StringComparison.Ordinal));
    }
}
