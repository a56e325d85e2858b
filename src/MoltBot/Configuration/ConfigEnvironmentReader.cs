using System.Globalization;
using MoltBot.Configuration.Schema;
using static MoltBot.Configuration.Schema.ConfigEnvironmentVariables;

namespace MoltBot.Configuration;

/// <summary>Applies the environment variables in <see cref="ConfigEnvironmentVariables"/> over the file. Empty values count as unset.</summary>
internal static class ConfigEnvironmentReader
{
    public static void Apply(IReadOnlyDictionary<string, string?> environment, ConfigValues values, List<ConfigIssue> issues)
    {
        foreach (var variable in All.Where(v => v.Target is not null))
        {
            if (Get(environment, variable.Name) is not { } raw)
            {
                continue;
            }
            var key = ConfigSchema.Resolve(variable.Target!, out _)!;
            if (variable.Name == GatewayPort)
            {
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < key.Min || port > key.Max)
                {
                    issues.Add(new ConfigIssue(variable.Target!, null, null, $"Environment variable {GatewayPort}='{raw}' is not a port: expected an integer from 1 to 65535.", $"Set {GatewayPort} to a port such as 18789, or unset it."));
                    continue;
                }
                values.Set(variable.Target!, key, (long)port, ConfigValueSource.FromEnvironment(variable.Name));
                continue;
            }
            if (variable.Name == GatewayBind && !ConfigSchema.IsValidBind(raw))
            {
                issues.Add(new ConfigIssue(variable.Target!, null, null, $"Environment variable {GatewayBind}='{raw}' is not a bind address: expected loopback, lan or an IP address.", $"Set {GatewayBind} to loopback (this machine), lan (all interfaces) or an IP such as 192.168.1.10, or unset it."));
                continue;
            }
            if (key.Kind == ConfigValueKind.Enum && !key.Allowed.Contains(raw, StringComparer.Ordinal))
            {
                issues.Add(new ConfigIssue(variable.Target!, null, null, $"Environment variable {variable.Name}='{raw}' is not valid: expected one of {string.Join(", ", key.Allowed)}.", $"Set {variable.Name} to one of {string.Join(", ", key.Allowed)}, or unset it."));
                continue;
            }
            object value = key.Kind == ConfigValueKind.StringList
                ? raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
                : raw;
            values.Set(variable.Target!, key, value, ConfigValueSource.FromEnvironment(variable.Name));
        }
    }

    /// <summary><c>MOLTBOT_PERSONA_NAME</c> names the default agent, so it runs after the default agent is settled.</summary>
    public static void ApplyPersona(IReadOnlyDictionary<string, string?> environment, ConfigValues values, int defaultAgent)
    {
        if (Get(environment, PersonaName) is { } name)
        {
            var path = $"agents.list[{defaultAgent.ToString(CultureInfo.InvariantCulture)}].identity.name";
            values.Set(path, ConfigSchema.Find("agents.list[].identity.name")!, name, ConfigValueSource.FromEnvironment(PersonaName));
        }
    }

    public static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;
}
