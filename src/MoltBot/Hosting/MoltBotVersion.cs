using System.Reflection;

namespace MoltBot.Hosting;

internal static class MoltBotVersion
{
    /// <summary>The informational version of the build (<c>1.0.0+commit</c> when built from git).</summary>
    public static string Current { get; } =
        typeof(MoltBotVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
