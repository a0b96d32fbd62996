using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailing.DevInbox;

/// <summary>
/// Whether the dev inbox runs in this app: in the Development environment, or anywhere when
/// <see cref="DevInboxOptions.Force"/> is set. The one rule the listener, the web inbox and <c>inbox://</c> follow.
/// </summary>
internal sealed class DevInboxActivation(IOptions<DevInboxOptions> options, IHostEnvironment? environment)
{
    public bool IsActive => options.Value.Force || environment?.IsDevelopment() == true;

    public string EnvironmentName => environment?.EnvironmentName ?? "unknown";
}
