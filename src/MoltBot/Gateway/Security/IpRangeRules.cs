using MoltBot.Configuration;

namespace MoltBot.Gateway.Security;

/// <summary>Config-time check of <c>gateway.allowedIpRanges</c> and <c>gateway.trustedProxies</c>: every bad entry is reported with its key.</summary>
internal static class IpRangeRules
{
    public static readonly string[] Keys = ["gateway.allowedIpRanges", "gateway.trustedProxies"];

    public static void Check(ConfigValues values, List<ConfigIssue> issues)
    {
        foreach (var key in Keys)
        {
            if (values.Find(key) is not { Value: IReadOnlyList<string> entries } leaf)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (!IpRangeList.TryParseEntry(entry, out _, out var problem))
                {
                    issues.Add(IpRangeList.Issue(key, entry, problem, leaf.Source));
                }
            }
        }
    }
}
