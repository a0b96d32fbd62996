using Microsoft.Extensions.Configuration;
using static Mailing.ConfigurationValueReader;

namespace Mailing.Dispatch;

/// <summary>Reads <see cref="DispatchPolicy"/> from <c>Mailing:Dispatch</c> key by key, without reflection.</summary>
internal static class DispatchPolicyBinder
{
    public static void Bind(IConfigurationSection section, DispatchPolicy policy)
    {
        var path = section.Path;
        var errors = policy.BindingErrors;
        Read<int>(section, path, nameof(DispatchPolicy.MaxRetries), "a whole number such as 2", TryParseInt, v => policy.MaxRetries = v, errors);
        Read<TimeSpan>(section, path, nameof(DispatchPolicy.BaseDelay), "a duration such as \"00:00:01\"", TryParseDuration, v => policy.BaseDelay = v, errors);
        Read<TimeSpan>(section, path, nameof(DispatchPolicy.MaxDelay), "a duration such as \"00:00:30\"", TryParseDuration, v => policy.MaxDelay = v, errors);
        Read<TimeSpan>(section, path, nameof(DispatchPolicy.Budget), "a duration such as \"00:02:00\"", TryParseDuration, v => policy.Budget = v, errors);
        Read<bool>(section, path, nameof(DispatchPolicy.ResendOnUnknownOutcome), "true or false", TryParseBool, v => policy.ResendOnUnknownOutcome = v, errors);
        Read<double>(section, path, nameof(DispatchPolicy.FailureRatio), "a share such as 0.5", TryParseDouble, v => policy.FailureRatio = v, errors);
        Read<int>(section, path, nameof(DispatchPolicy.MinimumThroughput), "a whole number such as 4", TryParseInt, v => policy.MinimumThroughput = v, errors);
        Read<TimeSpan>(section, path, nameof(DispatchPolicy.SamplingDuration), "a duration such as \"00:00:30\"", TryParseDuration, v => policy.SamplingDuration = v, errors);
        Read<TimeSpan>(section, path, nameof(DispatchPolicy.BreakDuration), "a duration such as \"00:00:30\"", TryParseDuration, v => policy.BreakDuration = v, errors);
    }
}
