using System.Buffers.Text;
using System.Security.Cryptography;
using MoltBot.Configuration;
using MoltBot.Configuration.Schema;
using MoltBot.Storage;

namespace MoltBot.Security.AuditChecks;

/// <summary><c>gateway.bind.no-token</c> and <c>gateway.token.weak</c>: the one secret between the network and the agent.</summary>
internal static class GatewayTokenChecks
{
    public const string NoTokenId = "gateway.bind.no-token";
    public const string WeakTokenId = "gateway.token.weak";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        var paths = context.Paths;
        if (context.Loaded.Config.Gateway.Auth.Token is { Reference.Kind: Secrets.SecretSourceKind.KeyVault, Value.Length: 0 })
        {
            yield break; // a Key Vault token is fetched (and its strength checked) when the gateway starts, not offline
        }
        if (EffectiveToken(context.Loaded) is not { } token)
        {
            if (context.GatewayExposed)
            {
                yield return new SecurityFinding(NoTokenId, SecuritySeverity.High,
                    $"gateway.bind is '{context.Loaded.Config.Gateway.Bind}' (reachable from other machines) and no gateway token exists yet",
                    $"Set {ConfigEnvironmentVariables.GatewayToken} (or gateway.auth.token as \"${{{ConfigEnvironmentVariables.GatewayToken}}}\"), or let --fix generate one into {paths.TokenPath}.")
                {
                    AutoFix = GenerateTokenFile(paths),
                };
            }
            yield break;
        }
        if (TokenStrength.Weakness(token.Value.Value) is not { } weakness)
        {
            yield break;
        }
        var severity = context.GatewayExposed ? SecuritySeverity.High : SecuritySeverity.Medium;
        var finding = $"the gateway token from {token.Where} is weak: {weakness}";
        yield return token.Kind switch
        {
            null => new SecurityFinding(WeakTokenId, severity, finding,
                $"Let --fix replace {paths.TokenPath} with a new random token (then restart the gateway and give clients the new one).")
            {
                AutoFix = GenerateTokenFile(paths),
            },
            ConfigSourceKind.Environment or ConfigSourceKind.Flag => new SecurityFinding(WeakTokenId, severity, finding,
                $"Give {token.Where} a random value of 32+ characters, e.g. `openssl rand -base64 32`; --fix does not change the environment or flags."),
            _ => new SecurityFinding(WeakTokenId, severity, finding,
                $"Replace gateway.auth.token at {token.Where} with \"${{{ConfigEnvironmentVariables.GatewayToken}}}\" and set that variable to a random value (`openssl rand -base64 32`); --fix does not edit the config file."),
        };
    }

    /// <summary>The token the gateway would use, without generating one: config/env/flag first, else the state token file.</summary>
    /// <returns>Null when there is none yet; <c>Kind</c> null means the state token file.</returns>
    private static (SecretValue Value, ConfigSourceKind? Kind, string Where)? EffectiveToken(LoadedConfig loaded)
    {
        if (loaded.Config.Gateway.Auth.Token is { Value.Length: > 0 } configured)
        {
            var source = loaded.Sources.GetValueOrDefault("gateway.auth.token");
            var where = source switch
            {
                { Kind: ConfigSourceKind.File } => $"{source.File}:{source.Line}",
                { Kind: ConfigSourceKind.Flag } => $"flag {source.Detail}",
                { } s => s.ToString(),
                null => configured.Source,
            };
            return (configured, source?.Kind ?? ConfigSourceKind.File, where);
        }
        var file = loaded.Paths.TokenPath;
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored)
        {
            return (new SecretValue(stored, file), null, file);
        }
        return null;
    }

    private static SecurityAutoFix GenerateTokenFile(MoltBotPaths paths) => new(
        $"wrote a new random 43-character gateway token to {paths.TokenPath} (0600); restart the gateway and give clients the new token (`cat {paths.TokenPath}`)",
        () => StateFiles.WritePrivate(paths.TokenPath, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)) + "\n"));
}
