using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;
using MoltBot.Security.Secrets;

namespace MoltBot.Configuration;

internal sealed partial class ConfigFileReader
{
    private const string RefExample = "{ \"source\": \"env\", \"id\": \"NAME\" }, { \"source\": \"file\", \"path\": \"/run/secrets/name\" } or { \"source\": \"keyvault\", \"uri\": \"https://VAULT.vault.azure.net/secrets/NAME\" }";

    /// <summary>
    /// A secret key written as a reference object. Env and file references are read now (a missing variable or file is a
    /// config error, not a surprise at the first call); a Key Vault secret is fetched by the <see cref="SecretStore"/> at start.
    /// </summary>
    private void ReadSecretReference(Json5Object obj, ConfigKey key, string path)
    {
        if (ParseReference(obj, path) is not { } reference)
        {
            return;
        }
        var source = $"{reference.Describe()} ({path})";
        string value;
        switch (reference.Kind)
        {
            case SecretSourceKind.Env:
                if (environment.GetValueOrDefault(reference.Target) is not { Length: > 0 } fromEnv)
                {
                    Issue(path, obj.Line, $"Environment variable '{reference.Target}' (secret reference) is not set or empty.", $"Set {reference.Target} in the environment, or point '{path}' at a file or Key Vault secret.");
                    return;
                }
                value = fromEnv;
                break;
            case SecretSourceKind.File:
                try
                {
                    value = SecretFile.Read(reference.Target);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Issue(path, obj.Line, $"Cannot read the secret file '{reference.Target}': {e.Message}", $"Mount or create the file (e.g. a Container Apps secret volume at {Path.GetDirectoryName(reference.Target)}), make it readable by the gateway, or fix '{path}.path'.");
                    return;
                }
                if (value.Length == 0)
                {
                    Issue(path, obj.Line, $"The secret file '{reference.Target}' is empty.", $"Write the secret into {reference.Target}, or fix '{path}.path'.");
                    return;
                }
                break;
            default:
                value = "";
                break;
        }
        values.Set(path, key, new SecretValue(value, source, reference), ConfigValueSource.FromFile(file, obj.Line));
    }

    private static readonly string[] TargetMembers = ["id", "path", "uri"];

    private SecretReference? ParseReference(Json5Object obj, string path)
    {
        var ok = true;
        foreach (var unknown in obj.Members.Where(m => m.Name is not ("source" or "id" or "path" or "uri")))
        {
            Issue(ConfigPath.Child(path, unknown.Name), unknown.Line, $"Unknown key '{unknown.Name}' in a secret reference.", $"A secret reference has 'source' and one of 'id' (env), 'path' (file) or 'uri' (keyvault): {RefExample}.");
            ok = false;
        }
        if (obj.Find("source")?.Value is not Json5String { Value: var sourceName })
        {
            Issue(path, obj.Line, "A secret written as an object needs \"source\": \"env\", \"file\" or \"keyvault\".", $"Write it as a string (\"${{VAR}}\" works) or as {RefExample}.");
            return null;
        }
        var (kind, member) = sourceName switch
        {
            SecretReference.EnvSource => (SecretSourceKind.Env, "id"),
            SecretReference.FileSource => (SecretSourceKind.File, "path"),
            SecretReference.KeyVaultSource => (SecretSourceKind.KeyVault, "uri"),
            _ => ((SecretSourceKind?)null, ""),
        };
        if (kind is null)
        {
            var close = ConfigSuggestions.Closest(sourceName, [SecretReference.EnvSource, SecretReference.FileSource, SecretReference.KeyVaultSource]);
            Issue(ConfigPath.Child(path, "source"), obj.Find("source")!.Line, $"'{sourceName}' is not a secret source. Valid: env, file, keyvault.", close is null ? "Use \"env\", \"file\" or \"keyvault\"." : $"Did you mean '{close}'?");
            return null;
        }
        var other = TargetMembers.Where(m => m != member && obj.Find(m) is not null).ToList();
        if (other.Count > 0)
        {
            Issue(ConfigPath.Child(path, other[0]), obj.Find(other[0])!.Line, $"'{other[0]}' does not belong to a \"{sourceName}\" secret reference.", $"Use '{member}' with source \"{sourceName}\": {RefExample}.");
            ok = false;
        }
        if (obj.Find(member)?.Value is not Json5String { Value: { Length: > 0 } target })
        {
            Issue(path, obj.Line, $"The \"{sourceName}\" secret reference has no '{member}' string.", $"Add \"{member}\": {ExampleTarget(kind.Value)}.");
            return null;
        }
        var targetLine = obj.Find(member)!.Line;
        switch (kind)
        {
            case SecretSourceKind.Env when !target.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(target[0]):
                Issue(ConfigPath.Child(path, "id"), targetLine, $"'{target}' is not an environment variable name.", "Use letters, digits and '_', e.g. \"OPENAI_API_KEY\".");
                return null;
            case SecretSourceKind.File when !Path.IsPathFullyQualified(target):
                Issue(ConfigPath.Child(path, "path"), targetLine, $"The secret file path '{target}' is not absolute.", "Use an absolute path, e.g. \"/run/secrets/openai-api-key\" (where Container Apps and Kubernetes mount secrets).");
                return null;
            case SecretSourceKind.KeyVault when KeyVaultSecretUri.Parse(target) is null:
                Issue(ConfigPath.Child(path, "uri"), targetLine, $"'{target}' is not a Key Vault secret URI.", "Use https://VAULT.vault.azure.net/secrets/NAME (latest version, re-read every minute) or .../secrets/NAME/VERSION (pinned).");
                return null;
        }
        return ok ? new SecretReference(kind.Value, target) : null;
    }

    private static string ExampleTarget(SecretSourceKind kind) => kind switch
    {
        SecretSourceKind.Env => "\"OPENAI_API_KEY\"",
        SecretSourceKind.File => "\"/run/secrets/openai-api-key\"",
        _ => "\"https://VAULT.vault.azure.net/secrets/NAME\"",
    };
}
