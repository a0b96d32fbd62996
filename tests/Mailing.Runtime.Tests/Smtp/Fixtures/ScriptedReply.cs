namespace Mailing.Tests.Smtp.Fixtures;

/// <summary>What a <see cref="ScriptedSmtpServer"/> does instead of its default answer to one command.</summary>
internal sealed record ScriptedReply
{
    private ScriptedReply(string? text, bool drop, bool hang, bool thenClose = false)
    {
        Text = text;
        Drop = drop;
        Hang = hang;
        ThenClose = thenClose;
    }

    /// <summary>The reply line(s) to send; the connection stays open unless the code is 421.</summary>
    public string? Text { get; }

    /// <summary>Close the TCP connection without answering.</summary>
    public bool Drop { get; }

    /// <summary>Never answer (until the server is disposed).</summary>
    public bool Hang { get; }

    /// <summary>Close the connection after sending <see cref="Text"/>, without waiting for QUIT.</summary>
    public bool ThenClose { get; }

    public static ScriptedReply With(string text, bool thenClose = false) => new(text, drop: false, hang: false, thenClose);

    public static ScriptedReply DropConnection { get; } = new(null, drop: true, hang: false);

    public static ScriptedReply NeverAnswer { get; } = new(null, drop: false, hang: true);
}
