namespace MoltBot.Security.Secrets;

/// <summary>Where a secret reference points: <c>env</c>, <c>file</c> or <c>keyvault</c>.</summary>
internal enum SecretSourceKind
{
    Env,
    File,
    KeyVault,
}
