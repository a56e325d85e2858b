using MoltBot.Agent.Tools.Policy;
using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Exec;

internal enum ExecDecision
{
    Run,
    Ask,
    Deny,
}

/// <summary>
/// <c>tools.exec.security</c> × <c>tools.exec.ask</c>: whether a command runs, needs the owner's approval, or is refused.
/// Allowlist patterns match each simple command of a chain whole (<c>ls</c> is exactly <c>ls</c>; <c>ls *</c> takes arguments).
/// </summary>
internal static class ExecPolicy
{
    public static ExecDecision Decide(ExecConfig config, string command)
    {
        if (config.Security == ExecConfig.SecurityDeny)
        {
            return ExecDecision.Deny;
        }
        var hit = config.Security == ExecConfig.SecurityFull || IsAllowlisted(config.Allowlist, command);
        return config.Ask switch
        {
            ExecConfig.AskAlways => ExecDecision.Ask,
            ExecConfig.AskOff => hit ? ExecDecision.Run : ExecDecision.Deny,
            _ => hit ? ExecDecision.Run : ExecDecision.Ask,
        };
    }

    public static bool IsAllowlisted(IReadOnlyList<string> allowlist, string command)
    {
        var segments = ShellCommandSplitter.Split(command);
        return segments is { Count: > 0 } && segments.All(s => allowlist.Any(p => WildcardPattern.IsMatch(p.Trim(), s)));
    }
}
