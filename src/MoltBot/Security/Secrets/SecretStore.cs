using MoltBot.Configuration;
using MoltBot.Security.Redaction;

namespace MoltBot.Security.Secrets;

/// <summary>
/// Owns every secret reference of the configuration: fetches Key Vault secrets at start, re-reads rotating ones
/// (files, unpinned Key Vault secrets) on request, and registers every value it ever saw with the redactor before
/// anyone can use it. The config records hold the same <see cref="SecretValue"/> objects, so a new value is what the
/// next model call, channel connection or token check reads.
/// </summary>
internal sealed class SecretStore
{
    private readonly IReadOnlyList<SecretBinding> _bindings;
    private readonly KnownSecretsRedactor _redactor;
    private readonly KeyVaultSecretClient _keyVault;

    public SecretStore(MoltBotConfig config, KnownSecretsRedactor redactor, KeyVaultSecretClient keyVault)
    {
        _bindings = [.. ConfigSecrets.All(config).Where(s => s.Secret.Reference is not null).Select(s => new SecretBinding(s.Key, s.Secret, s.Secret.Reference!))];
        _redactor = redactor;
        _keyVault = keyVault;
        _redactor.Add(ConfigSecrets.Values(config));
    }

    public IReadOnlyList<SecretBinding> Bindings => _bindings;

    /// <summary>The one redactor every sink uses; it knows every value this store has seen.</summary>
    public KnownSecretsRedactor Redactor => _redactor;

    /// <summary>
    /// A store over <paramref name="config"/> with a fresh redactor, Key Vault read with <paramref name="credential"/>
    /// (default: Managed Identity for <c>AZURE_CLIENT_ID</c>, else <c>DefaultAzureCredential</c>, created on first use).
    /// </summary>
    public static SecretStore Create(MoltBotConfig config, Func<Azure.Core.TokenCredential>? credential = null)
    {
        var lazy = credential is null
            ? new Lazy<Azure.Core.TokenCredential>(() => Providers.Azure.AzureOpenAiClientFactory.DefaultCredential(Environment.GetEnvironmentVariable("AZURE_CLIENT_ID")))
            : new Lazy<Azure.Core.TokenCredential>(credential);
        return new SecretStore(config, new KnownSecretsRedactor([]), new KeyVaultSecretClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, () => lazy.Value));
    }

    public bool HasRotating => _bindings.Any(b => b.Reference.Rotates);

    /// <summary>Folders of secret files, for change notifications.</summary>
    public IEnumerable<string> FileFolders => _bindings.Where(b => b.Reference.Kind == SecretSourceKind.File)
        .Select(b => Path.GetDirectoryName(b.Reference.Target)).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Fetches every Key Vault secret not read yet. Start-up only: a failure stops the start.</summary>
    /// <exception cref="ConfigException">One issue per secret that could not be read, naming its key and the fix.</exception>
    public void Resolve(CancellationToken cancellationToken)
    {
        var issues = new List<ConfigIssue>();
        foreach (var binding in _bindings.Where(b => b.Reference.Kind == SecretSourceKind.KeyVault && b.Secret.Value.Length == 0))
        {
            try
            {
                Set(binding, _keyVault.Get(KeyVaultSecretUri.Parse(binding.Reference.Target)!, cancellationToken));
            }
            catch (KeyVaultException e)
            {
                issues.Add(new ConfigIssue(binding.Key, null, null, e.Message, e.Fix));
            }
        }
        if (issues.Count > 0)
        {
            throw new ConfigException(issues);
        }
    }

    /// <summary>Re-reads every secret file; returns the ones that changed or could not be read.</summary>
    public IReadOnlyList<SecretReload> RefreshFiles()
    {
        var reloads = new List<SecretReload>();
        foreach (var binding in _bindings.Where(b => b.Reference.Kind == SecretSourceKind.File))
        {
            try
            {
                var value = SecretFile.Read(binding.Reference.Target);
                if (value.Length == 0)
                {
                    // Mid-update (truncate, then write) or emptied by mistake: keep the last good value.
                    reloads.Add(new SecretReload(binding.Key, binding.Reference, "the file is empty"));
                }
                else if (Set(binding, value))
                {
                    reloads.Add(new SecretReload(binding.Key, binding.Reference));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reloads.Add(new SecretReload(binding.Key, binding.Reference, e.Message));
            }
        }
        return reloads;
    }

    /// <summary>Re-fetches every Key Vault secret without a pinned version; returns the ones that changed or failed.</summary>
    public async Task<IReadOnlyList<SecretReload>> RefreshKeyVaultAsync(CancellationToken cancellationToken)
    {
        var reloads = new List<SecretReload>();
        foreach (var binding in _bindings.Where(b => b.Reference is { Kind: SecretSourceKind.KeyVault, Rotates: true }))
        {
            try
            {
                if (Set(binding, await _keyVault.GetAsync(KeyVaultSecretUri.Parse(binding.Reference.Target)!, cancellationToken)))
                {
                    reloads.Add(new SecretReload(binding.Key, binding.Reference));
                }
            }
            catch (KeyVaultException e)
            {
                reloads.Add(new SecretReload(binding.Key, binding.Reference, e.Message));
            }
        }
        return reloads;
    }

    // Redactor first: the moment a consumer can read the new value, logs already mask it.
    private bool Set(SecretBinding binding, string value)
    {
        _redactor.Add(value);
        return binding.Secret.Update(value);
    }
}
