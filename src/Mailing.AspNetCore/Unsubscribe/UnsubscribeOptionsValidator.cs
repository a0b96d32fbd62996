using Microsoft.Extensions.Options;

namespace Mailing;

/// <summary>Checks <see cref="UnsubscribeOptions"/> at start-up; every failure names the key and what to put there.</summary>
internal sealed class UnsubscribeOptionsValidator : IValidateOptions<UnsubscribeOptions>
{
    public ValidateOptionsResult Validate(string? name, UnsubscribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.BindingErrors);
        var prefix = options.SectionPath;
        if (options.Url is null)
        {
            if (options.BindingErrors.Count == 0)
            {
                errors.Add($"{prefix}:Url is missing: set the public https address of the endpoint app.MapMailingUnsubscribe(...) serves, e.g. \"https://shop.example/unsubscribe\".");
            }
        }
        else if (!options.Url.IsAbsoluteUri || options.Url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{prefix}:Url is {options.Url.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped)}, which is not https: one-click unsubscribe (RFC 8058) needs an https:// address, and Gmail and Yahoo ignore any other. Serve the endpoint over https.");
        }
        else if (options.Url.UserInfo.Length > 0 || options.Url.Fragment.Length > 0)
        {
            errors.Add($"{prefix}:Url has a user name, password or #fragment; the link goes to every recipient and a mailbox provider POSTs to it as it is. Remove them.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:LinkLifetime is {options.LinkLifetime}; it must be positive (90 days by default, at least 30 for CAN-SPAM).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
