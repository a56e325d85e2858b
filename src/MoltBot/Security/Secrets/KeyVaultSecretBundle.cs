using System.Text.Json.Serialization;

namespace MoltBot.Security.Secrets;

/// <summary>The Key Vault REST <c>SecretBundle</c> (GET secret, api-version 7.4): the fields we read.</summary>
internal sealed record KeyVaultSecretBundle
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary><c>https://vault/secrets/name/version</c>: says which version was served.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}

/// <summary>The Key Vault REST error envelope: <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed record KeyVaultErrorEnvelope
{
    [JsonPropertyName("error")]
    public KeyVaultError? Error { get; init; }
}

internal sealed record KeyVaultError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

[JsonSerializable(typeof(KeyVaultSecretBundle))]
[JsonSerializable(typeof(KeyVaultErrorEnvelope))]
internal sealed partial class KeyVaultJsonContext : JsonSerializerContext;
