using System.Globalization;
using MoltBot.Configuration.Schema;
using MoltBot.Security.Secrets;
using static MoltBot.Configuration.Schema.ConfigEnvironmentVariables;

namespace MoltBot.Configuration;

/// <summary>Applies the environment variables in <see cref="ConfigEnvironmentVariables"/> over the file. Empty values count as unset.</summary>
internal static class ConfigEnvironmentReader
{
    /// <summary>Appended to a secret variable's name, the variable names a file holding the secret.</summary>
    public const string FileSuffix = "_FILE";

    /// <summary>Appended to a secret variable's name, the variable holds a Key Vault secret URI to read the secret from.</summary>
    public const string KeyVaultSuffix = "_KEYVAULT";

    public static void Apply(IReadOnlyDictionary<string, string?> environment, ConfigValues values, List<ConfigIssue> issues)
    {
        foreach (var variable in All.Where(v => v.Target is not null))
        {
            var key = ConfigSchema.Resolve(variable.Target!, out _)!;
            if (Get(environment, variable.Name) is not { } raw)
            {
                if (key.Kind == ConfigValueKind.Secret)
                {
                    ApplySecretReference(environment, variable.Name, variable.Target!, key, values, issues);
                }
                continue;
            }
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

    /// <summary>
    /// The reference forms of a secret variable that is not set itself: <c>NAME_FILE</c> or <c>NAME_KEYVAULT</c>.
    /// Both at once is an error: they name two different sources and neither is obviously meant.
    /// </summary>
    private static void ApplySecretReference(IReadOnlyDictionary<string, string?> environment, string name, string target, ConfigKey key, ConfigValues values, List<ConfigIssue> issues)
    {
        var path = Get(environment, name + FileSuffix);
        var uri = Get(environment, name + KeyVaultSuffix);
        if (path is not null && uri is not null)
        {
            issues.Add(new ConfigIssue(target, null, null, $"Both {name}{FileSuffix} and {name}{KeyVaultSuffix} are set: the secret can come from only one of them.", $"Unset {name}{FileSuffix} (to read Key Vault) or {name}{KeyVaultSuffix} (to read the file)."));
        }
        else if (path is not null)
        {
            ApplySecretFile(name, path, target, key, values, issues);
        }
        else if (uri is not null)
        {
            ApplyKeyVaultSecret(name, uri, target, key, values, issues);
        }
    }

    /// <summary>
    /// <c>NAME_KEYVAULT=https://vault.vault.azure.net/secrets/name[/version]</c> for any secret variable: a Key Vault
    /// reference, fetched by the <see cref="SecretStore"/> at start and, without a version, re-read every minute
    /// (rotation without restart where the platform, like Container Apps, only applies its own secrets on restart).
    /// </summary>
    private static void ApplyKeyVaultSecret(string name, string uri, string target, ConfigKey key, ConfigValues values, List<ConfigIssue> issues)
    {
        var variable = name + KeyVaultSuffix;
        if (KeyVaultSecretUri.Parse(uri) is null)
        {
            issues.Add(new ConfigIssue(target, null, null, $"Environment variable {variable}='{uri}' is not a Key Vault secret URI.",
                $"Set {variable} to https://VAULT.vault.azure.net/secrets/{name.ToLowerInvariant().Replace('_', '-')} (latest version, re-read every minute) or .../secrets/NAME/VERSION (pinned), or unset it."));
            return;
        }
        var reference = new SecretReference(SecretSourceKind.KeyVault, uri);
        values.Set(target, key, new SecretValue("", $"{reference.Describe()} ({variable})", reference), ConfigValueSource.FromEnvironment(variable));
    }

    /// <summary>
    /// <c>NAME_FILE=/run/secrets/x</c> for any secret variable: the value is read from the file and re-read while the gateway
    /// runs (rotation without restart), the convention of Docker, Kubernetes and Container Apps secret volume mounts.
    /// </summary>
    private static void ApplySecretFile(string name, string path, string target, ConfigKey key, ConfigValues values, List<ConfigIssue> issues)
    {
        var variable = name + FileSuffix;
        if (!Path.IsPathFullyQualified(path))
        {
            issues.Add(new ConfigIssue(target, null, null, $"Environment variable {variable}='{path}' is not an absolute path.", $"Set {variable} to the secret file's absolute path, e.g. /run/secrets/{name.ToLowerInvariant().Replace('_', '-')}."));
            return;
        }
        string value;
        try
        {
            value = SecretFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ConfigIssue(target, null, null, $"Cannot read the secret file '{path}' named by {variable}: {e.Message}", $"Mount or create the file and make it readable by the gateway, or unset {variable}."));
            return;
        }
        if (value.Length == 0)
        {
            issues.Add(new ConfigIssue(target, null, null, $"The secret file '{path}' named by {variable} is empty.", $"Write the secret into {path}, or unset {variable}."));
            return;
        }
        var reference = new SecretReference(SecretSourceKind.File, path);
        values.Set(target, key, new SecretValue(value, $"{reference.Describe()} ({variable})", reference), ConfigValueSource.FromEnvironment(variable));
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
