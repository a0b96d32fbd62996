using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Mailing.Tests.Smtp.Fixtures;
using Mailing.Transports.Smtp;
using static Mailing.Tests.Smtp.Fixtures.SmtpTestRig;

namespace Mailing.Tests.Smtp;

/// <summary>
/// Mailing's own SMTP session on the wire: pipelining as RFC 2920 allows it, EHLO and its HELO fallback, STARTTLS that
/// refuses injected data, AUTH through MailKit's SASL mechanisms (SCRAM verified both ways), and replies that are not SMTP.
/// </summary>
public sealed class SmtpProtocolTests
{
    [Fact]
    public async Task WithPipelining_MailFromEveryRcptToAndData_GoInOneGroup_BeforeAnyReply()
    {
        // This server answers nothing of the envelope until DATA has arrived: a client that waited for a reply would hang.
        await using var server = await RawServer.StartAsync(offerPipelining: true);
        var options = RawOptions(server.Port);
        await using var transport = new SmtpTransport(options);

        var result = await transport.SendAsync(Message("pipelined", "a@example.net", "b@example.net", "c@example.net"), Timeout());

        Assert.Equal(3, result.AcceptedRecipients.Count);
        Assert.Equal(["MAIL", "RCPT", "RCPT", "RCPT", "DATA"], server.EnvelopeGroups.Single());
        Assert.Contains("Subject: pipelined", server.Data.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPipelining_EachCommandWaitsForItsReply()
    {
        await using var server = await RawServer.StartAsync(offerPipelining: false);
        await using var transport = new SmtpTransport(RawOptions(server.Port));

        await transport.SendAsync(Message("one at a time", "a@example.net", "b@example.net"), Timeout());

        Assert.Equal([["MAIL"], ["RCPT"], ["RCPT"], ["DATA"]], server.EnvelopeGroups);
        Assert.False(server.CommandSentBeforeReply);
    }

    [Fact]
    public async Task TheLocalDomain_DefaultsToTheAddressLiteralOfTheConnection_AsMailKitDid()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command => { lines.Enqueue(command.Line); return null; });
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message(), Timeout());

        Assert.Contains("EHLO [127.0.0.1]", lines);
    }

    [Fact]
    public async Task AServerThatRefusesEhlo_IsGreetedWithHelo_AndGetsTheMessageWithoutExtensions()
    {
        var mailFrom = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command => command.Verb switch
        {
            "EHLO" => ScriptedReply.With("502 5.5.2 Command not implemented"),
            "MAIL" => Record(command.Line),
            _ => null,
        });
        await using var transport = new SmtpTransport(OptionsFor(server));

        await transport.SendAsync(Message("old server"), Timeout());

        Assert.Equal(["EHLO", "HELO"], server.Verbs.Take(2));
        Assert.Single(server.Messages);
        Assert.Equal("MAIL FROM:<shop@example.com>", Assert.Single(mailFrom));

        ScriptedReply? Record(string line)
        {
            mailFrom.Enqueue(line);
            return null;
        }
    }

    [Fact]
    public async Task DataAfterTheStartTlsReply_IsRefusedAsInjection_BeforeTlsOrCredentials()
    {
        await using var server = ScriptedSmtpServer.Start(
            command => command.Verb == "STARTTLS" ? ScriptedReply.With("220 2.0.0 Ready to start TLS\r\n250 2.0.0 injected by someone in between") : null,
            extensions: ["STARTTLS", "AUTH PLAIN LOGIN"]);
        var options = OptionsFor(server);
        options.Security = SmtpSecurity.StartTls;
        options.Username = "mailer";
        options.Password = "never-sent";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.Contains("STARTTLS", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTH", server.Verbs);
        Assert.DoesNotContain("MAIL", server.Verbs);
        Assert.DoesNotContain("never-sent", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScramSha256_IsChosenOverPlain_AndTheServersProofIsChecked()
    {
        var scram = new ScramServer("mailer", "s3cret-Pa55word");
        await using var server = ScriptedSmtpServer.Start(scram.Answer, extensions: ["AUTH PLAIN LOGIN SCRAM-SHA-256"]);
        var options = OptionsFor(server);
        options.Username = "mailer";
        options.Password = "s3cret-Pa55word";
        await using var transport = new SmtpTransport(options);

        await transport.SendAsync(Message("scram"), Timeout());

        Assert.Equal(["SCRAM-SHA-256"], scram.Mechanisms);
        Assert.True(scram.ClientProved);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task AServerWhoseScramSignatureDoesNotVerify_IsNotTrusted_TheExchangeIsCancelled_AndNothingIsSent()
    {
        // The client checks the server too (RFC 5802 §5): a server that cannot prove it knows the password is an impostor.
        var scram = new ScramServer("mailer", "s3cret-Pa55word", forgeSignature: true);
        await using var server = ScriptedSmtpServer.Start(scram.Answer, extensions: ["AUTH PLAIN LOGIN SCRAM-SHA-256"]);
        var options = OptionsFor(server);
        options.Username = "mailer";
        options.Password = "s3cret-Pa55word";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("scram"), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.True(scram.ClientProved);
        Assert.True(scram.ClientCancelled);
        Assert.Equal(["SCRAM-SHA-256"], scram.Mechanisms);
        Assert.DoesNotContain("MAIL", server.Verbs);
        Assert.DoesNotContain("s3cret-Pa55word", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordUnderScram_IsOneRefusal_NotRetriedWithAWeakerMechanism()
    {
        var scram = new ScramServer("mailer", "the-real-password");
        await using var server = ScriptedSmtpServer.Start(scram.Answer, extensions: ["AUTH PLAIN LOGIN SCRAM-SHA-256"]);
        var options = OptionsFor(server);
        options.Username = "mailer";
        options.Password = "a-wrong-password";
        await using var transport = new SmtpTransport(options);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Authentication, failure.Kind);
        Assert.Equal(535, failure.StatusCode);
        Assert.Equal(["SCRAM-SHA-256"], scram.Mechanisms);
        Assert.DoesNotContain("a-wrong-password", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMechanismTheServerWillNotUse_MakesWayForTheNextOne()
    {
        var mechanisms = new ConcurrentQueue<string>();
        await using var server = ScriptedSmtpServer.Start(command =>
        {
            if (command.Verb != "AUTH")
            {
                return null;
            }

            var mechanism = command.Line.Split(' ')[1];
            mechanisms.Enqueue(mechanism);
            return mechanism == "CRAM-MD5" ? ScriptedReply.With("504 5.5.4 Unrecognized authentication type") : ScriptedReply.With("235 2.7.0 Accepted");
        }, extensions: ["AUTH CRAM-MD5 PLAIN"]);
        var options = OptionsFor(server);
        options.Username = "mailer";
        options.Password = "pw";
        await using var transport = new SmtpTransport(options);

        await transport.SendAsync(Message(), Timeout());

        Assert.Equal(["CRAM-MD5", "PLAIN"], mechanisms);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task AReplyThatIsNotSmtp_IsALostConnection_NotACrash()
    {
        await using var server = ScriptedSmtpServer.Start(command => command.Verb == "MAIL" ? ScriptedReply.With("hello, I am not an SMTP server") : null);
        await using var transport = new SmtpTransport(OptionsFor(server));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message(), Timeout()));

        Assert.Equal(MailFailureKind.Connection, failure.Kind);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Contains("not an SMTP reply", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A421AfterARecipientWasAccepted_IsNotResent_AndNothingWasDelivered()
    {
        await using var server = ScriptedSmtpServer.Start(command =>
            command is { Session: 1, MessagesInSession: 1, Verb: "DATA" } ? ScriptedReply.With("421 4.3.2 shutting down") : null);
        await using var transport = new SmtpTransport(OptionsFor(server));
        await transport.SendAsync(Message("first"), Timeout());

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(Message("second"), Timeout()));

        Assert.Equal(421, failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.False(failure.MayHaveBeenDelivered);
        Assert.Equal(1, server.Sessions);
        Assert.Single(server.Messages);
    }

    [Theory]
    [InlineData("PIPELINING")]
    [InlineData("8BITMIME")]
    public async Task AnAttachmentFileThatVanished_SurfacesAsItself_NothingIsDelivered_AndTheNextMessageGoesThrough(string extension)
    {
        // The message is written while the server answers the envelope; a file that cannot be read ends the session
        // before any data, and the server, never having seen the end of data, keeps nothing.
        await using var server = ScriptedSmtpServer.Start(extensions: [extension]);
        await using var transport = new SmtpTransport(OptionsFor(server));
        var path = Path.Combine(Path.GetTempPath(), $"mailing-vanished-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "soon gone");
        var message = Message("with a file").Attach(EmailAttachment.FromFile(path));
        File.Delete(path);

        await Assert.ThrowsAsync<FileNotFoundException>(() => transport.SendAsync(message, Timeout()));
        await transport.SendAsync(Message("next"), Timeout());

        Assert.Equal("next", SubjectOf(Assert.Single(server.DataReceived)));
    }

    private static string SubjectOf(string data) =>
        data.Split("\r\n").First(line => line.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];

    private static SmtpOptions RawOptions(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        OperationTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = Patience,
    };

    /// <summary>
    /// A server on a raw socket that watches how commands arrive: with PIPELINING it holds every reply of the envelope
    /// until DATA is there; without, it checks after each command that nothing more came before its reply.
    /// </summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly bool _offerPipelining;
        private readonly Task _serving;
        private readonly CancellationTokenSource _stop = new();

        private RawServer(bool offerPipelining)
        {
            _offerPipelining = offerPipelining;
            _listener.Start();
            _serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string[]> EnvelopeGroups { get; } = [];

        public List<string> Data { get; } = [];

        public bool CommandSentBeforeReply { get; private set; }

        public static Task<RawServer> StartAsync(bool offerPipelining) => Task.FromResult(new RawServer(offerPipelining));

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var lines = new LineReader(socket);
            await socket.SendAsync("220 raw.test ESMTP\r\n"u8.ToArray(), _stop.Token);
            var group = new List<string>();
            var pending = new StringBuilder();
            while (await lines.ReadAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await socket.SendAsync(Encoding.ASCII.GetBytes(_offerPipelining ? "250-raw.test\r\n250 PIPELINING\r\n" : "250-raw.test\r\n250 8BITMIME\r\n"), _stop.Token);
                        continue;
                    case "QUIT":
                        await socket.SendAsync("221 bye\r\n"u8.ToArray(), _stop.Token);
                        return;
                }

                group.Add(verb);
                pending.Append(verb == "DATA" ? "354 go ahead\r\n" : "250 2.0.0 Ok\r\n");
                if (!_offerPipelining)
                {
                    await Task.Delay(100, _stop.Token);
                    CommandSentBeforeReply |= lines.HasMore || socket.Available > 0;
                }

                if (_offerPipelining && verb != "DATA")
                {
                    continue;
                }

                EnvelopeGroups.Add([.. group]);
                group.Clear();
                await socket.SendAsync(Encoding.ASCII.GetBytes(pending.ToString()), _stop.Token);
                pending.Clear();
                if (verb == "DATA")
                {
                    var data = new StringBuilder();
                    while (await lines.ReadAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine).Append("\r\n");
                    }

                    Data.Add(data.ToString());
                    await socket.SendAsync("250 2.0.0 Ok: queued as RAW1\r\n"u8.ToArray(), _stop.Token);
                }
            }
        }

        private sealed class LineReader(Socket socket)
        {
            private readonly byte[] _buffer = new byte[64 * 1024];
            private int _start;
            private int _end;

            public bool HasMore => _end > _start;

            public async Task<string?> ReadAsync(CancellationToken cancellationToken)
            {
                while (true)
                {
                    var lineFeed = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                    if (lineFeed >= 0)
                    {
                        var line = Encoding.UTF8.GetString(_buffer, _start, lineFeed - _start).TrimEnd('\r');
                        _start = lineFeed + 1;
                        return line;
                    }

                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                    var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
                    if (read == 0)
                    {
                        return null;
                    }

                    _end += read;
                }
            }
        }
    }

    /// <summary>
    /// The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677): checks the client's proof, sends its own (or, forging, a
    /// signature made without the password, as an impostor that does not know it would).
    /// </summary>
    private sealed class ScramServer(string user, string password, bool forgeSignature = false)
    {
        private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
        private readonly string _serverNonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        private string _clientFirstBare = "";
        private string _serverFirst = "";
        private int _step;

        public ConcurrentQueue<string> Mechanisms { get; } = new();

        public bool ClientProved { get; private set; }

        /// <summary>Whether the client cancelled the exchange (<c>*</c>, RFC 4954 §4) instead of finishing it.</summary>
        public bool ClientCancelled { get; private set; }

        public ScriptedReply? Answer(ScriptedCommand command)
        {
            if (command.Verb == "AUTH")
            {
                var parts = command.Line.Split(' ');
                Mechanisms.Enqueue(parts[1]);
                if (parts[1] != "SCRAM-SHA-256")
                {
                    return ScriptedReply.With("504 5.5.4 Not this one");
                }

                _step = 1;
                return parts.Length > 2 ? First(parts[2]) : ScriptedReply.With("334 ");
            }

            return _step switch
            {
                1 when _clientFirstBare.Length == 0 => First(command.Line),
                1 => Final(command.Line),
                2 when command.Line == "*" => Cancelled(),
                2 => Done(),
                _ => null,
            };
        }

        private ScriptedReply First(string base64)
        {
            var clientFirst = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            _clientFirstBare = clientFirst[(clientFirst.IndexOf(",,", StringComparison.Ordinal) + 2)..];
            var clientNonce = _clientFirstBare.Split(',').Single(p => p.StartsWith("r=", StringComparison.Ordinal))[2..];
            Assert.Equal($"n={user}", _clientFirstBare.Split(',')[0]);
            _serverFirst = $"r={clientNonce}{_serverNonce},s={Convert.ToBase64String(_salt)},i=4096";
            return ScriptedReply.With("334 " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_serverFirst)));
        }

        private ScriptedReply Final(string base64)
        {
            var clientFinal = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var withoutProof = clientFinal[..clientFinal.IndexOf(",p=", StringComparison.Ordinal)];
            var proof = Convert.FromBase64String(clientFinal[(withoutProof.Length + 3)..]);
            var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), _salt, 4096, HashAlgorithmName.SHA256, 32);
            var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
            var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{withoutProof}");
            var signature = HMACSHA256.HashData(SHA256.HashData(clientKey), authMessage);
            var expected = clientKey.Zip(signature, (k, s) => (byte)(k ^ s)).ToArray();
            if (!CryptographicOperations.FixedTimeEquals(expected, proof))
            {
                _step = 0;
                return ScriptedReply.With("535 5.7.8 Authentication credentials invalid");
            }

            ClientProved = true;
            _step = 2;
            var serverSignature = forgeSignature
                ? RandomNumberGenerator.GetBytes(32)
                : HMACSHA256.HashData(HMACSHA256.HashData(salted, "Server Key"u8), authMessage);
            return ScriptedReply.With("334 " + Convert.ToBase64String(Encoding.UTF8.GetBytes("v=" + Convert.ToBase64String(serverSignature))));
        }

        private ScriptedReply Cancelled()
        {
            _step = 0;
            ClientCancelled = true;
            return ScriptedReply.With("501 5.7.0 Authentication cancelled");
        }

        private ScriptedReply Done()
        {
            _step = 0;
            return ScriptedReply.With("235 2.7.0 Authentication successful");
        }
    }
}
