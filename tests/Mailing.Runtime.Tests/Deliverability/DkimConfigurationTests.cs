using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mailing.Runtime.Tests.Deliverability.Fixtures;
using Mailing.Transports.Local;
using Mailing.Transports.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailing.Runtime.Tests.Deliverability;

/// <summary><c>Mailing:Dkim</c>: keys read and checked at start-up, every problem naming the key and never showing it.</summary>
public sealed class DkimConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailing-dkim-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task KeyFileInConfiguration_SignsWhatTheMemoryTransportKeeps()
    {
        var key = DkimTestKey.Rsa();
        var file = Write("dkim.pem", key.PrivateKeyPem);
        using var host = await StartAsync($$"""
            { "Mailing": { "From": "Shop <shop@shop.example>", "Transport": "memory://default",
                           "Dkim": { "Domain": "shop.example", "Selector": "rsa2025", "PrivateKeyFile": {{Json(file)}} } } }
            """);

        await host.Services.GetRequiredService<IMailer>().SendAsync(new EmailMessage { To = ["ann@example.net"], Subject = "Hi", TextBody = "Hello" });

        var sent = host.Services.GetRequiredService<InMemoryTransport>().Sent.Single();
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(sent.MimeBytes.ToArray(), DkimTestKey.Dns(key)));
    }

    [Fact]
    public async Task KeyTextFromAnEnvironmentVariableWithEscapedLineBreaks_AndMoreKeysUnderKeys_AllSign()
    {
        var rsa = DkimTestKey.Rsa();
        var ed25519 = DkimTestKey.Ed25519Key();
        var news = DkimTestKey.Rsa("news.example", "s1");
        var escaped = rsa.PrivateKeyPem.Replace("\n", "\\n", StringComparison.Ordinal);
        using var host = await StartAsync($$"""
            { "Mailing": { "From": "shop@shop.example", "Transport": "memory://default",
                           "Dkim": { "Domain": "shop.example", "Selector": "rsa2025", "PrivateKey": {{Json(escaped)}},
                                     "Keys": [ { "Domain": "shop.example", "Selector": "ed2025", "PrivateKeyFile": {{Json(Write("ed.pem", ed25519.PrivateKeyPem))}} },
                                               { "Domain": "news.example", "Selector": "s1", "PrivateKey": {{Json(news.PrivateKeyPem)}} } ] } } }
            """);

        var signer = host.Services.GetRequiredService<DkimMessageSigner>();

        Assert.Equal([rsa.RecordName, ed25519.RecordName, news.RecordName], signer.DnsRecords.Select(r => r.Name));
        var transport = new InMemoryTransport { Dkim = signer };
        await transport.SendAsync(new EmailMessage { From = "shop@shop.example", To = ["ann@example.net"], Subject = "Hi", TextBody = "Hello" });
        await transport.SendAsync(new EmailMessage { From = "editor@news.example", To = ["ann@example.net"], Subject = "Hi", TextBody = "Hello" });
        Assert.Equal(new[] { true, true }, await PythonDkim.VerifyAsync(transport.Sent[0].MimeBytes.ToArray(), DkimTestKey.Dns(rsa, ed25519)));
        Assert.Equal(new[] { true }, await PythonDkim.VerifyAsync(transport.Sent[1].MimeBytes.ToArray(), DkimTestKey.Dns(news)));
    }

    [Fact]
    public async Task WeakRsaKey_StopsTheHost_NamingTheKeyAndTheFix_WithoutShowingIt()
    {
        var weak = DkimTestKey.WeakRsa();

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "shop.example", "Selector": "old2010", "PrivateKey": {{Json(weak.PrivateKeyPem)}} }"""));

        Assert.Contains("Mailing:Dkim (selector \"old2010\" for shop.example) is a 1024-bit RSA key", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048", error.Message, StringComparison.Ordinal);
        AssertShowsNoKey(error.Message, weak.PrivateKeyPem);
    }

    [Fact]
    public async Task DamagedKey_StopsTheHost_WithoutQuotingTheDamagedText()
    {
        var pem = DkimTestKey.Rsa().PrivateKeyPem;
        var damaged = pem[..(pem.Length / 2)] + "!!not-base64!!" + pem[(pem.Length / 2)..];

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(damaged)}} }"""));

        Assert.Contains("Mailing:Dkim (selector \"s1\" for shop.example) cannot be read as a PEM private key", error.Message, StringComparison.Ordinal);
        AssertShowsNoKey(error.Message, damaged);
    }

    [Theory]
    [InlineData("PUBLIC KEY", "is a public key")]
    [InlineData("ENCRYPTED PRIVATE KEY", "is encrypted with a passphrase")]
    [InlineData("EC PRIVATE KEY", "is an EC (ECDSA) key")]
    [InlineData("CERTIFICATE", "is a PEM \"CERTIFICATE\", not a private key")]
    public async Task PemThatIsNotAnUnencryptedPrivateKey_IsNamedForWhatItIs(string label, string problem)
    {
        var pem = new string(PemEncoding.Write(label, RandomNumberGenerator.GetBytes(64)));

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(pem)}} }"""));

        Assert.Contains($"Mailing:Dkim (selector \"s1\" for shop.example) {problem}", error.Message, StringComparison.Ordinal);
        AssertShowsNoKey(error.Message, pem);
    }

    [Fact]
    public async Task Pkcs8EcKey_IsRefusedAsAKindDkimDoesNotUse()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(ec.ExportPkcs8PrivateKeyPem())}} }"""));

        Assert.Contains("DKIM signs with RSA (rsa-sha256, 2048 bits or more) or Ed25519 (ed25519-sha256)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyForAnotherDomainThanFrom_StopsTheHost_BecauseDmarcWouldFail()
    {
        var key = DkimTestKey.Rsa("mailer.example", "s1");

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "mailer.example", "Selector": "s1", "PrivateKey": {{Json(key.PrivateKeyPem)}} }"""));

        Assert.Contains("Mailing:Dkim: no key signs for shop.example, the domain of Mailing:From", error.Message, StringComparison.Ordinal);
        Assert.Contains("The keys are for s1._domainkey.mailer.example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyForTheParentDomainOfFrom_IsAligned()
    {
        var key = DkimTestKey.Rsa("shop.example", "s1");
        using var host = await StartAsync($$"""
            { "Mailing": { "From": "news@news.shop.example", "Transport": "memory://default",
                           "Dkim": { "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(key.PrivateKeyPem)}} } } }
            """);

        Assert.NotNull(host.Services.GetRequiredService<InMemoryTransport>().Dkim);
    }

    [Fact]
    public async Task MissingPiecesAndUnreadableFile_AreAllListedWithTheirKeys()
    {
        var missing = Path.Combine(_directory, "nowhere.pem");

        var error = await StartExpectingFailureAsync(Dkim($$"""
            { "Selector": "s1", "PrivateKeyFile": "x.pem",
              "Keys": [ { "Domain": "shop.example", "PrivateKeyFile": {{Json(missing)}} },
                        { "Domain": "shop.example", "Selector": "s3" },
                        { "Domain": "shop.example", "Selector": "s4", "PrivateKey": "x", "PrivateKeyFile": "y" } ] }
            """));

        Assert.Contains("Mailing:Dkim:Domain is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Dkim:Keys:0:Selector is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Dkim:Keys:1 (selector \"s3\" for shop.example) has no key: set PrivateKeyFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mailing:Dkim:Keys:2 (selector \"s4\" for shop.example) sets both PrivateKey and PrivateKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableKeyFile_NamesThePath()
    {
        var missing = Path.Combine(_directory, "nowhere.pem");

        var error = await StartExpectingFailureAsync(Dkim($$"""{ "Domain": "shop.example", "Selector": "s1", "PrivateKeyFile": {{Json(missing)}} }"""));

        Assert.Contains($"Mailing:Dkim:PrivateKeyFile \"{missing}\" cannot be read (FileNotFoundException)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSelectorTwice_IsRefused()
    {
        var key = DkimTestKey.Rsa();

        var error = await StartExpectingFailureAsync(Dkim($$"""
            { "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(key.PrivateKeyPem)}},
              "Keys": [ { "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(key.PrivateKeyPem)}} } ] }
            """));

        Assert.Contains("Mailing:Dkim:Keys:0: the selector \"s1\" of shop.example is configured twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMimeTransportConfigured_SignsWithTheOneSigner_AndNoHttpProviderIsAskedTo()
    {
        var key = DkimTestKey.Rsa();
        using var host = await StartAsync($$"""
            { "Mailing": { "From": "shop@shop.example", "Transport": "failover(relay files memory api)",
                           "Transports": { "relay": "smtp://user:pass@smtp.example.com:587", "files": {{Json("pickup://default?path=" + _directory)}},
                                           "memory": "memory://default", "api": "postmark+api://TOKEN@default" },
                           "Dkim": { "Domain": "shop.example", "Selector": "s1", "PrivateKey": {{Json(key.PrivateKeyPem)}} } } }
            """);
        var transports = host.Services.GetRequiredService<ConfiguredTransports>();
        var signer = host.Services.GetRequiredService<DkimMessageSigner>();

        Assert.Same(signer, Assert.IsType<Mailing.Transports.Smtp.SmtpTransport>(transports["relay"]).Dkim);
        Assert.Same(signer, Assert.IsType<PickupDirectoryTransport>(transports["files"]).Dkim);
        Assert.Same(signer, Assert.IsType<InMemoryTransport>(transports["memory"]).Dkim);
        Assert.IsType<Mailing.Transports.Http.Postmark.PostmarkTransport>(transports["api"]);
    }

    [Fact]
    public async Task UseSmtpInCode_AlsoGetsTheSigner()
    {
        var key = DkimTestKey.Rsa();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(o => o.From = "shop@shop.example")
            .UseSmtp(o => { o.Host = "smtp.example.com"; o.Port = 587; o.Username = "user"; o.Password = "pass"; })
            .UseDkim(o => o.Keys.Add(key.Options()));
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Same(host.Services.GetRequiredService<DkimMessageSigner>(), host.Services.GetRequiredService<Mailing.Transports.Smtp.SmtpTransport>().Dkim);
    }

    [Fact]
    public void KeyOptions_ToStringNamesTheRecordNotTheKey()
    {
        var key = DkimTestKey.Rsa().Options();

        Assert.Equal("rsa2025._domainkey.shop.example", key.ToString());
    }

    [Fact]
    public void SignerCreatedInCodeWithABadKey_ThrowsWithEveryProblem()
    {
        var options = new DkimOptions { Keys = { new DkimKeyOptions { Domain = "shop.example", Selector = "s1", PrivateKey = DkimTestKey.WeakRsa().PrivateKeyPem } } };

        var error = Assert.Throws<ArgumentException>(() => new DkimMessageSigner(options));

        Assert.Contains("is a 1024-bit RSA key", error.Message, StringComparison.Ordinal);
    }

    private static string Dkim(string dkim) => $$"""{ "Mailing": { "From": "Shop <shop@shop.example>", "Transport": "memory://default", "Dkim": {{dkim}} } }""";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static IConfigurationSection Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Mailing");

    private static async Task<IHost> StartAsync(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(Section(json));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<OptionsValidationException> StartExpectingFailureAsync(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailing(Section(json));
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    /// <summary>No line of the key's base64 (not even a part of one) appears in <paramref name="message"/>.</summary>
    private static void AssertShowsNoKey(string message, string pem)
    {
        foreach (var line in pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 16))
        {
            Assert.DoesNotContain(line[..16], message, StringComparison.Ordinal);
        }
    }
}
