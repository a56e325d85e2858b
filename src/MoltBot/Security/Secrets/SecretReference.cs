using System.Text.Json;

namespace MoltBot.Security.Secrets;

/// <summary>
/// A secret-valued config key written as <c>{ "source": "env", "id": "NAME" }</c>, <c>{ "source": "file", "path": "/run/secrets/x" }</c>
/// or <c>{ "source": "keyvault", "uri": "https://vault.vault.azure.net/secrets/name[/version]" }</c>.
/// </summary>
/// <param name="Target">The variable name, file path or Key Vault secret URI.</param>
internal sealed record SecretReference(SecretSourceKind Kind, string Target)
{
    public const string EnvSource = "env";
    public const string FileSource = "file";
    public const string KeyVaultSource = "keyvault";

    /// <summary>Whether the value can change while the gateway runs: files, and Key Vault secrets without a pinned version.</summary>
    public bool Rotates => Kind == SecretSourceKind.File || (Kind == SecretSourceKind.KeyVault && !KeyVaultSecretUri.Parse(Target)!.IsPinned);

    /// <summary>Safe to print: <c>env:NAME</c>, <c>file:/run/secrets/x</c>, <c>keyvault:https://…</c>.</summary>
    public string Describe() => $"{SourceName}:{Target}";

    public string SourceName => Kind switch
    {
        SecretSourceKind.Env => EnvSource,
        SecretSourceKind.File => FileSource,
        _ => KeyVaultSource,
    };

    /// <summary>The reference as it is written in the config file (for <c>config show</c>).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("source", SourceName);
        writer.WriteString(Kind switch { SecretSourceKind.Env => "id", SecretSourceKind.File => "path", _ => "uri" }, Target);
        writer.WriteEndObject();
    }

    public override string ToString() => Describe();
}
