namespace MoltBot.Security.Secrets;

/// <summary>A Key Vault secret could not be read; the message names the secret URI, never a value.</summary>
internal sealed class KeyVaultException(KeyVaultSecretUri secret, string reason, Exception? inner)
    : Exception($"Cannot read Key Vault secret {secret.SecretUri}: {reason}", inner)
{
    public int? StatusCode { get; init; }

    /// <summary>What to do about it, by status.</summary>
    public string Fix => StatusCode switch
    {
        401 or 403 => "Give the gateway's identity read access to the secret (the 'Key Vault Secrets User' role, or a get-secret access policy) and check AZURE_CLIENT_ID for a user-assigned identity.",
        404 => "Check the vault and secret name (and version, if pinned) in the uri.",
        _ => "Check that the vault is reachable from the gateway and that a Managed Identity (or az login) is available.",
    };
}
